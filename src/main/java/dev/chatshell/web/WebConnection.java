package dev.chatshell.web;

import dev.chatshell.transport.Connection;
import dev.chatshell.transport.CrLfOutput;
import dev.chatshell.transport.InputBuffer;
import dev.chatshell.transport.ResizeListener;
import dev.chatshell.transport.Resizes;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser page's terminal, over a WebSocket, as the shell sees it: character mode, TERM {@code
 * xterm-256color} (the page runs xterm.js), the size the page measured and every resize.
 *
 * <p>Flow control both ways. In: Jetty reads the next message only when asked, which this does
 * while little is unread ({@link InputBuffer}), so a page that floods is held back by TCP. Out: a
 * write returns when Jetty has written the message to the socket, so a page that reads nothing (a
 * tab in the background, a slow phone) blocks its writer as a socket would, and the session's
 * bounded outbox, not this connection, decides what then happens.
 *
 * <p>Threading: Jetty's threads call the listener methods; the session's thread reads and writes;
 * any thread may close. (Public only because Jetty calls the listener methods through method
 * handles, which need a public class.)
 */
public final class WebConnection implements Connection, Session.Listener {
  private static final Logger log = LoggerFactory.getLogger(WebConnection.class);

  /** How long the page has to say its size before the shell starts with a default one. */
  private static final Duration SIZE_WAIT = Duration.ofSeconds(5);

  private static final String TERMINAL_TYPE = "xterm-256color";

  /** At most about this much of what the page typed is held unread (plus one message). */
  private static final int INPUT_HIGH_WATER = 16 * 1024;

  private final String address;
  private final int port;
  private final boolean secure;
  private final Consumer<WebConnection> whenOpen;
  // Jetty reads the next message only when asked: asked again while little is unread, so a page
  // that floods is held back by TCP.
  private final InputBuffer input = new InputBuffer(INPUT_HIGH_WATER, this::demand);
  private final Resizes resizes;
  private final CountDownLatch sized = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final OutputStream output = new CrLfOutput(new Output());
  private volatile Session session;
  private volatile ResizeListener resizeListener;
  private volatile int columns = 80;
  private volatile int rows = 24;
  private volatile long lastHeard = System.nanoTime();

  /**
   * @param whenOpen given the connection once the WebSocket is open (starts the session on a thread
   *     of its own)
   */
  WebConnection(String address, int port, boolean secure, Consumer<WebConnection> whenOpen) {
    this.address = address;
    this.port = port;
    this.secure = secure;
    this.whenOpen = whenOpen;
    this.resizes = new Resizes("web-resize", () -> resizeListener);
  }

  // ---- Jetty's side ----

  @Override
  public void onWebSocketOpen(Session opened) {
    this.session = opened;
    opened.demand();
    whenOpen.accept(this);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    lastHeard = System.nanoTime();
    WebFrames.Message message = WebFrames.decode(payload);
    callback.succeed(); // what was needed is copied out
    switch (message) {
      case WebFrames.Data data -> {
        if (input.append(data.bytes(), 0, data.bytes().length)) {
          demand();
        }
      }
      case WebFrames.Resize resize -> {
        resized(resize.columns(), resize.rows());
        demand();
      }
      case WebFrames.Invalid invalid -> notFraming(invalid.why());
    }
  }

  @Override
  public void onWebSocketText(String message) {
    notFraming("a text message");
  }

  @Override
  public void onWebSocketPong(ByteBuffer payload) {
    lastHeard = System.nanoTime();
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    input.close();
    closed.set(true);
    callback.succeed();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    log.debug("{}: {}", this, cause.toString());
    input.close();
    closed.set(true);
  }

  private void demand() {
    Session open = session;
    if (open != null && open.isOpen()) {
      open.demand();
    }
  }

  private void resized(int newColumns, int newRows) {
    if (newColumns <= 0 || newRows <= 0) {
      return;
    }
    columns = TerminalInfo.clampColumns(newColumns);
    rows = TerminalInfo.clampRows(newRows);
    if (sized.getCount() == 0) {
      resizes.resized(columns, rows);
    }
    sized.countDown();
  }

  /** The page may not come in (the limits): it is told {@code line} in its terminal and closed. */
  void refuse(String line) {
    Session open = session;
    byte[] text = (line + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    closed.set(true);
    input.close();
    open.sendBinary(
        WebFrames.output(text, 0, text.length),
        Callback.from(
            () -> open.close(StatusCode.TRY_AGAIN_LATER, "refused", Callback.NOOP),
            failure -> open.disconnect()));
  }

  /** The page does not speak the framing: it is told nothing more and closed. */
  private void notFraming(String why) {
    log.info("{}: closed for {}", this, why);
    Session open = session;
    if (open != null) {
      open.close(StatusCode.PROTOCOL, "not chatshell's framing", Callback.NOOP);
    }
    input.close();
  }

  // ---- the shell's side ----

  @Override
  public String remoteAddress() {
    return address;
  }

  @Override
  public String transport() {
    return "web";
  }

  @Override
  public boolean encrypted() {
    return secure;
  }

  /** The size the page measured (its first message), or 80 by 24 if it said none in time. */
  @Override
  public TerminalInfo awaitTerminal() throws IOException {
    try {
      sized.await(SIZE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the page's size");
    }
    return new TerminalInfo(true, TERMINAL_TYPE, columns, rows);
  }

  @Override
  public int read(byte[] buffer, int offset, int length, long timeoutMillis) throws IOException {
    int n = input.read(buffer, offset, length, timeoutMillis);
    if (n > 0) {
      for (int i = offset; i < offset + n; i++) {
        if (buffer[i] == '\r') {
          buffer[i] = '\n'; // xterm.js sends Enter as CR
        }
      }
    }
    return n;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  /** The page's terminal never echoes: the server's line editor does. */
  @Override
  public void setClientEcho(boolean echo) {}

  @Override
  public boolean clientCanEditLines() {
    return false;
  }

  @Override
  public void onResize(ResizeListener listener) {
    this.resizeListener = listener;
  }

  /** A WebSocket ping, which every browser answers on its own. */
  @Override
  public boolean ping() {
    Session open = session;
    if (open == null || !open.isOpen()) {
      return false;
    }
    open.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
    return true;
  }

  @Override
  public long lastHeardNanos() {
    return lastHeard;
  }

  @Override
  public boolean isOpen() {
    Session open = session;
    return !closed.get() && open != null && open.isOpen();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    input.close();
    Session open = session;
    if (open != null && open.isOpen()) {
      open.close(StatusCode.NORMAL, "bye", Callback.NOOP);
    }
  }

  @Override
  public String toString() {
    return "web:" + address + ":" + port;
  }

  /** Each write one message, returned from once Jetty has written it to the socket. */
  private final class Output extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      Session open = session;
      if (open == null || !open.isOpen() || closed.get()) {
        throw new IOException("the page has gone");
      }
      Callback.Completable sent = new Callback.Completable();
      open.sendBinary(WebFrames.output(bytes, offset, length), sent);
      try {
        sent.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new InterruptedIOException("interrupted while writing");
      } catch (ExecutionException e) {
        throw new IOException("the page has gone: " + e.getCause(), e.getCause());
      }
    }
  }
}
