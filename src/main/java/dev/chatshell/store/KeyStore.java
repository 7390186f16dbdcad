package dev.chatshell.store;

import dev.chatshell.chat.AccountKey;
import dev.chatshell.chat.Names;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Accounts' public keys in the database ({@code account_keys}, schema V6), one row per account and
 * fingerprint; accounts are matched the way the chat matches nicks (case-insensitively). Keys are
 * read at each question, never cached, so a key removed is refused at the next login.
 */
public final class KeyStore {
  private static final String COLUMNS = "fingerprint, key_type, public_key, comment, added_at";

  private final Database database;

  public KeyStore(Database database) {
    this.database = database;
  }

  /** The keys of {@code account}, oldest first. */
  public List<AccountKey> list(String account) throws StoreException {
    return database.transaction(
        connection -> {
          List<AccountKey> keys = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM account_keys WHERE account_key = ?"
                      + " ORDER BY added_at, fingerprint")) {
            select.setString(1, Names.key(account));
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                keys.add(key(rows));
              }
            }
          }
          return keys;
        });
  }

  /** The key of that fingerprint on {@code account}, if it has it. */
  public Optional<AccountKey> find(String account, String fingerprint) throws StoreException {
    return database.transaction(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM account_keys WHERE account_key = ? AND fingerprint = ?")) {
            select.setString(1, Names.key(account));
            select.setString(2, fingerprint);
            try (ResultSet row = select.executeQuery()) {
              return row.next() ? Optional.of(key(row)) : Optional.empty();
            }
          }
        });
  }

  /**
   * Adds {@code key} to {@code account}; false when the account has a key of that fingerprint
   * already. One statement, so two terminals adding the same key at once store it once.
   */
  public boolean add(String account, AccountKey key) throws StoreException {
    return database.update(
            "INSERT INTO account_keys"
                + " (account_key, fingerprint, key_type, public_key, comment, added_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account_key, fingerprint) DO NOTHING",
            Names.key(account),
            key.fingerprint(),
            key.type(),
            key.publicKey(),
            key.comment(),
            key.added().toEpochMilli())
        == 1;
  }

  /** Removes the key of that fingerprint from {@code account}; false when it has none. */
  public boolean remove(String account, String fingerprint) throws StoreException {
    return database.update(
            "DELETE FROM account_keys WHERE account_key = ? AND fingerprint = ?",
            Names.key(account),
            fingerprint)
        == 1;
  }

  private static AccountKey key(ResultSet row) throws SQLException {
    return new AccountKey(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        Instant.ofEpochMilli(row.getLong(5)));
  }
}
