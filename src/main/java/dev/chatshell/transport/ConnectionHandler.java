package dev.chatshell.transport;

/**
 * Runs one client's session. Called on the connection's own virtual thread; the connection is
 * closed when it returns.
 */
@FunctionalInterface
public interface ConnectionHandler {
  void handle(Connection connection);

  /**
   * Asked by a transport that is full, before it refuses a newcomer: frees the place of one
   * connection (the handler decides which, if any, may go) and returns true when one is being
   * closed, so the newcomer may take its place. Called on the accepting thread: must not block.
   */
  default boolean makeRoom() {
    return false;
  }
}
