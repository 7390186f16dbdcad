package dev.chatshell.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A real socket client for integration tests. In telnet mode it answers option negotiation the way
 * netkit telnet does (accepts echo and SGA, reports a window size and a terminal type, answers
 * pings); in plain mode it is a bare line client like nc. Everything received is kept; {@link
 * #expect} waits for text to show up after what earlier expects consumed.
 */
public final class TestClient implements AutoCloseable {
  private static final int IAC = 255, WILL = 251, WONT = 252, DO = 253, DONT = 254, SB = 250;
  private static final int SE = 240, ECHO = 1, SGA = 3, TM = 6, TTYPE = 24, NAWS = 31;

  private final Socket socket;
  private final OutputStream out;
  private final boolean telnet;
  private final String type;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final Object sendLock = new Object();
  private final StringBuilder screenText = new StringBuilder();
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private byte[] undecoded = new byte[0];
  private int escape; // 0 none, 1 after ESC, 2 CSI, 3 OSC, 4 one more char
  private final Thread readerThread;
  private volatile int columns;
  private volatile int rows;
  private volatile boolean answerPings = true;
  private volatile boolean closedByServer;
  private int consumed;

  private TestClient(int port, boolean telnet, String type, int columns, int rows)
      throws IOException {
    this(port, "127.0.0.1", telnet, type, columns, rows);
  }

  private TestClient(int port, String from, boolean telnet, String type, int columns, int rows)
      throws IOException {
    // Any 127.x.y.z is this machine, so tests can be many peer addresses at once.
    this.socket =
        new Socket(
            java.net.InetAddress.getByName("127.0.0.1"),
            port,
            java.net.InetAddress.getByName(from),
            0);
    this.out = socket.getOutputStream();
    this.telnet = telnet;
    this.type = type;
    this.columns = columns;
    this.rows = rows;
    this.readerThread = Thread.ofVirtual().name("test-client").start(this::readLoop);
  }

  /** A bare line client: never answers telnet, sends lines ending in LF. */
  public static TestClient plain(int port) throws IOException {
    return new TestClient(port, false, null, 0, 0);
  }

  /** A bare line client whose connection comes from the loopback address {@code from}. */
  public static TestClient plainFrom(String from, int port) throws IOException {
    return new TestClient(port, from, false, null, 0, 0);
  }

  /** A telnet client in character mode with the given terminal. */
  public static TestClient telnet(int port, String type, int columns, int rows) throws IOException {
    return new TestClient(port, true, type, columns, rows);
  }

  /** Sends a line (CR LF for telnet, LF for plain). */
  public void send(String line) throws IOException {
    sendRaw((line + (telnet ? "\r\n" : "\n")).getBytes(StandardCharsets.UTF_8));
  }

  /** Types text without pressing Enter. */
  public void type(String text) throws IOException {
    sendRaw(text.getBytes(StandardCharsets.UTF_8));
  }

  public void sendRaw(byte[] bytes) throws IOException {
    synchronized (sendLock) { // not the receive monitor: a blocked send must not stop reading
      out.write(bytes);
      out.flush();
    }
  }

  /** Reports a new window size, as a telnet client does when its window is resized. */
  public void resize(int newColumns, int newRows) throws IOException {
    this.columns = newColumns;
    this.rows = newRows;
    sendRaw(naws());
  }

  /** Stops answering the server's keepalive pings (a client that hangs). */
  public void stopAnsweringPings() {
    answerPings = false;
  }

  /** Waits until {@code text} appears in the output (escape sequences removed). */
  public String expect(String text) {
    return expect(text, Duration.ofSeconds(10));
  }

  /**
   * Waits until {@code text} appears after what earlier calls consumed; consumes up to it and
   * returns the text before it.
   */
  public synchronized String expect(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int from = consumed;
    while (true) {
      int at = screenText.indexOf(text, from);
      // next time, only look at what arrived since (keeping an overlap for a split match)
      from = Math.max(consumed, screenText.length() - text.length());
      if (at >= 0) {
        String before = screenText.substring(consumed, at);
        consumed = at + text.length();
        return before;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "Did not receive \""
                + text
                + "\" within "
                + timeout
                + "; got after the last match:\n"
                + screenText.substring(Math.max(consumed, screenText.length() - 4000)));
      }
      try {
        wait(Math.max(1, Math.min(100, left / 1_000_000)));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** True if {@code text} shows up within {@code timeout} (without failing the test). */
  public boolean sees(String text, Duration timeout) {
    try {
      expect(text, timeout);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  /** Everything received so far, as text without escape sequences and carriage returns. */
  public synchronized String text() {
    return screenText.toString();
  }

  /** Decodes new bytes and appends them to the text, dropping escape sequences, CR and NUL. */
  private void appendText(byte[] bytes) {
    byte[] all = new byte[undecoded.length + bytes.length];
    System.arraycopy(undecoded, 0, all, 0, undecoded.length);
    System.arraycopy(bytes, 0, all, undecoded.length, bytes.length);
    ByteBuffer in = ByteBuffer.wrap(all);
    CharBuffer chars = CharBuffer.allocate(all.length);
    decoder.decode(in, chars, false);
    undecoded = new byte[in.remaining()]; // an incomplete UTF-8 sequence waits for the rest
    in.get(undecoded);
    chars.flip();
    while (chars.hasRemaining()) {
      char c = chars.get();
      switch (escape) {
        case 1 -> escape = c == '[' ? 2 : c == ']' ? 3 : (c == '(' || c == ')') ? 4 : 0;
        case 2 -> escape = (c >= '@' && c <= '~') ? 0 : 2;
        case 3 -> escape = (c == 7 || c == 27) ? 0 : 3;
        case 4 -> escape = 0;
        default -> {
          if (c == 27) {
            escape = 1;
          } else if (c != '\r' && c != 0) {
            screenText.append(c);
          }
        }
      }
    }
  }

  /** Everything received so far, byte for byte (telnet commands removed). */
  public synchronized byte[] raw() {
    return received.toByteArray();
  }

  /**
   * Waits until the raw bytes received after byte {@code from} (telnet commands removed), read as
   * UTF-8, match {@code pattern}; escape sequences included.
   */
  public synchronized boolean awaitRaw(java.util.regex.Pattern pattern, int from, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      byte[] all = received.toByteArray();
      String since = new String(all, from, all.length - from, StandardCharsets.UTF_8);
      if (pattern.matcher(since).find()) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, Math.min(100, left / 1_000_000)));
    }
  }

  /** Waits for the server to close the connection. */
  public boolean awaitClosed(Duration timeout) throws InterruptedException {
    readerThread.join(timeout);
    return closedByServer;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void readLoop() {
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      int state = 0; // 0 data, 1 after IAC, 2 option verb seen, 3 in SB, 4 IAC in SB
      int verb = 0;
      ByteArrayOutputStream sb = new ByteArrayOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
          int b = buffer[i] & 0xFF;
          if (!telnet) {
            data.write(b);
            continue;
          }
          switch (state) {
            case 0 -> {
              if (b == IAC) {
                state = 1;
              } else {
                data.write(b);
              }
            }
            case 1 -> {
              if (b == IAC) {
                data.write(IAC);
                state = 0;
              } else if (b >= WILL && b <= DONT) {
                verb = b;
                state = 2;
              } else if (b == SB) {
                sb.reset();
                state = 3;
              } else {
                state = 0;
              }
            }
            case 2 -> {
              answer(verb, b);
              state = 0;
            }
            case 3 -> {
              if (b == IAC) {
                state = 4;
              } else {
                sb.write(b);
              }
            }
            default -> {
              if (b == SE) {
                byte[] payload = sb.toByteArray();
                if (payload.length >= 2 && payload[0] == TTYPE && payload[1] == 1) {
                  sendRaw(
                      concat(
                          new byte[] {(byte) IAC, (byte) SB, TTYPE, 0},
                          type.getBytes(StandardCharsets.US_ASCII),
                          new byte[] {(byte) IAC, (byte) SE}));
                }
                state = 0;
              } else {
                sb.write(b);
                state = 3;
              }
            }
          }
        }
        synchronized (this) {
          byte[] bytes = data.toByteArray();
          received.write(bytes);
          appendText(bytes);
          notifyAll();
        }
      }
      closedByServer = true;
    } catch (IOException e) {
      closedByServer = !socket.isClosed() || closedByServer;
    }
    synchronized (this) {
      notifyAll();
    }
  }

  private void answer(int verb, int option) throws IOException {
    if (verb == WILL && (option == ECHO || option == SGA)) {
      sendRaw(new byte[] {(byte) IAC, (byte) DO, (byte) option});
    } else if (verb == DO && option == SGA) {
      sendRaw(new byte[] {(byte) IAC, (byte) WILL, (byte) option});
    } else if (verb == DO && option == NAWS) {
      sendRaw(concat(new byte[] {(byte) IAC, (byte) WILL, NAWS}, naws()));
    } else if (verb == DO && option == TTYPE) {
      sendRaw(new byte[] {(byte) IAC, (byte) WILL, TTYPE});
    } else if (verb == DO && option == TM) {
      if (answerPings) {
        sendRaw(new byte[] {(byte) IAC, (byte) WILL, TM});
      }
    } else if (verb == DO) {
      sendRaw(new byte[] {(byte) IAC, (byte) WONT, (byte) option});
    } else if (verb == WILL) {
      sendRaw(new byte[] {(byte) IAC, (byte) DONT, (byte) option});
    }
  }

  private byte[] naws() {
    return new byte[] {
      (byte) IAC,
      (byte) SB,
      NAWS,
      (byte) (columns >> 8),
      (byte) columns,
      (byte) (rows >> 8),
      (byte) rows,
      (byte) IAC,
      (byte) SE
    };
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }
}
