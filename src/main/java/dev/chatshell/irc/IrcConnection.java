package dev.chatshell.irc;

import dev.chatshell.transport.Connection;
import dev.chatshell.transport.ResizeListener;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The socket of one IRC client: lines in, lines out. Two kinds, for the two ways a client is
 * served:
 *
 * <ul>
 *   <li>{@link ChannelIrcConnection}, plain IRC: a non-blocking channel the {@link IrcReactor}
 *       reads, so a client that sends nothing costs no thread and no buffer;
 *   <li>{@link StreamIrcConnection}, IRC over TLS: a blocking socket read line by line on the
 *       session's own thread ({@link #readLine}), as the JDK's TLS sockets are only blocking.
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
  volatile long lastHeard = System.nanoTime();
  volatile boolean open = true;
  private volatile String pingToken = "chatshell";

  /**
   * @param address the client's address as text: interned, so the many connections of one address
   *     share one string
   */
  IrcConnection(String address, int port) {
    this.address = address.intern();
    this.port = port;
  }

  /**
   * The next line the client sent, without its end; {@code null} when the client has gone; {@link
   * IrcLineSplitter#TOO_LONG} for a line over the limits, which was read to its end and dropped.
   * Only for connections read by their session's thread (TLS).
   */
  String readLine() throws IOException {
    throw new UnsupportedOperationException("this connection is read by the reactor");
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

  /** The connection as a stream, for what writes to any connection; IRC's own output uses write. */
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
            offset == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, offset, offset + length),
            length);
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
