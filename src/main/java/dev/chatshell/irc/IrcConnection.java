package dev.chatshell.irc;

import dev.chatshell.transport.Connection;
import dev.chatshell.transport.ResizeListener;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The socket of one IRC client: lines in, lines out. Two kinds, for the two ways a client is
 * served:
 *
 * <ul>
 *   <li>{@link ChannelIrcConnection}, plain IRC: a non-blocking channel the {@link IrcReactor}
 *       reads, so a client that sends nothing costs no thread and no buffer;
 *   <li>{@link StreamIrcConnection}, IRC over TLS: a blocking socket read line by line on the
 *       session's own thread, as the JDK's TLS sockets are only blocking.
 * </ul>
 *
 * <p>Lines are cut by {@link IrcLineSplitter}, the same for both. What is common lives here: the
 * address, when the client was last heard from, whether the connection is open, the server's PING.
 *
 * <p>Threading: any thread writes (the outbox's drain, a keepalive ping, a last ERROR line), one
 * whole write at a time.
 */
abstract class IrcConnection implements Connection {
  /** RFC 1459's 512 bytes, less the CR LF. */
  static final int MAX_BODY = 510;

  /** IRCv3 message-tags: at most 8191 bytes of tags, with the '@' and the space. */
  static final int MAX_TAGS = 8191;

  private final String address;
  private final int port;
  private volatile long lastHeard = System.nanoTime();
  private volatile boolean open = true;
  private volatile String pingToken = "chatshell";

  /**
   * @param address the client's address as text: interned, so the many connections of one address
   *     share one string
   */
  IrcConnection(String address, int port) {
    this.address = address.intern();
    this.port = port;
  }

  /** The client sent something: it is alive, whatever keepalive thought. */
  final void heard() {
    lastHeard = System.nanoTime();
  }

  /**
   * The client closed its side, or we are closing: no more lines will come, and the session no
   * longer tells it anything ({@link #isOpen} is false) though the socket may still be there.
   */
  final void peerClosed() {
    open = false;
  }

  /** Not closed by either side: see {@link #peerClosed}. */
  final boolean notClosed() {
    return open;
  }

  /** Writes {@code bytes} (whole lines, each ending in CR LF) as one write. */
  abstract void write(byte[] bytes, int length) throws IOException;

  /** Writes one line (CR LF added). */
  void writeLine(String text) throws IOException {
    byte[] bytes = (text + "\r\n").getBytes(StandardCharsets.UTF_8);
    write(bytes, bytes.length);
  }

  /** What the server calls itself in its PINGs. */
  void setPingToken(String token) {
    this.pingToken = token;
  }

  @Override
  public String remoteAddress() {
    return address;
  }

  @Override
  public String transport() {
    return "irc";
  }

  @Override
  public TerminalInfo awaitTerminal() {
    throw new UnsupportedOperationException("an IRC client has no terminal");
  }

  @Override
  public int read(byte[] buffer, int offset, int length, long timeoutMillis) {
    throw new UnsupportedOperationException("IRC input is read line by line");
  }

  /**
   * The connection as a stream, as {@link Connection} offers it to what writes to any connection
   * (nothing in IRC: its output goes through {@link #write}). Made when asked: a connection keeps
   * no stream it does not use.
   */
  @Override
  public OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        IrcConnection.this.write(
            offset == 0 ? bytes : Arrays.copyOfRange(bytes, offset, offset + length), length);
      }
    };
  }

  @Override
  public void setClientEcho(boolean echo) {}

  @Override
  public void onResize(ResizeListener listener) {}

  @Override
  public boolean ping() throws IOException {
    writeLine("PING :" + pingToken);
    return true;
  }

  @Override
  public long lastHeardNanos() {
    return lastHeard;
  }

  @Override
  public String toString() {
    return (encrypted() ? "ircs:" : "irc:") + address + ":" + port;
  }
}
