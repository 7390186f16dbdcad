package dev.chatshell.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The channel store tests on the embedded SQLite database. */
class SqliteChannelStoreTest extends ChannelStoreContract {
  @TempDir Path directory;

  @Override
  protected TestDatabase newDatabase() {
    return TestDatabase.sqlite(directory.resolve("chatshell.db"));
  }
}
