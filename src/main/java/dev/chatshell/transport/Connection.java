package dev.chatshell.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A client connection as the shell sees it, whatever carries it (telnet today, SSH later): decoded
 * bytes in, text out, the client's terminal, and liveness. Knows nothing of chat.
 *
 * <p>Threading: {@link #awaitTerminal()} and {@link #read} are called by the session's own thread
 * only; {@link #output()} and {@link #close()} may be used from any thread.
 */
public interface Connection extends AutoCloseable {
  /** The client's address, for logs and limits. */
  String remoteAddress();

  /**
   * The door the client came through, as operators and the moderation log name it: {@code
   * "telnet"}, {@code "ssh"}, {@code "console"}.
   */
  String transport();

  /**
   * True when what the client types cannot be read on its way (SSH, the local console); false for
   * telnet and plain sockets, where passwords travel in the clear.
   */
  boolean encrypted();

  /**
   * The nickname the client asked for before the shell started (the SSH user name), to be tried
   * before the shell asks for one; empty when the shell must ask.
   */
  default Optional<String> requestedNick() {
    return Optional.empty();
  }

  /**
   * The account whose password the transport has already checked (SSH password or
   * keyboard-interactive authentication), or one of whose keys the client proved it holds: the
   * session logs in to it without asking again. Empty when nothing was proven.
   */
  default Optional<String> provenAccount() {
    return Optional.empty();
  }

  /**
   * The public key the client proved it holds (its signature verified by the server) when it
   * connected, as an OpenSSH public-key line ({@code ssh-ed25519 AAAA... comment}); empty for
   * transports without keys and for clients that logged in otherwise.
   */
  default Optional<String> provenKey() {
    return Optional.empty();
  }

  /**
   * Blocks until the transport knows what kind of terminal the client has (for telnet: until option
   * negotiation ends or times out), then returns it; later calls return the same answer.
   */
  TerminalInfo awaitTerminal() throws IOException;

  /**
   * Reads decoded input: line ends arrive as a single {@code '\n'}, protocol bytes never arrive.
   *
   * @param timeoutMillis at most this long to wait; 0 or less waits as long as it takes
   * @return the number of bytes read, 0 when the time ran out, -1 at end of input
   */
  int read(byte[] buffer, int offset, int length, long timeoutMillis) throws IOException;

  /**
   * The stream to the client. {@code '\n'} becomes the protocol's line end; writes are atomic per
   * call and may block when the client does not read, so only one writer at a time should use it.
   */
  OutputStream output();

  /**
   * Leaves echoing to the client ({@code true}: for terminals too dumb for a line editor), or asks
   * it to stop echoing ({@code false}: while a password is typed). The server itself echoes nothing
   * either way; clients that do not speak the protocol are not asked.
   */
  void setClientEcho(boolean echo) throws IOException;

  /**
   * Lets a client that agreed to character mode edit its lines itself after all (a terminal too
   * dumb for the server's editor): telnet stops suppressing go-ahead, so the client falls back to
   * its line-by-line mode, where the terminal's own erase and kill keys work and whole lines are
   * sent. Does nothing for other clients.
   */
  default void letClientEditLines() throws IOException {}

  /**
   * False when a client in character mode cannot be asked to edit and echo its lines itself (an SSH
   * pty: the client's terminal is raw), so even a dumb terminal gets the server's editor.
   */
  default boolean clientCanEditLines() {
    return true;
  }

  /** Called, on the reading thread, when the client's window size changes. */
  void onResize(ResizeListener listener);

  /**
   * Asks the client for a sign of life without anything visible, when the protocol allows it.
   * Returns false when it cannot (a plain line client); may block like any write.
   */
  boolean ping() throws IOException;

  /** {@link System#nanoTime()} of the last bytes received from the client. */
  long lastHeardNanos();

  boolean isOpen();

  /** Closes the connection; safe from any thread, any number of times. */
  @Override
  void close();
}
