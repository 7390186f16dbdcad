package dev.chatshell.store;

/**
 * The same key store tests on a real PostgreSQL server (shared with the other PostgreSQL test
 * classes); each test has a fresh database of its own.
 */
class PostgresKeyStoreTest extends KeyStoreContract {
  @Override
  protected TestDatabase newDatabase() throws Exception {
    return TestDatabase.postgres();
  }
}
