package dev.chatshell.telnet;

import dev.chatshell.transport.ConnectionHandler;
import dev.chatshell.transport.ConnectionLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts telnet clients and runs each on its own virtual thread through a {@link
 * ConnectionHandler}. Enforces the limits on connections in total and per address: a client over a
 * limit is told so in one line before the connection closes, unless, when the server is full, the
 * handler makes room for it ({@link ConnectionHandler#makeRoom}).
 *
 * <p>Sockets get TCP keepalive (first probe after 30 s idle), which finds dead peers even for plain
 * line clients that cannot be pinged at the telnet level.
 */
public final class TelnetServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelnetServer.class);

  /** Listening address and limits. */
  public record Settings(
      InetAddress bind,
      int port,
      int maxConnections,
      int maxPerAddress,
      Duration negotiationTimeout) {}

  private static final Duration REFUSAL_TIME = Duration.ofSeconds(2);
  private static final Duration ACCEPT_BACKOFF = Duration.ofMillis(100);
  private static final int MAX_REFUSALS_IN_PROGRESS = 64;

  private final Settings settings;
  private final ConnectionHandler handler;
  private final Semaphore refusing = new Semaphore(MAX_REFUSALS_IN_PROGRESS);
  private final OncePer refusalLog = new OncePer(Duration.ofSeconds(1));
  private final OncePer acceptFailures = new OncePer(Duration.ofSeconds(1));
  private final ConnectionLimits limits;
  private ServerSocket server;
  private Thread acceptor;

  /** A telnet door with limits of its own (tests, tools). */
  public TelnetServer(Settings settings, ConnectionHandler handler) {
    this(
        settings,
        handler,
        new ConnectionLimits(settings.maxConnections(), settings.maxPerAddress(), handler));
  }

  /** A telnet door counting its connections in {@code limits}, which other doors may share. */
  public TelnetServer(Settings settings, ConnectionHandler handler, ConnectionLimits limits) {
    this.settings = settings;
    this.handler = handler;
    this.limits = limits;
  }

  /** Binds the port and starts accepting. */
  public void start() throws IOException {
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(settings.bind(), settings.port()), 1024);
    acceptor = Thread.ofPlatform().name("telnet-acceptor").daemon(true).start(this::acceptLoop);
    log.info("Listening for telnet on {}:{}", settings.bind().getHostAddress(), port());
  }

  /** The port actually bound (useful when 0 was asked). */
  public int port() {
    return server.getLocalPort();
  }

  /** Connections currently open. */
  public int connections() {
    return limits.connections();
  }

  /** Stops accepting; open connections are left to their sessions. */
  @Override
  public void close() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException e) {
      log.debug("closing listener: {}", e.toString());
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!server.isClosed()) {
          // Usually out of file descriptors: wait a little instead of spinning, log once a second.
          if (acceptFailures.tryAcquire()) {
            log.warn("accept failed: {}", e.toString());
          }
          pause(ACCEPT_BACKOFF);
        }
        continue;
      }
      admit(socket);
    }
  }

  private void admit(Socket socket) {
    InetAddress address = socket.getInetAddress();
    String refusal = limits.reserve(address);
    if (refusal != null) {
      if (refusalLog.tryAcquire()) {
        log.info("Refused {}: {}", socket.getInetAddress().getHostAddress(), refusal);
      }
      if (refusing.tryAcquire()) {
        Thread.ofVirtual()
            .name("refuse")
            .start(
                () -> {
                  try {
                    refuse(socket, refusal);
                  } finally {
                    refusing.release();
                  }
                });
      } else {
        closeQuietly(socket); // too many refusals in progress: no message, no thread
      }
      return;
    }
    Thread.ofVirtual()
        .name("session-" + socket.getInetAddress().getHostAddress() + ":" + socket.getPort())
        .start(() -> serve(socket, address));
  }

  private void serve(Socket socket, InetAddress address) {
    TelnetConnection configured;
    try {
      configured = configure(socket);
    } catch (IOException | RuntimeException e) {
      log.info("Connection from {} failed: {}", address.getHostAddress(), e.toString());
      closeQuietly(socket);
      limits.release(address);
      return;
    }
    try (TelnetConnection connection = configured) {
      log.info("Connection from {}", connection);
      handler.handle(connection);
    } catch (RuntimeException e) {
      log.error("Session of {} crashed", address.getHostAddress(), e);
    } finally {
      limits.release(address);
    }
  }

  private TelnetConnection configure(Socket socket) throws IOException {
    socket.setTcpNoDelay(true); // chat lines are small and latency matters
    socket.setKeepAlive(true);
    trySetOption(socket, ExtendedSocketOptions.TCP_KEEPIDLE, 30);
    trySetOption(socket, ExtendedSocketOptions.TCP_KEEPINTERVAL, 10);
    trySetOption(socket, ExtendedSocketOptions.TCP_KEEPCOUNT, 3);
    return new TelnetConnection(socket, settings.negotiationTimeout());
  }

  private static <T> void trySetOption(Socket socket, java.net.SocketOption<T> option, T value) {
    try {
      socket.setOption(option, value);
    } catch (IOException | UnsupportedOperationException e) {
      // not every platform tunes keepalive timings; the default keepalive still runs
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing more to do for a connection that failed to start
    }
  }

  /**
   * Tells a refused client why, then closes after a short drain (so the message is not lost to a
   * reset); the whole refusal takes at most {@link #REFUSAL_TIME}, whatever the client does.
   */
  private static void refuse(Socket socket, String reason) {
    try (socket) {
      long deadline = System.nanoTime() + REFUSAL_TIME.toNanos();
      socket.setSoTimeout((int) REFUSAL_TIME.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("chatshell: connection refused: " + reason + "; try again later.\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      byte[] sink = new byte[256];
      while (System.nanoTime() < deadline && in.read(sink) >= 0) {
        socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      }
    } catch (IOException e) {
      // the client went away first, or took too long: either way it has been told or is gone
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Lets one caller through per period: rate-limits log lines an attacker could trigger. */
  private static final class OncePer {
    private final long periodNanos;
    private final AtomicLong next = new AtomicLong();

    OncePer(Duration period) {
      this.periodNanos = period.toNanos();
    }

    boolean tryAcquire() {
      long now = System.nanoTime();
      long due = next.get();
      return now - due >= 0 && next.compareAndSet(due, now + periodNanos);
    }
  }
}
