package dev.chatshell.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The ban store tests on the embedded SQLite database. */
class SqliteBanStoreTest extends BanStoreContract {
  @TempDir Path directory;

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite(directory.resolve("chatshell.db"));
  }
}
