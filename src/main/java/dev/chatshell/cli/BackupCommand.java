package dev.chatshell.cli;

import dev.chatshell.Version;
import dev.chatshell.colour.Colours;
import dev.chatshell.config.ServerConfig;
import dev.chatshell.store.Database;
import dev.chatshell.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code chatshell backup FILE}: writes a consistent copy of the server's database to a new SQLite
 * file, usable as it is as the embedded database ({@code database.url=embedded}, {@code
 * database.file=FILE}). It may run while the server runs.
 *
 * <ul>
 *   <li>From SQLite: {@code VACUUM INTO}, which copies one snapshot of the database, compacted,
 *       while the server goes on reading and writing.
 *   <li>From anything else (PostgreSQL): the new file gets the schema from the same migration
 *       scripts, then every table's rows are copied in one REPEATABLE READ, read-only transaction
 *       on the source, so they are one snapshot too. Both schemas must be at the same version.
 * </ul>
 *
 * An existing FILE is never overwritten; a copy that fails is removed.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = {
      "Write a consistent copy of the server's database (accounts, registered channels) to a new"
          + " SQLite file, usable as the embedded database. Safe while the server runs."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:FILE exists, or the database could not be read or the copy written.",
      "2:Bad command line or configuration."
    })
final class BackupCommand extends DatabaseTool {
  /** Copied first, in this order, so foreign keys hold at each insert; any others follow. */
  private static final List<String> FIRST_TABLES =
      List.of("accounts", "channels", "channel_admins");

  private static final int BATCH = 500;

  @Parameters(
      paramLabel = "FILE",
      description = "The SQLite file to write; it must not exist (never overwritten).")
  Path file;

  @Override
  int run(ServerConfig settings, PrintWriter out, PrintWriter err) throws StoreException {
    Path target = file.toAbsolutePath().normalize();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      err.println(
          Colours.err()
              .error("chatshell: " + target + " exists; a backup never overwrites a file"));
      return FAILED;
    }
    if (!Files.isDirectory(target.getParent())) {
      err.println(Colours.err().error("chatshell: no directory " + target.getParent()));
      return FAILED;
    }
    Map<String, Long> rows;
    try {
      // Made empty and private first (it holds password hashes); VACUUM INTO fills an empty file.
      Database.createPrivate(target);
      rows = sqliteSource(settings) == null ? copyRows(settings, target) : vacuum(settings, target);
    } catch (IOException e) {
      discard(target);
      err.println(Colours.err().error("chatshell: cannot write " + target + ": " + e.getMessage()));
      return FAILED;
    } catch (StoreException | RuntimeException e) {
      discard(target);
      throw e;
    }
    out.println(
        "Wrote "
            + target
            + ": "
            + count(rows.getOrDefault("accounts", 0L), "account")
            + ", "
            + count(rows.getOrDefault("channels", 0L), "registered channel")
            + ", "
            + count(rows.getOrDefault("channel_admins", 0L), "channel admin")
            + ".");
    return 0;
  }

  /** "1 account", "2 accounts". */
  private static String count(long n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }

  /** The JDBC URL of the configured database when it is SQLite, else {@code null}. */
  private static String sqliteSource(ServerConfig settings) {
    String url = settings.databaseUrl();
    if (url == null) {
      return "jdbc:sqlite:" + settings.databaseFile();
    }
    return url.startsWith("jdbc:sqlite:") ? url : null;
  }

  private static Map<String, Long> vacuum(ServerConfig settings, Path target)
      throws StoreException {
    // Opened first as the server would: it must exist, and its schema be up to date.
    open(settings).close();
    // A connection of its own, in auto-commit mode: VACUUM cannot run inside a transaction, and
    // Database keeps one open.
    String source = sqliteSource(settings);
    try (Connection connection = DriverManager.getConnection(source)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout=5000");
      }
      try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
        vacuum.setString(1, target.toString());
        vacuum.execute();
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot copy the database to " + target + ": " + e.getMessage(), e);
    }
    try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + target)) {
      Map<String, Long> rows = new LinkedHashMap<>();
      for (String table : tables(copy)) {
        try (Statement statement = copy.createStatement();
            ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
          count.next();
          rows.put(table, count.getLong(1));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new StoreException("Cannot read the copy " + target + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Long> copyRows(ServerConfig settings, Path target)
      throws StoreException {
    try (Database source = open(settings);
        Database copy = Database.sqlite(target)) {
      int sourceVersion = source.schemaVersion();
      int copyVersion = copy.schemaVersion();
      if (sourceVersion != copyVersion) {
        throw new StoreException(
            "the database is at schema version "
                + sourceVersion
                + " and this chatshell at "
                + copyVersion
                + ": back it up with the chatshell that uses it",
            null);
      }
      List<String> tables = copy.transaction(BackupCommand::tables);
      try {
        return source.transaction(
            from -> {
              // Before the transaction's first statement, so that every table is read from the
              // same snapshot.
              from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
              from.setReadOnly(true);
              try {
                return copy.transaction(
                    to -> {
                      try (Statement statement = to.createStatement()) {
                        statement.execute("PRAGMA defer_foreign_keys=ON");
                      }
                      Map<String, Long> rows = new LinkedHashMap<>();
                      for (String table : tables) {
                        rows.put(table, copyTable(from, to, table));
                      }
                      return rows;
                    });
              } catch (StoreException e) {
                throw new CopyFailed(e);
              }
            });
      } catch (CopyFailed e) {
        throw e.getCause();
      }
    }
  }

  /** The tables to fill, in a foreign-key-safe order: the schema's bookkeeping excluded. */
  private static List<String> tables(Connection connection) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'schema_version'"
                    + " ORDER BY name")) {
      while (rows.next()) {
        found.add(rows.getString(1));
      }
    }
    List<String> ordered = new ArrayList<>();
    for (String table : FIRST_TABLES) {
      if (found.remove(table)) {
        ordered.add(table);
      }
    }
    ordered.addAll(found);
    return ordered;
  }

  private static long copyTable(Connection from, Connection to, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement statement = to.createStatement();
        ResultSet info = statement.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
      while (info.next()) {
        columns.add(quote(info.getString("name")));
      }
    }
    String list = String.join(", ", columns);
    String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
    long count = 0;
    try (PreparedStatement select =
            from.prepareStatement("SELECT " + list + " FROM " + quote(table));
        PreparedStatement insert =
            to.prepareStatement(
                "INSERT INTO " + quote(table) + " (" + list + ") VALUES (" + marks + ")")) {
      select.setFetchSize(BATCH); // PostgreSQL streams the rows instead of loading them all
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          for (int i = 1; i <= columns.size(); i++) {
            insert.setObject(i, rows.getObject(i));
          }
          insert.addBatch();
          if (++count % BATCH == 0) {
            insert.executeBatch();
          }
        }
      }
      insert.executeBatch();
    }
    return count;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Removes what a failed backup left (it did not exist before: an existing file is refused). */
  private static void discard(Path target) {
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
      try {
        Files.deleteIfExists(Path.of(target + suffix));
      } catch (IOException e) {
        // best effort: the error that made the backup fail is the one to report
      }
    }
  }

  /** Carries a failure on the copy out of the source's transaction, which rolls back. */
  private static final class CopyFailed extends RuntimeException {
    CopyFailed(StoreException cause) {
      super(cause);
    }

    @Override
    public synchronized StoreException getCause() {
      return (StoreException) super.getCause();
    }
  }
}
