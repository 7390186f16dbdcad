package dev.chatshell.store;

import dev.chatshell.chat.AccountPreferences;
import dev.chatshell.chat.Names;
import dev.chatshell.chat.Preferences;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts' {@code /SET} choices in the database ({@code account_preferences}), one row per account
 * that ever chose; each change is one committed statement before it returns.
 */
public final class PreferenceStore implements AccountPreferences {
  private static final Logger log = LoggerFactory.getLogger(PreferenceStore.class);

  private final Database database;

  public PreferenceStore(Database database) {
    this.database = database;
  }

  @Override
  public Preferences load(String account) {
    try {
      return database.transaction(
          connection -> {
            try (PreparedStatement select =
                connection.prepareStatement(
                    "SELECT timestamps, autojoin FROM account_preferences WHERE account_key = ?")) {
              select.setString(1, Names.key(account));
              try (ResultSet row = select.executeQuery()) {
                return row.next()
                    ? new Preferences(row.getBoolean(1), row.getBoolean(2))
                    : Preferences.DEFAULTS;
              }
            }
          });
    } catch (StoreException e) {
      throw Database.failure(log, "Account", e);
    }
  }

  @Override
  public void save(String account, Preferences preferences) {
    try {
      // One statement, understood by SQLite and PostgreSQL alike: insert or replace the row.
      database.update(
          "INSERT INTO account_preferences (account_key, timestamps, autojoin) VALUES (?, ?, ?)"
              + " ON CONFLICT (account_key) DO UPDATE SET timestamps = excluded.timestamps,"
              + " autojoin = excluded.autojoin",
          Names.key(account),
          preferences.timestamps(),
          preferences.autojoin());
    } catch (StoreException e) {
      throw Database.failure(log, "Account", e);
    }
  }
}
