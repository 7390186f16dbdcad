package dev.chatshell.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the store contracts: each test opens a fresh, empty database with an up-to-date
 * schema, may close and open it again as a restart would, and closes it at the end. Each database
 * gets a subclass of each contract that says which one it is; the same tests then run on all of
 * them.
 */
abstract class StoreContract {
  protected Database database;
  private TestDatabase opened;

  /** A new database for one test, not opened yet. */
  protected abstract TestDatabase newDatabase() throws Exception;

  @BeforeEach
  final void openEmptyDatabase() throws Exception {
    opened = newDatabase();
    database = opened.open();
  }

  @AfterEach
  final void closeDatabase() {
    database.close();
  }

  /** Closes the database and opens the same one again, as after a restart. */
  protected final void reopenDatabase() throws Exception {
    database.close();
    database = opened.open();
  }
}
