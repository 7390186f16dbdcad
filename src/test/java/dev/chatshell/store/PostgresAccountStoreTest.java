package dev.chatshell.store;

import dev.chatshell.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same account store tests on a real PostgreSQL server, through the same JDBC code. */
class PostgresAccountStoreTest extends AccountStoreContract {
  private static PostgresServer server;
  private String url;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected Database openEmpty() throws Exception {
    url = server.newDatabase();
    return Database.open(url, "chatshell", null);
  }

  @Override
  protected Database reopen() throws Exception {
    return Database.open(url, "chatshell", null);
  }
}
