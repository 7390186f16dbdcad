package dev.chatshell.irc;

import dev.chatshell.transport.Connection;
import dev.chatshell.transport.ResizeListener;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.ssl.SSLSocket;

/**
 * The socket of one IRC client: lines in, lines out. Lines end with CR LF, LF or a bare CR (some
 * clients and bots send either); the part of a line before its tags may be {@link #MAX_BODY} bytes
 * and its tags {@link #MAX_TAGS} more, as RFC 1459 and IRCv3 allow. A longer line is read to its
 * end and thrown away, and the caller is told ({@link LineTooLong}) so the client gets its numeric.
 *
 * <p>Threading: the session's thread reads; any thread writes (the outbox's drain, a keepalive
 * ping, a last ERROR line), one whole write at a time under this object's write lock.
 */
final class IrcConnection implements Connection {
  /** RFC 1459's 512 bytes, less the CR LF. */
  static final int MAX_BODY = 510;

  /** IRCv3 message-tags: at most 8191 bytes of tags, with the '@' and the space. */
  static final int MAX_TAGS = 8191;

  /** A line longer than the limits: dropped whole; the client is told. */
  static final class LineTooLong extends IOException {
    LineTooLong() {
      super("line too long");
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String address;
  private final boolean tls;
  private final Object writeLock = new Object();
  private final byte[] buffer = new byte[1024];
  private int start;
  private int end;
  private byte[] line = new byte[256];
  private volatile long lastHeard = System.nanoTime();
  private volatile boolean open = true;
  private volatile String pingToken = "chatshell";

  IrcConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.address = socket.getInetAddress().getHostAddress();
    this.tls = socket instanceof SSLSocket;
  }

  /**
   * The next line the client sent, without its end; {@code null} when the client has gone. Empty
   * lines are skipped.
   *
   * @throws LineTooLong for a line over the limits, which is read to its end and dropped
   */
  String readLine() throws IOException {
    int length = 0;
    boolean tooLong = false;
    while (true) {
      if (start == end) {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
          open = false;
          return null;
        }
        lastHeard = System.nanoTime();
        start = 0;
        end = read;
      }
      byte b = buffer[start++];
      if (b == '\n' || b == '\r') {
        if (tooLong) {
          throw new LineTooLong();
        }
        if (length == 0) {
          continue; // the LF of a CR LF, or a blank line
        }
        return decode(line, length);
      }
      if (tooLong) {
        continue;
      }
      if (length == line.length) {
        if (length >= MAX_BODY + MAX_TAGS + 2) {
          tooLong = true;
          continue;
        }
        line = Arrays.copyOf(line, Math.min(length * 2, MAX_BODY + MAX_TAGS + 2));
      }
      line[length++] = b;
    }
  }

  /**
   * UTF-8, as modern clients send; a line that is not UTF-8 is read as Latin-1, which old clients
   * and bots still send, so every byte stays a character.
   */
  private static String decode(byte[] bytes, int length) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
  }

  /** Writes {@code bytes} (whole lines, each ending in CR LF) as one write. */
  void write(byte[] bytes, int length) throws IOException {
    synchronized (writeLock) {
      out.write(bytes, 0, length);
      out.flush();
    }
  }

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
  public boolean encrypted() {
    return tls;
  }

  @Override
  public TerminalInfo awaitTerminal() {
    throw new UnsupportedOperationException("an IRC client has no terminal");
  }

  @Override
  public int read(byte[] buffer, int offset, int length, long timeoutMillis) {
    throw new UnsupportedOperationException("IRC input is read line by line");
  }

  @Override
  public OutputStream output() {
    return out;
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
  public boolean isOpen() {
    return open && !socket.isClosed();
  }

  @Override
  public void close() {
    open = false;
    try {
      socket.close();
    } catch (IOException e) {
      // closing a socket that is going anyway
    }
  }

  @Override
  public String toString() {
    return (tls ? "ircs:" : "irc:") + address + ":" + socket.getPort();
  }
}
