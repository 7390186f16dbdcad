package dev.chatshell.store;

import dev.chatshell.testing.PostgresServer;
import java.nio.file.Path;

/**
 * One database for a store test: empty the first time it is opened, the same one each time after.
 */
@FunctionalInterface
interface TestDatabase {
  Database open() throws Exception;

  /** The embedded SQLite database in {@code file}, which does not exist yet. */
  static TestDatabase sqlite(Path file) {
    return () -> Database.sqlite(file);
  }

  /**
   * A fresh database of its own on a real PostgreSQL server, shared with the other PostgreSQL test
   * classes.
   */
  static TestDatabase postgres() throws Exception {
    String url = PostgresServer.shared().newDatabase();
    return () -> Database.open(url, "chatshell", null);
  }
}
