package dev.chatshell.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The preference store tests on the embedded SQLite database. */
class SqlitePreferenceStoreTest extends PreferenceStoreContract {
  @TempDir Path directory;

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite(directory.resolve("chatshell.db"));
  }
}
