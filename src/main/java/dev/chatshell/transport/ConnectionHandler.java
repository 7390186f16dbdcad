package dev.chatshell.transport;

/**
 * Runs one client's session. Called on the connection's own virtual thread; the connection is
 * closed when it returns.
 */
@FunctionalInterface
public interface ConnectionHandler {
  void handle(Connection connection);
}
