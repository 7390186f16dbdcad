package dev.chatshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.Database;
import dev.chatshell.testing.PostgresServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code chatshell backup FILE} through the real command line: from a real SQLite database held
 * open by a "running server", and from a real PostgreSQL server; the copy must hold the same rows
 * and work as an embedded database.
 */
class BackupCommandTest {
  private static final List<String> TABLES =
      List.of("accounts", "channels", "channel_admins", "account_keys");

  @TempDir Path home;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private Path config(String name, String properties) throws Exception {
    Path file = home.resolve(name);
    Files.writeString(file, properties);
    return file;
  }

  private static String slashes(Path path) {
    return path.toString().replace("\\", "/");
  }

  private Path sqliteConfig() throws Exception {
    return config("chatshell.properties", "data.dir=" + slashes(home.resolve("var")) + "\n");
  }

  /**
   * Two accounts (one locked, one with an SSH key), a registered channel with a topic and a
   * secondary admin.
   */
  private static void fill(Database database) throws Exception {
    AccountStore accounts = new AccountStore(database);
    String hash = PasswordHash.hash("password1".toCharArray(), 100_000);
    accounts.create("Alice", hash, Instant.parse("2026-01-02T03:04:05Z"));
    accounts.create("bob", hash, Instant.parse("2026-01-03T03:04:05Z"));
    accounts.setLocked("bob", true);
    new dev.chatshell.store.KeyStore(database)
        .add(
            "Alice",
            dev.chatshell.auth.PublicKeyLine.parse(
                    dev.chatshell.testing.SshKeygen.ed25519Line("alice@laptop"))
                .toAccountKey(Instant.parse("2026-01-04T03:04:05Z")));
    database.transaction(
        connection -> {
          try (PreparedStatement channel =
              connection.prepareStatement(
                  "INSERT INTO channels"
                      + " (name_key, name, founder_key, topic, topic_by, topic_at, created_at)"
                      + " VALUES ('#java', '#Java', 'alice', 'Records ''n'' streams', 'Alice',"
                      + " 1767323045000, 1767323000000)")) {
            channel.executeUpdate();
          }
          try (PreparedStatement channel =
              connection.prepareStatement(
                  "INSERT INTO channels (name_key, name, founder_key, created_at)"
                      + " VALUES ('#quiet', '#quiet', 'bob', 1767323001000)")) {
            channel.executeUpdate();
          }
          try (PreparedStatement admin =
              connection.prepareStatement(
                  "INSERT INTO channel_admins (channel_key, account_key) VALUES ('#java', 'bob')")) {
            admin.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Every row of the tables, as text, sorted; booleans as 1/0 so that SQLite and PostgreSQL
   * compare.
   */
  private static Map<String, List<String>> dump(Database database) throws Exception {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : TABLES) {
      tables.put(
          table,
          database.transaction(
              connection -> {
                List<String> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT * FROM " + table)) {
                  ResultSetMetaData meta = row.getMetaData();
                  while (row.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                      Object value = row.getObject(i);
                      if (value instanceof Boolean b) {
                        value = b ? 1 : 0;
                      }
                      line.append(meta.getColumnName(i).toLowerCase()).append('=');
                      line.append(value).append(';');
                    }
                    rows.add(line.toString());
                  }
                }
                rows.sort(null);
                return rows;
              }));
    }
    return tables;
  }

  @Test
  void anSqliteDatabaseInUseIsCopiedToAFileThatServesAsTheEmbeddedDatabase() throws Exception {
    Path config = sqliteConfig();
    Path backup = home.resolve("backups").resolve("copy.db");
    Files.createDirectories(backup.getParent());
    Map<String, List<String>> expected;
    int version;
    try (Database server = Database.sqlite(home.resolve("var").resolve("chatshell.db"))) {
      fill(server);
      expected = dump(server);
      version = server.schemaVersion();

      // the server keeps its connection open throughout, as it would while running
      assertEquals(0, run("backup", backup.toString(), "--config", config.toString()), "" + err);
    }

    assertEquals(
        "Wrote " + backup + ": 2 accounts, 2 registered channels, 1 channel admin.",
        out.toString().strip());
    // read before Database opens it, which would bring an older schema up to date
    try (java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:sqlite:" + backup);
        Statement statement = raw.createStatement();
        ResultSet row = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      assertTrue(row.next());
      assertEquals(version, row.getInt(1), "the copy needs no migration");
    }
    try (Database copy = Database.sqlite(backup)) {
      assertEquals(expected, dump(copy));
    }
    // ...and a configuration pointing at it works as it is
    Path restored =
        config(
            "restored.properties",
            "database.url=embedded\ndata.dir="
                + slashes(backup.getParent())
                + "\ndatabase.file=copy.db\n");
    out.getBuffer().setLength(0);
    assertEquals(0, run("accounts", "list", "--config", restored.toString()), err.toString());
    assertTrue(out.toString().matches("(?s).*\\bbob +yes .*"), out.toString());
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws Exception {
    Path config = sqliteConfig();
    try (Database server = Database.sqlite(home.resolve("var").resolve("chatshell.db"))) {
      fill(server);
    }
    Path precious = home.resolve("precious.db");
    Files.writeString(precious, "not yours");

    assertEquals(1, run("backup", precious.toString(), "--config", config.toString()));

    assertTrue(err.toString().contains(precious + " exists"), err.toString());
    assertEquals("not yours", Files.readString(precious));
    assertEquals("", out.toString());
  }

  @Test
  void aMissingDirectoryOrSourceDatabaseIsExitOneAndLeavesNoFile() throws Exception {
    Path config = sqliteConfig(); // no database created in var/
    Path backup = home.resolve("copy.db");

    assertEquals(1, run("backup", backup.toString(), "--config", config.toString()));
    assertTrue(err.toString().contains("no database at"), err.toString());
    assertFalse(Files.exists(backup));
    assertFalse(Files.exists(home.resolve("var")), "the source is not created either");

    assertEquals(
        1,
        run(
            "backup",
            home.resolve("no").resolve("such").resolve("dir.db").toString(),
            "--config",
            config.toString()));
    assertTrue(err.toString().contains("no directory"), err.toString());
  }

  @Test
  void aPostgresqlDatabaseIsCopiedRowForRowIntoAnSqliteFile() throws Exception {
    PostgresServer postgres = PostgresServer.start();
    try {
      String url = postgres.newDatabase();
      Map<String, List<String>> expected;
      try (Database source = Database.open(url, "chatshell", null)) {
        fill(source);
        expected = dump(source);
      }
      Path config = config("pg.properties", "database.url=" + url + "?user=chatshell\n");
      Path backup = home.resolve("from-pg.db");

      assertEquals(0, run("backup", backup.toString(), "--config", config.toString()), "" + err);

      assertEquals(
          "Wrote " + backup + ": 2 accounts, 2 registered channels, 1 channel admin.",
          out.toString().strip());
      try (Database copy = Database.sqlite(backup)) {
        assertEquals(expected, dump(copy));
        AccountStore accounts = new AccountStore(copy);
        assertTrue(accounts.find("bob").orElseThrow().locked());
        assertFalse(accounts.find("alice").orElseThrow().locked());
        assertTrue(
            PasswordHash.verify(
                "password1".toCharArray(), accounts.find("alice").orElseThrow().passwordHash()));
      }
      assertEquals(1, run("backup", backup.toString(), "--config", config.toString()));
      assertTrue(err.toString().contains("exists"), err.toString());
    } finally {
      postgres.close();
    }
  }
}
