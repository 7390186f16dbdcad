package dev.chatshell.store;

import dev.chatshell.chat.Ban;
import dev.chatshell.chat.BanList;
import dev.chatshell.chat.Names;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bans in the database; each change one committed transaction before it returns. */
public final class BanStore implements BanList {
  private static final Logger log = LoggerFactory.getLogger(BanStore.class);
  private static final String SERVER = "*";

  private final Database database;

  public BanStore(Database database) {
    this.database = database;
  }

  private static String scope(String channel) {
    return channel == null ? SERVER : Names.key(channel);
  }

  @Override
  public List<Ban> load() {
    return run(
        connection -> {
          List<Ban> bans = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT channel, kind, target, set_by, reason, set_at, until_at FROM bans"
                          + " ORDER BY set_at");
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              long until = row.getLong(7);
              Instant untilAt = row.wasNull() ? null : Instant.ofEpochMilli(until);
              bans.add(
                  new Ban(
                      row.getString(1),
                      Ban.Kind.valueOf(row.getString(2)),
                      row.getString(3),
                      row.getString(4),
                      row.getString(5),
                      Instant.ofEpochMilli(row.getLong(6)),
                      untilAt));
            }
          }
          return bans;
        });
  }

  @Override
  public void add(Ban ban) {
    run(
        connection -> {
          delete(connection, ban);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO bans (scope_key, channel, kind, target_key, target, set_by, reason,"
                      + " set_at, until_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, scope(ban.channel()));
            insert.setString(2, ban.channel());
            insert.setString(3, ban.kind().name());
            insert.setString(4, Names.key(ban.target()));
            insert.setString(5, ban.target());
            insert.setString(6, ban.by());
            insert.setString(7, ban.reason());
            insert.setLong(8, ban.at().toEpochMilli());
            if (ban.until() == null) {
              insert.setNull(9, Types.BIGINT);
            } else {
              insert.setLong(9, ban.until().toEpochMilli());
            }
            insert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void remove(Ban ban) {
    run(
        connection -> {
          delete(connection, ban);
          return null;
        });
  }

  private static void delete(java.sql.Connection connection, Ban ban) throws java.sql.SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM bans WHERE scope_key = ? AND kind = ? AND target_key = ?")) {
      delete.setString(1, scope(ban.channel()));
      delete.setString(2, ban.kind().name());
      delete.setString(3, Names.key(ban.target()));
      delete.executeUpdate();
    }
  }

  @Override
  public void removeChannel(String channel) {
    update("DELETE FROM bans WHERE scope_key = ?", scope(channel));
  }

  @Override
  public void renameChannel(String channel, String newName) {
    update(
        "UPDATE bans SET scope_key = ?, channel = ? WHERE scope_key = ?",
        scope(newName),
        newName,
        scope(channel));
  }

  private void update(String sql, Object... values) {
    try {
      database.update(sql, values);
    } catch (StoreException e) {
      throw Database.failure(log, "Ban", e);
    }
  }

  private <T> T run(Database.Work<T> work) {
    try {
      return database.transaction(work);
    } catch (StoreException e) {
      throw Database.failure(log, "Ban", e);
    }
  }
}
