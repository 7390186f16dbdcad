package dev.chatshell.store;

import dev.chatshell.chat.ChannelRegistry;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.JoinRequest;
import dev.chatshell.chat.Names;
import dev.chatshell.chat.Topic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registered channels in the database: name, founder account, kept secondary admins and topic. Each
 * change is one committed transaction before it returns; a failure is logged and comes out as a
 * {@link ChatException} telling the user that nothing was changed.
 */
public final class ChannelStore implements ChannelRegistry {
  private static final Logger log = LoggerFactory.getLogger(ChannelStore.class);

  private final Database database;

  public ChannelStore(Database database) {
    this.database = database;
  }

  @Override
  public List<Registered> load() {
    return run(
        connection -> {
          Map<String, Set<String>> admins = new HashMap<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT a.channel_key, c.name FROM channel_admins a"
                          + " JOIN accounts c ON c.name_key = a.account_key");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              admins
                  .computeIfAbsent(rows.getString(1), k -> new TreeSet<>())
                  .add(rows.getString(2));
            }
          }
          Map<String, List<JoinRequest>> requests = new HashMap<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT channel_key, kind, nick, account, made_by, made_at"
                          + " FROM channel_requests ORDER BY made_at");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              requests
                  .computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                  .add(
                      new JoinRequest(
                          JoinRequest.Kind.valueOf(rows.getString(2)),
                          rows.getString(3),
                          rows.getString(4),
                          rows.getString(5),
                          Instant.ofEpochMilli(rows.getLong(6))));
            }
          }
          List<Registered> channels = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT c.name_key, c.name, a.name, c.topic, c.topic_by, c.topic_at,"
                          + " c.history_from, c.private, c.member_limit, c.topic_open"
                          + " FROM channels c JOIN accounts a ON a.name_key = c.founder_key"
                          + " ORDER BY c.name_key");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              String topic = rows.getString(4);
              long from = rows.getLong(7);
              Instant historyFrom = rows.wasNull() ? null : Instant.ofEpochMilli(from);
              channels.add(
                  new Registered(
                      rows.getString(2),
                      rows.getString(3),
                      admins.getOrDefault(rows.getString(1), Set.of()),
                      topic == null
                          ? null
                          : new Topic(
                              topic, rows.getString(5), Instant.ofEpochMilli(rows.getLong(6))),
                      historyFrom,
                      new ChannelRegistry.Modes(
                          rows.getBoolean(8), rows.getInt(9), rows.getBoolean(10)),
                      requests.getOrDefault(rows.getString(1), List.of())));
            }
          }
          return channels;
        });
  }

  @Override
  public void register(Registered channel, Instant at) {
    run( // one transaction: all of it, or nothing
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO channels (name_key, name, founder_key, created_at, history_from,"
                      + " private, member_limit, topic_open) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, Names.key(channel.name()));
            insert.setString(2, channel.name());
            insert.setString(3, Names.key(channel.founder()));
            insert.setLong(4, at.toEpochMilli());
            if (channel.historyFrom() == null) {
              insert.setNull(5, Types.BIGINT);
            } else {
              insert.setLong(5, channel.historyFrom().toEpochMilli());
            }
            insert.setBoolean(6, channel.modes().isPrivate());
            insert.setInt(7, channel.modes().memberLimit());
            insert.setBoolean(8, channel.modes().topicOpen());
            insert.executeUpdate();
          }
          writeTopic(connection, channel.name(), channel.topic());
          for (String admin : channel.admins()) {
            insertAdmin(connection, channel.name(), admin);
          }
          for (JoinRequest request : channel.requests()) {
            insertRequest(connection, channel.name(), request);
          }
          return null;
        });
  }

  @Override
  public void addAdmin(String channel, String account) {
    run(
        connection -> {
          insertAdmin(connection, channel, account);
          return null;
        });
  }

  private static void insertAdmin(Connection connection, String channel, String account)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO channel_admins (channel_key, account_key) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING")) {
      insert.setString(1, Names.key(channel));
      insert.setString(2, Names.key(account));
      insert.executeUpdate();
    }
  }

  @Override
  public void removeAdmin(String channel, String account) {
    update(
        "DELETE FROM channel_admins WHERE channel_key = ? AND account_key = ?",
        Names.key(channel),
        Names.key(account));
  }

  @Override
  public void rename(String channel, String newName) {
    // channel_admins follows through ON UPDATE CASCADE. Its bans move in the same transaction: the
    // domain moves them next (BanList.renameChannel, then with nothing left to change), and were
    // that a transaction of its own, failing (a full disk) after this one, the user would be told
    // nothing was changed while the new name was stored.
    run(
        connection -> {
          try (PreparedStatement channels =
                  connection.prepareStatement(
                      "UPDATE channels SET name_key = ?, name = ? WHERE name_key = ?");
              PreparedStatement bans =
                  connection.prepareStatement(
                      "UPDATE bans SET scope_key = ?, channel = ? WHERE scope_key = ?")) {
            for (PreparedStatement update : List.of(channels, bans)) {
              update.setString(1, Names.key(newName));
              update.setString(2, newName);
              update.setString(3, Names.key(channel));
              update.executeUpdate();
            }
          }
          return null;
        });
  }

  @Override
  public void setTopic(String channel, Topic topic) {
    run(
        connection -> {
          writeTopic(connection, channel, topic);
          return null;
        });
  }

  private static void writeTopic(Connection connection, String channel, Topic topic)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE channels SET topic = ?, topic_by = ?, topic_at = ? WHERE name_key = ?")) {
      update.setString(1, topic == null ? null : topic.text());
      update.setString(2, topic == null ? null : topic.by());
      if (topic == null) {
        update.setNull(3, Types.BIGINT);
      } else {
        update.setLong(3, topic.at().toEpochMilli());
      }
      update.setString(4, Names.key(channel));
      update.executeUpdate();
    }
  }

  @Override
  public void setPrivate(String channel, boolean isPrivate) {
    update("UPDATE channels SET private = ? WHERE name_key = ?", isPrivate, Names.key(channel));
  }

  @Override
  public void setMemberLimit(String channel, int limit) {
    update("UPDATE channels SET member_limit = ? WHERE name_key = ?", limit, Names.key(channel));
  }

  @Override
  public void setTopicOpen(String channel, boolean open) {
    update("UPDATE channels SET topic_open = ? WHERE name_key = ?", open, Names.key(channel));
  }

  @Override
  public void addRequest(String channel, JoinRequest request) {
    run(
        connection -> {
          deleteRequest(connection, channel, request);
          insertRequest(connection, channel, request);
          return null;
        });
  }

  private static void insertRequest(Connection connection, String channel, JoinRequest request)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO channel_requests (channel_key, kind, nick_key, nick, account,"
                + " made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, Names.key(channel));
      insert.setString(2, request.kind().name());
      insert.setString(3, Names.key(request.nick()));
      insert.setString(4, request.nick());
      insert.setString(5, request.account());
      insert.setString(6, request.by());
      insert.setLong(7, request.at().toEpochMilli());
      insert.executeUpdate();
    }
  }

  @Override
  public void removeRequest(String channel, JoinRequest request) {
    run(
        connection -> {
          deleteRequest(connection, channel, request);
          return null;
        });
  }

  @Override
  public void replaceRequest(String channel, JoinRequest answered, JoinRequest invitation) {
    run( // one transaction: the request is not gone unless the invitation is kept
        connection -> {
          deleteRequest(connection, channel, answered);
          deleteRequest(connection, channel, invitation);
          insertRequest(connection, channel, invitation);
          return null;
        });
  }

  private static void deleteRequest(Connection connection, String channel, JoinRequest request)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM channel_requests WHERE channel_key = ? AND kind = ? AND nick_key = ?")) {
      delete.setString(1, Names.key(channel));
      delete.setString(2, request.kind().name());
      delete.setString(3, Names.key(request.nick()));
      delete.executeUpdate();
    }
  }

  @Override
  public void delete(String channel) {
    // channel_admins follows through ON DELETE CASCADE
    update("DELETE FROM channels WHERE name_key = ?", Names.key(channel));
  }

  private void update(String sql, Object... values) {
    try {
      database.update(sql, values);
    } catch (StoreException e) {
      throw Database.failure(log, "Channel", e);
    }
  }

  private <T> T run(Database.Work<T> work) {
    try {
      return database.transaction(work);
    } catch (StoreException e) {
      throw Database.failure(log, "Channel", e);
    }
  }
}
