package dev.chatshell.web;

import dev.chatshell.transport.ConnectionHandler;
import dev.chatshell.transport.ConnectionLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browser door: an HTTP listener that serves one page (the terminal, xterm.js) and a WebSocket
 * at {@code /ws} that carries the same shell as telnet and SSH, one {@link WebConnection} per page,
 * under the same limits.
 *
 * <p>On Jetty 12's core (no servlet container): it reads a WebSocket only when asked (explicit
 * demand, so a flooding page is held back by TCP), tells a writer when its message is on the socket
 * (so a page that reads nothing blocks its writer, as a socket would), and runs blocking work on
 * virtual threads.
 *
 * <p>A WebSocket is only opened for the page's own origin: a page of another site cannot use the
 * visitor's browser to talk to this server.
 */
public final class WebDoor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebDoor.class);

  /** The WebSocket's path. */
  static final String SOCKET_PATH = "/ws";

  /**
   * Where and how the door listens.
   *
   * @param port HTTP's port; 0 picks a free one (tests)
   * @param trustedProxies addresses whose {@code X-Forwarded-For} is believed
   */
  public record Settings(
      InetAddress bind, int port, List<InetAddress> trustedProxies, String serverName) {}

  private final Settings settings;
  private final ConnectionHandler handler;
  private final ConnectionLimits limits;
  private Server server;
  private ServerConnector connector;

  public WebDoor(Settings settings, ConnectionHandler handler, ConnectionLimits limits) {
    this.settings = settings;
    this.handler = handler;
    this.limits = limits;
  }

  public void start() throws IOException {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("web");
    threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(settings.bind().getHostAddress());
    connector.setPort(settings.port());
    connector.setIdleTimeout(30_000); // a connection that never asks for anything goes
    server.addConnector(connector);
    ContextHandler context = new ContextHandler("/");
    WebSocketUpgradeHandler sockets =
        WebSocketUpgradeHandler.from(
            server,
            context,
            container -> {
              container.setMaxBinaryMessageSize(WebFrames.MAX_MESSAGE);
              container.setMaxFrameSize(WebFrames.MAX_MESSAGE);
              container.setMaxTextMessageSize(1024);
              container.setIdleTimeout(Duration.ofMinutes(30)); // the shell's keepalive decides
              container.addMapping(SOCKET_PATH, this::upgrade);
            });
    sockets.setHandler(new PageHandler(settings.serverName()));
    context.setHandler(sockets);
    server.setHandler(context);
    try {
      server.start();
    } catch (IOException e) {
      close();
      throw e;
    } catch (Exception e) {
      close();
      throw new IOException("cannot start the web door: " + e.getMessage(), e);
    }
    log.info("Listening for web on {}:{}", settings.bind().getHostAddress(), port());
  }

  /** The port bound. */
  public int port() {
    return connector == null ? 0 : connector.getLocalPort();
  }

  /**
   * A page asks for its WebSocket: only from its own origin, and within the limits; refused with
   * 403 otherwise (the page then says it could not connect).
   */
  private Object upgrade(
      ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    String host = request.getHeaders().get(HttpHeader.HOST);
    if (!sameOrigin(origin, host)) {
      log.info("Refused a WebSocket from origin {} for host {}", origin, host);
      Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403);
      return null;
    }
    InetAddress address;
    try {
      address =
          ClientAddress.of(
              InetAddress.ofLiteral(Request.getRemoteAddr(request)),
              request.getHeaders().get("X-Forwarded-For"),
              settings.trustedProxies());
    } catch (IllegalArgumentException e) {
      Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400);
      return null;
    }
    return new WebConnection(
        address.getHostAddress(),
        Request.getRemotePort(request),
        request.isSecure(),
        opened -> admit(opened, address));
  }

  /**
   * Once the WebSocket is open (not before, so that an upgrade that fails half-way counts nothing
   * in): counts the page in and runs its session on a thread of its own, or tells it why not.
   */
  private void admit(WebConnection connection, InetAddress address) {
    String refusal = limits.reserve(address);
    if (refusal != null) {
      connection.refuse("chatshell: connection refused: " + refusal + "; try again later.");
      return;
    }
    try {
      Thread.ofVirtual().name("web-session").start(() -> serve(connection, address));
    } catch (Throwable e) {
      connection.close();
      limits.release(address);
      throw e;
    }
  }

  private void serve(WebConnection connection, InetAddress address) {
    log.info("Connection from {}", connection);
    try {
      handler.handle(connection);
    } catch (RuntimeException e) {
      log.error("Session of {} (web) crashed", connection, e);
    } finally {
      connection.close();
      limits.release(address);
    }
  }

  /**
   * Whether a WebSocket request comes from a page of this server: its {@code Origin} names the host
   * (and port) the request was sent to. Browsers always send it; a request without one is refused.
   */
  static boolean sameOrigin(String origin, String host) {
    if (origin == null || host == null) {
      return false;
    }
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme();
      if (uri.getRawAuthority() == null
          || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
        return false;
      }
      return uri.getRawAuthority().toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (server == null) {
      return;
    }
    try {
      server.stop();
    } catch (Exception e) {
      log.debug("stopping the web door: {}", e.toString());
    }
  }
}
