package dev.chatshell.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's database, through plain JDBC: an embedded SQLite file by default, or a PostgreSQL
 * server for larger sites, with the same SQL. Opening it brings the schema up to date with the
 * versioned scripts in {@code db/migration/}, each applied once, in order, in its own transaction,
 * and recorded in {@code schema_version}.
 *
 * <p>One server per database: schema updates are not coordinated between servers.
 *
 * <p>One connection, used by one thread at a time: what is stored (accounts, registrations) is
 * small and rare next to the chat itself. The domain's changes that wait for it are committed
 * together ({@link #together}: one transaction and one sync for many). SQLite runs in WAL mode with
 * full sync, so a commit that returned survives the process being killed, and the machine losing
 * power.
 */
public final class Database implements AutoCloseable {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Database.class);

  /** The schema scripts, in the order they apply; their number is their version. */
  static final List<String> MIGRATIONS =
      List.of(
          "V1__accounts.sql",
          "V2__channels.sql",
          "V3__history.sql",
          "V4__bans.sql",
          "V5__preferences.sql",
          "V6__keys.sql",
          "V7__channel_modes.sql");

  /**
   * Work done inside one transaction. It must let every {@link SQLException} out: after some
   * failures SQLite has ended the transaction already, and statements run after them would not be
   * part of it.
   */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final String url;
  private final boolean sqlite;
  private final Properties properties;
  private Connection connection; // guarded by lock; replaced when it is found broken
  private boolean closed; // guarded by lock
  private final String description;
  private final ReentrantLock lock = new ReentrantLock();
  // Set while together() runs, by the thread holding the lock: its transactions join its group.
  private boolean grouping; // guarded by lock

  private Database(String url, Properties properties, Connection connection, String description) {
    this.url = url;
    this.sqlite = url.startsWith("jdbc:sqlite:");
    this.properties = properties;
    this.connection = connection;
    this.description = description;
  }

  /** The embedded database: an SQLite file, created with its directory when missing. */
  public static Database sqlite(Path file) throws StoreException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(file)) {
        createPrivate(file);
      }
    } catch (IOException e) {
      throw new StoreException("Cannot create " + file + ": " + e.getMessage(), e);
    }
    return open("jdbc:sqlite:" + file, null, null);
  }

  /**
   * Creates an empty file only its owner may read: it will hold password hashes. (SQLite gives its
   * -wal and -shm files the same permissions.)
   */
  public static void createPrivate(Path file) throws IOException {
    try {
      Files.createFile(
          file,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(file); // not a POSIX file system: its own rules apply
    }
  }

  /**
   * The configured database: the SQLite file {@code file} when {@code url} is {@code null}, else
   * the database at {@code url}.
   */
  public static Database open(String url, Path file) throws StoreException {
    return url == null ? sqlite(file) : open(url, null, null);
  }

  /** Opens the database at a JDBC URL (SQLite or PostgreSQL) and brings its schema up to date. */
  public static Database open(String url, String user, String password) throws StoreException {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    if (url.startsWith("jdbc:postgresql:")) {
      // A stalled server must not hang the chat: calls fail after these many seconds instead.
      // (Values in the URL win over these defaults.)
      properties.setProperty("connectTimeout", "10");
      properties.setProperty("socketTimeout", "30");
    }
    String description = url.replaceAll("password=[^&;]*", "password=...");
    Connection connection;
    try {
      connection = DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      throw new StoreException(
          "Cannot open the database " + description + ": " + e.getMessage(), e);
    }
    Database database = new Database(url, properties, connection, description);
    try {
      database.configure(url.startsWith("jdbc:sqlite:"));
      database.migrate();
    } catch (SQLException | IOException | RuntimeException e) {
      database.close();
      throw new StoreException(
          "Cannot prepare the database " + description + ": " + e.getMessage(), e);
    }
    return database;
  }

  private void configure(boolean sqlite) throws SQLException {
    if (sqlite) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=FULL");
        statement.execute("PRAGMA foreign_keys=ON");
        statement.execute("PRAGMA busy_timeout=5000");
      }
    }
    connection.setAutoCommit(false);
  }

  /** The schema version now in the database: the number of scripts applied. */
  public int schemaVersion() throws StoreException {
    return transaction(Database::version);
  }

  private void migrate() throws SQLException, IOException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + "version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL,"
              + " applied_at BIGINT NOT NULL)");
    }
    connection.commit();
    int current = version(connection);
    if (current > MIGRATIONS.size()) {
      throw new SQLException(
          "its schema is version "
              + current
              + ", newer than this chatshell knows ("
              + MIGRATIONS.size()
              + "); use a newer chatshell");
    }
    for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
      String script = MIGRATIONS.get(version - 1);
      try {
        try (Statement statement = connection.createStatement()) {
          for (String sql : statements(read(script))) {
            statement.execute(sql);
          }
        }
        try (PreparedStatement record =
            connection.prepareStatement(
                "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
          record.setInt(1, version);
          record.setString(2, script);
          record.setLong(3, System.currentTimeMillis());
          record.executeUpdate();
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw new SQLException(script + ": " + e.getMessage(), e);
      }
    }
  }

  private static int version(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static String read(String script) throws IOException {
    try (InputStream in = Database.class.getResourceAsStream("/db/migration/" + script)) {
      if (in == null) {
        throw new IOException("missing schema script " + script);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The statements of a script: split at semicolons ending a line, comments dropped. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String code = line.strip();
      if (code.isEmpty() || code.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (code.endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  /** Runs {@code work} in a transaction: committed if it returns, rolled back if it throws. */
  public <T> T transaction(Work<T> work) throws StoreException {
    lock.lock();
    try {
      if (grouping) { // part of a group (see together): its savepoint and commit are the group's
        return work.run(connection);
      }
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollBack(e);
        throw e;
      }
    } catch (SQLException e) {
      boolean unavailable = unavailable(e);
      reconnectIfBroken();
      throw new StoreException(
          "Database error on " + description + ": " + e.getMessage(), e, unavailable);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Group commit: runs several changes, in order, in one transaction, so that many cost one commit
   * (one sync of the disk), and returns once it is committed. Each change runs under a savepoint of
   * its own, and the transactions it runs ({@link #transaction}, on this thread) join the group's:
   * a change that throws is rolled back to its savepoint alone, and the others are kept. Returns,
   * for each change, {@code null} when it is stored, else why not; when the group cannot be
   * committed at all (a full disk, a lost connection; SQLite may end the transaction by itself),
   * nothing of it is stored and every change has that failure, as a {@link
   * dev.chatshell.chat.ChatException} saying nothing was changed.
   */
  public List<RuntimeException> together(List<Runnable> changes) {
    List<RuntimeException> failures =
        new ArrayList<>(java.util.Collections.nCopies(changes.size(), null));
    lock.lock();
    try {
      grouping = true;
      for (int i = 0; i < changes.size(); i++) {
        java.sql.Savepoint savepoint = connection.setSavepoint();
        try {
          changes.get(i).run();
        } catch (RuntimeException e) {
          failures.set(i, e);
          connection.rollback(savepoint); // fails when SQLite has ended the transaction itself
        }
        connection.releaseSavepoint(savepoint);
      }
      grouping = false;
      connection.commit();
    } catch (SQLException e) {
      grouping = false;
      rollBack(e);
      boolean unavailable = unavailable(e);
      reconnectIfBroken();
      RuntimeException lost =
          failure(
              log,
              "Channel",
              new StoreException(
                  "Database error on " + description + ": " + e.getMessage(), e, unavailable));
      for (int i = 0; i < failures.size(); i++) {
        if (failures.get(i) == null) {
          failures.set(i, lost);
        }
      }
    } finally {
      grouping = false;
      lock.unlock();
    }
    return failures;
  }

  /**
   * Undoes a failed transaction, and makes sure the next one starts inside a transaction. SQLite
   * ends a transaction by itself on some errors (a full disk, an I/O error, memory exhausted): the
   * driver's rollback then fails ("no transaction is active") before it opens the next one, and
   * left so, every later statement would commit on its own, so that a failed change could be half
   * stored, and every commit fail. So when the rollback fails the transaction the driver believes
   * open is opened; when SQLite refuses because one is still open (a rollback that failed for some
   * other reason), the connection is replaced, which discards that transaction. Called with the
   * lock held.
   */
  private void rollBack(Exception failure) {
    try {
      connection.rollback();
      return;
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    if (!sqlite) {
      return; // a server's rollback fails only with its connection, which is replaced then
    }
    try (Statement begin = connection.createStatement()) {
      begin.execute("BEGIN");
      return; // SQLite had rolled back already; the driver and it agree again
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
    replace();
  }

  /**
   * Whether a failure says the database cannot take anything now (out of space, unreachable, busy,
   * failing its I/O), rather than that this work is wrong: the same work may succeed later.
   */
  private boolean unavailable(SQLException e) {
    try {
      if (connection.isClosed()) {
        return true;
      }
    } catch (SQLException closed) {
      return true;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException failure) {
        String state = failure.getSQLState();
        if (state != null && state.length() >= 2) {
          // PostgreSQL: 08 connection, 53 out of resources (disk full), 57 operator, 58 system
          if (List.of("08", "53", "57", "58").contains(state.substring(0, 2))) {
            return true;
          }
        }
        if (sqlite) {
          // Primary result codes: BUSY, LOCKED, NOMEM, READONLY, IOERR, FULL, CANTOPEN
          int code = failure.getErrorCode() & 0xff;
          if (List.of(5, 6, 7, 8, 10, 13, 14).contains(code)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * After a failure, replaces a connection that no longer works (a database server restarted, a
   * link cut), so the next transaction can succeed; the failed one is not retried, since whether it
   * committed cannot be known. Called with the lock held.
   */
  private void reconnectIfBroken() {
    if (closed) {
      return;
    }
    try {
      if (connection.isValid(2)) {
        return;
      }
    } catch (SQLException e) {
      // treated as broken
    }
    replace();
  }

  /**
   * Closes the connection (discarding whatever transaction it had open) and opens a fresh one. When
   * that fails the closed one stays: the next transaction fails and tries again. Called with the
   * lock held.
   */
  private void replace() {
    if (closed) {
      return; // closed for good: nothing is to be opened again
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // it is broken already
    }
    Connection fresh;
    try {
      fresh = DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      return; // still down: the next transaction fails and tries again
    }
    connection = fresh;
    try {
      configure(sqlite);
    } catch (SQLException e) {
      // Half configured (committing each statement on its own, say) it must not be used: closed,
      // the next transaction fails and tries again.
      try {
        fresh.close();
      } catch (SQLException closing) {
        // closed all the same
      }
    }
  }

  /** Runs one statement in a transaction of its own; returns how many rows it changed. */
  public int update(String sql, Object... values) throws StoreException {
    return transaction(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
              if (values[i] == null) {
                statement.setNull(i + 1, java.sql.Types.VARCHAR);
              } else {
                statement.setObject(i + 1, values[i]);
              }
            }
            return statement.executeUpdate();
          }
        });
  }

  /**
   * What a user is told when storing failed, after logging why: the failure changed nothing, the
   * transaction was rolled back.
   */
  public static dev.chatshell.chat.ChatException failure(
      org.slf4j.Logger log, String what, StoreException e) {
    log.error("{} database: {}", what, e.getMessage(), e);
    return new dev.chatshell.chat.ChatException(
        "The "
            + what.toLowerCase(java.util.Locale.ROOT)
            + " database is not answering; nothing was changed. Try again later.");
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      connection.close();
    } catch (SQLException e) {
      // closing at shutdown: nothing is pending, every transaction was committed or rolled back
    } finally {
      lock.unlock();
    }
  }
}
