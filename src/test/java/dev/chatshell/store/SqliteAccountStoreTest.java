package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The account store on the embedded SQLite database, and what is particular to SQLite. */
class SqliteAccountStoreTest extends AccountStoreContract {
  @TempDir Path directory;

  private Path file() {
    return directory.resolve("data").resolve("chatshell.db");
  }

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite(file());
  }

  @Test
  void theFileAndItsDirectoryAreCreatedAndRunInWalMode() throws Exception {
    assertTrue(Files.isRegularFile(file()));
    String mode =
        database.transaction(
            connection -> {
              try (Statement statement = connection.createStatement();
                  ResultSet row = statement.executeQuery("PRAGMA journal_mode")) {
                row.next();
                return row.getString(1);
              }
            });
    assertEquals("wal", mode);
    assertEquals(Database.MIGRATIONS.size(), database.schemaVersion());
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedWithItsName() throws Exception {
    Path junk = directory.resolve("junk.db");
    Files.writeString(
        junk, "this is not an SQLite file, it is much longer than a header".repeat(20));
    StoreException refused = assertThrows(StoreException.class, () -> Database.sqlite(junk));
    assertTrue(refused.getMessage().contains("junk.db"), refused.getMessage());
  }

  @Test
  void scriptsSplitIntoStatementsWithoutComments() {
    assertEquals(
        List.of("CREATE TABLE a (x INT)", "CREATE TABLE b (\n  y INT\n)"),
        Database.statements(
            "-- a comment\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n  y INT\n);\n"));
  }
}
