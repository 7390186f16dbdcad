package dev.chatshell.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The history store tests on the embedded SQLite database. */
class SqliteHistoryStoreTest extends HistoryStoreContract {
  @TempDir Path directory;

  private Path file() {
    return directory.resolve("chatshell.db");
  }

  @Override
  protected Database openEmpty() throws Exception {
    return Database.sqlite(file());
  }

  @Override
  protected Database reopen() throws Exception {
    return Database.sqlite(file());
  }
}
