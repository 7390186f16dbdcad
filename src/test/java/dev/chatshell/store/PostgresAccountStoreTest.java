package dev.chatshell.store;

/**
 * The same account store tests on a real PostgreSQL server (shared with the other PostgreSQL test
 * classes), through the same JDBC code; each test has a fresh database of its own.
 */
class PostgresAccountStoreTest extends AccountStoreContract {
  @Override
  protected TestDatabase newDatabase() throws Exception {
    return TestDatabase.postgres();
  }
}
