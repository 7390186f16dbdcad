package dev.chatshell.store;

import dev.chatshell.chat.Names;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registered nicknames and their password hashes. Names are matched the way the chat matches nicks
 * (case-insensitively); only hashes are ever stored, never passwords.
 */
public final class AccountStore {
  /** One account as stored. */
  public record Account(String name, String passwordHash, boolean locked, Instant created) {}

  private final Database database;

  public AccountStore(Database database) {
    this.database = database;
  }

  /** Registers {@code name}; false when an account of that name (in any case) exists. */
  public boolean create(String name, String passwordHash, Instant now) throws StoreException {
    return database.transaction(
        connection -> {
          // One statement, so two registrations of one name at once cannot both succeed.
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO accounts (name_key, name, password_hash, locked, created_at)"
                      + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (name_key) DO NOTHING")) {
            insert.setString(1, Names.key(name));
            insert.setString(2, name);
            insert.setString(3, passwordHash);
            insert.setBoolean(4, false);
            insert.setLong(5, now.toEpochMilli());
            return insert.executeUpdate() == 1;
          }
        });
  }

  public Optional<Account> find(String name) throws StoreException {
    return database.transaction(connection -> find(connection, name));
  }

  private static Optional<Account> find(java.sql.Connection connection, String name)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT name, password_hash, locked, created_at FROM accounts WHERE name_key = ?")) {
      select.setString(1, Names.key(name));
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(account(row)) : Optional.empty();
      }
    }
  }

  /** Replaces the password hash; false when there is no such account. */
  public boolean setPassword(String name, String passwordHash) throws StoreException {
    return update("UPDATE accounts SET password_hash = ? WHERE name_key = ?", passwordHash, name);
  }

  /** Locks or unlocks the account; false when there is no such account. */
  public boolean setLocked(String name, boolean locked) throws StoreException {
    return update("UPDATE accounts SET locked = ? WHERE name_key = ?", locked, name);
  }

  private boolean update(String sql, Object value, String name) throws StoreException {
    return database.transaction(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, value);
            update.setString(2, Names.key(name));
            return update.executeUpdate() == 1;
          }
        });
  }

  /** The keys the account ignores. */
  public java.util.Set<String> ignored(String name) throws StoreException {
    return database.transaction(
        connection -> {
          java.util.Set<String> keys = new java.util.TreeSet<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT ignored_key FROM ignores WHERE account_key = ?")) {
            select.setString(1, Names.key(name));
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                keys.add(rows.getString(1));
              }
            }
          }
          return keys;
        });
  }

  /** Replaces what the account ignores, in one transaction. */
  public void setIgnored(String name, java.util.Set<String> keys) throws StoreException {
    database.transaction(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM ignores WHERE account_key = ?")) {
            delete.setString(1, Names.key(name));
            delete.executeUpdate();
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO ignores (account_key, ignored_key) VALUES (?, ?)")) {
            for (String key : keys) {
              insert.setString(1, Names.key(name));
              insert.setString(2, key);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  /** Every account, by name. */
  public List<Account> list() throws StoreException {
    return database.transaction(
        connection -> {
          List<Account> accounts = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT name, password_hash, locked, created_at FROM accounts"
                          + " ORDER BY name_key");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              accounts.add(account(rows));
            }
          }
          return accounts;
        });
  }

  private static Account account(ResultSet row) throws SQLException {
    return new Account(
        row.getString(1),
        row.getString(2),
        row.getBoolean(3),
        Instant.ofEpochMilli(row.getLong(4)));
  }
}
