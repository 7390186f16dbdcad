package dev.chatshell.store;

import dev.chatshell.testing.PostgresServer;

/**
 * The same history store tests on a real PostgreSQL server (shared with the other PostgreSQL test
 * classes); each test has a fresh database of its own.
 */
class PostgresHistoryStoreTest extends HistoryStoreContract {
  private String url;

  @Override
  protected Database openEmpty() throws Exception {
    url = PostgresServer.shared().newDatabase();
    return Database.open(url, "chatshell", null);
  }

  @Override
  protected Database reopen() throws Exception {
    return Database.open(url, "chatshell", null);
  }
}
