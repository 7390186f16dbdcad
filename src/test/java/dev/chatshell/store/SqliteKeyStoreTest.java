package dev.chatshell.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The key store tests on the embedded SQLite database. */
class SqliteKeyStoreTest extends KeyStoreContract {
  @TempDir Path directory;

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite(directory.resolve("chatshell.db"));
  }
}
