package dev.chatshell.chat;

import static dev.chatshell.chat.ChatState.requireOnline;

import java.time.Clock;
import java.util.List;

/**
 * An account's public keys (/KEY): adding, listing and removing them. A key lets a session that
 * proves it holds the private half log in to the account without its password (the SSH door checks
 * that; the domain only keeps the list). Only someone logged in to the account manages its keys.
 */
final class KeyChanges {
  private final Clock clock;
  private final AccountKeys keys;
  private final Object keysLock;

  KeyChanges(ChatState state) {
    this.clock = state.clock;
    this.keys = state.accountKeys;
    this.keysLock = state.keysLock;
  }

  /** The prefix OpenSSH writes before a SHA-256 fingerprint, which users may leave out. */
  private static final String SHA256 = "SHA256:";

  /**
   * Adds the key of an OpenSSH public-key {@code line} to the account the user is logged in to, up
   * to {@link ChatServer#MAX_KEYS}. Every terminal of the account is told.
   */
  AccountKey addKey(User user, String line) {
    String account = requireAccount(user);
    AccountKey key = keys.read(line, clock.instant()); // no lock: a bad line costs nobody else
    int count;
    // The count checked and the key added as one step: two terminals adding the 20th key at once
    // do not make 21. Never held with the domain's lock.
    synchronized (keysLock) {
      List<AccountKey> have = keys.list(account);
      AccountKey same =
          have.stream()
              .filter(k -> k.fingerprint().equals(key.fingerprint()))
              .findFirst()
              .orElse(null);
      if (same != null) {
        throw alreadyThere(account, same);
      }
      if (have.size() >= ChatServer.MAX_KEYS) {
        throw new ChatException(
            ChatException.Reason.LIMIT,
            "The account "
                + account
                + " has "
                + have.size()
                + " keys, the most it may have; /KEY DEL one first.",
            account,
            have.size(),
            ChatServer.MAX_KEYS);
      }
      if (!keys.add(account, key)) { // added meanwhile from outside the domain (a second server)
        throw alreadyThere(account, key);
      }
      count = have.size() + 1;
    }
    user.deliver(new Notice.KeyAdded(clock.instant(), account, key, count));
    return key;
  }

  private static ChatException alreadyThere(String account, AccountKey key) {
    return new ChatException(
        ChatException.Reason.ALREADY,
        "The key " + key.fingerprint() + " is on the account " + account + " already.",
        account,
        key.fingerprint());
  }

  /** The keys of the account the user is logged in to, oldest first. */
  List<AccountKey> keys(User user) {
    String account = requireAccount(user);
    return List.copyOf(keys.list(account));
  }

  /**
   * Removes the key of {@code fingerprint} ({@code SHA256:...}, or without the prefix) from the
   * account the user is logged in to. Every terminal of the account is told.
   */
  AccountKey removeKey(User user, String fingerprint) {
    String account = requireAccount(user);
    String typed = fingerprint == null ? "" : fingerprint.strip();
    String wanted = typed.startsWith(SHA256) ? typed : SHA256 + typed;
    AccountKey removed;
    synchronized (keysLock) {
      removed =
          keys.list(account).stream()
              .filter(k -> k.fingerprint().equals(wanted))
              .findFirst()
              .orElse(null);
      if (removed == null || !keys.remove(account, removed.fingerprint())) {
        String shown = Text.visible(wanted.length() > 80 ? wanted.substring(0, 80) : wanted);
        throw new ChatException(
            ChatException.Reason.NO_SUCH_KEY,
            "The account " + account + " has no key " + shown + "; /KEY LIST shows its keys.",
            account,
            shown);
      }
    }
    user.deliver(new Notice.KeyRemoved(clock.instant(), account, removed));
    return removed;
  }

  private static String requireAccount(User user) {
    requireOnline(user);
    String account = user.account();
    if (account == null) {
      throw new ChatException(
          ChatException.Reason.NO_ACCOUNT,
          "Keys belong to an account, and you are logged in to none: /REGISTER makes one for your"
              + " nick.");
    }
    return account;
  }
}
