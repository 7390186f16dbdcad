package dev.chatshell.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The history store tests on the embedded SQLite database. */
class SqliteHistoryStoreTest extends HistoryStoreContract {
  @TempDir Path directory;

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite(directory.resolve("chatshell.db"));
  }
}
