package dev.chatshell.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A browser page's side of the browser door, without a browser: a WebSocket client that speaks the
 * page's framing (one type byte: 0 data, 1 resize) and keeps what the server drew as text, escape
 * sequences removed. {@link #expect} waits for text after what earlier expects consumed, as {@link
 * TestClient} does.
 */
public final class WebTestClient implements AutoCloseable, Session.Listener.AutoDemanding {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final WebSocketClient client;
  private volatile Session session;
  private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
  private final ExpectedText shown = new ExpectedText();
  private volatile int closeStatus = -1;

  private WebTestClient(WebSocketClient client) {
    this.client = client;
  }

  /**
   * Opens {@code ws://127.0.0.1:port/ws} as a page of {@code origin} would (null: no Origin) and
   * says the terminal is {@code columns} by {@code rows}.
   */
  public static WebTestClient connect(int port, String origin, int columns, int rows)
      throws Exception {
    WebSocketClient client = new WebSocketClient();
    client.start();
    WebTestClient web = new WebTestClient(client);
    ClientUpgradeRequest request = new ClientUpgradeRequest();
    if (origin != null) {
      request.setHeader("Origin", origin);
    }
    try {
      web.session =
          client
              .connect(web, URI.create("ws://127.0.0.1:" + port + "/ws"), request)
              .get(10, TimeUnit.SECONDS);
      web.resize(columns, rows);
      return web;
    } catch (Exception e) {
      client.stop();
      throw e;
    }
  }

  /** The page's own origin for a server on {@code port}. */
  public static String origin(int port) {
    return "http://127.0.0.1:" + port;
  }

  /** Types {@code line} and Enter (CR, as xterm.js sends it). */
  public void send(String line) throws Exception {
    type(line + "\r");
  }

  /** Types {@code keys} without Enter. */
  public void type(String keys) throws Exception {
    byte[] bytes = keys.getBytes(StandardCharsets.UTF_8);
    ByteBuffer message = ByteBuffer.allocate(1 + bytes.length).put((byte) 0).put(bytes).flip();
    sendRaw(message);
  }

  /** Says the window is now {@code columns} by {@code rows}. */
  public void resize(int columns, int rows) throws Exception {
    sendRaw(
        ByteBuffer.allocate(5)
            .put((byte) 1)
            .putShort((short) columns)
            .putShort((short) rows)
            .flip());
  }

  /** Sends one binary message as it is, framing or not. */
  public void sendRaw(ByteBuffer message) throws Exception {
    Callback.Completable sent = new Callback.Completable();
    session.sendBinary(message, sent);
    sent.get(10, TimeUnit.SECONDS);
  }

  /** Waits for {@code expected} after what was already expected; returns the text up to it. */
  public String expect(String expected) {
    return shown.expect(expected, WAIT);
  }

  /** The close status the server sent, once it has closed; -1 until then. */
  public int awaitClose(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (closeStatus < 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return closeStatus;
  }

  public boolean isOpen() {
    return session.isOpen();
  }

  private synchronized void received(ByteBuffer message) {
    if (!message.hasRemaining() || message.get() != 0) {
      return;
    }
    byte[] bytes = new byte[message.remaining()];
    message.get(bytes);
    raw.writeBytes(bytes);
    String decoded = raw.toString(StandardCharsets.UTF_8);
    // Escape sequences (colours, cursor moves) go; the text stays.
    shown.replace(decoded.replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[()][0-9A-B]|\r", ""));
  }

  @Override
  public void close() throws Exception {
    try {
      session.close();
    } finally {
      client.stop();
    }
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    received(payload);
    callback.succeed();
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    closeStatus = statusCode;
    callback.succeed();
  }
}
