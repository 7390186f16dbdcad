package dev.chatshell.auth;

import dev.chatshell.chat.AccountKey;
import dev.chatshell.chat.AccountKeys;
import dev.chatshell.chat.ChatException;
import dev.chatshell.store.Database;
import dev.chatshell.store.KeyStore;
import dev.chatshell.store.StoreException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts' public keys, kept in the database ({@link KeyStore}), with their lines read by {@link
 * PublicKeyLine}: the domain's {@link AccountKeys}, and the question the SSH door asks when a
 * client offers a key for an account ({@link #keysOf}).
 *
 * <p>Keys are read from the database at each question, not cached, as accounts are at each login: a
 * key removed with /KEY DEL (or a row deleted by hand) is refused at the next login.
 */
public final class AccountKeyRing implements AccountKeys {
  private static final Logger log = LoggerFactory.getLogger(AccountKeyRing.class);

  private final KeyStore store;

  public AccountKeyRing(KeyStore store) {
    this.store = store;
  }

  /**
   * The keys {@code account} added, read now, as a test of offered keys: true for one of them (the
   * whole key compared, not only its digest). The SSH door reads them once per connection, before
   * any key is offered, and then asks in memory; it lets the session in to the account only once
   * the client has also proved it holds the private key (its signature verified): this says which
   * keys may log in, not that a client holds one. A key of a kind chatshell does not accept is
   * false; a database that does not answer gives a test that is always false (logged).
   */
  public Predicate<PublicKey> keysOf(String account) {
    if (account == null) {
      return key -> false;
    }
    Set<String> kept;
    try {
      kept =
          store.list(account).stream()
              .map(AccountKey::publicKey)
              .collect(java.util.stream.Collectors.toUnmodifiableSet());
    } catch (StoreException e) {
      log.error("Key database: {}", e.getMessage(), e);
      return key -> false;
    }
    return key -> {
      if (key == null || kept.isEmpty()) {
        return false;
      }
      try {
        return kept.contains(PublicKeyLine.of(key).publicKey());
      } catch (IllegalArgumentException e) {
        return false; // not a kind of key an account can have
      }
    };
  }

  @Override
  public AccountKey read(String line, Instant now) {
    try {
      return PublicKeyLine.parse(line).toAccountKey(now);
    } catch (IllegalArgumentException e) {
      throw new ChatException(ChatException.Reason.INVALID, e.getMessage());
    }
  }

  @Override
  public List<AccountKey> list(String account) {
    try {
      return store.list(account);
    } catch (StoreException e) {
      throw Database.failure(log, "Key", e);
    }
  }

  @Override
  public boolean add(String account, AccountKey key) {
    try {
      return store.add(account, key);
    } catch (StoreException e) {
      throw Database.failure(log, "Key", e);
    }
  }

  @Override
  public boolean remove(String account, String fingerprint) {
    try {
      return store.remove(account, fingerprint);
    } catch (StoreException e) {
      throw Database.failure(log, "Key", e);
    }
  }
}
