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
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts' public keys, kept in the database ({@link KeyStore}), with their lines read by {@link
 * PublicKeyLine}: the domain's {@link AccountKeys}, and the question the SSH door asks when a
 * client offers a key for an account ({@link #holds}).
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
   * True when {@code key} is one of the keys {@code account} added (matched case-insensitively, as
   * nicks are). The SSH door asks this for the key a client offers, and lets the session in to the
   * account only once the client has also proved it holds the private key (its signature verified):
   * this says which keys may log in, not that a client holds one. A key of a kind chatshell does
   * not accept, or a database that does not answer, is false (logged).
   */
  public boolean holds(String account, PublicKey key) {
    if (account == null || key == null) {
      return false;
    }
    PublicKeyLine offered;
    try {
      offered = PublicKeyLine.of(key);
    } catch (IllegalArgumentException e) {
      return false; // not a kind of key an account can have
    }
    try {
      Optional<AccountKey> kept = store.find(account, offered.fingerprint());
      // The whole key compared, not only its digest: what is stored is what must match.
      return kept.isPresent() && kept.get().publicKey().equals(offered.publicKey());
    } catch (StoreException e) {
      log.error("Key database: {}", e.getMessage(), e);
      return false;
    }
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
