package dev.chatshell.telnet;

import dev.chatshell.transport.ConnectionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts telnet clients and runs each on its own virtual thread through a {@link
 * ConnectionHandler}. Enforces the limits on connections in total and per address: a client over a
 * limit is told so in one line before the connection closes.
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

  private final Settings settings;
  private final ConnectionHandler handler;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
  private ServerSocket server;
  private Thread acceptor;

  public TelnetServer(Settings settings, ConnectionHandler handler) {
    this.settings = settings;
    this.handler = handler;
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
    return total.get();
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
          log.warn("accept failed: {}", e.toString());
        }
        continue;
      }
      admit(socket);
    }
  }

  private void admit(Socket socket) {
    InetAddress address = socket.getInetAddress();
    String refusal = reserve(address);
    if (refusal != null) {
      log.info("Refused {}: {}", address.getHostAddress(), refusal);
      Thread.ofVirtual()
          .name("refuse-" + address.getHostAddress())
          .start(() -> refuse(socket, refusal));
      return;
    }
    Thread.ofVirtual()
        .name("session-" + address.getHostAddress() + ":" + socket.getPort())
        .start(() -> serve(socket, address));
  }

  /** Counts the connection in, or says why it cannot be. */
  private String reserve(InetAddress address) {
    if (total.incrementAndGet() > settings.maxConnections()) {
      total.decrementAndGet();
      return "the server is full (" + settings.maxConnections() + " connections)";
    }
    boolean[] admitted = {false};
    // compute() is atomic per key: counting in and out can never lose an update or an entry.
    perAddress.compute(
        address,
        (a, n) -> {
          int count = n == null ? 0 : n;
          admitted[0] = count < settings.maxPerAddress();
          return admitted[0] ? count + 1 : n;
        });
    if (!admitted[0]) {
      total.decrementAndGet();
      return "too many connections from your address (at most " + settings.maxPerAddress() + ")";
    }
    return null;
  }

  private void release(InetAddress address) {
    total.decrementAndGet();
    perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
  }

  private void serve(Socket socket, InetAddress address) {
    TelnetConnection configured;
    try {
      configured = configure(socket);
    } catch (IOException | RuntimeException e) {
      log.info("Connection from {} failed: {}", address.getHostAddress(), e.toString());
      closeQuietly(socket);
      release(address);
      return;
    }
    try (TelnetConnection connection = configured) {
      log.info("Connection from {}", connection);
      handler.handle(connection);
    } catch (RuntimeException e) {
      log.error("Session of {} crashed", address.getHostAddress(), e);
    } finally {
      release(address);
    }
  }

  private TelnetConnection configure(Socket socket) throws IOException {
    socket.setTcpNoDelay(true); // chat lines are small and latency matters
    socket.setKeepAlive(true);
    trySetOption(socket, ExtendedSocketOptions.TCP_KEEPIDLE, 30);
    trySetOption(socket, ExtendedSocketOptions.TCP_KEEPINTERVAL, 10);
    trySetOption(socket, ExtendedSocketOptions.TCP_KEEPCOUNT, 3);
    socket.setOption(StandardSocketOptions.SO_LINGER, -1);
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

  /** Tells a refused client why, then closes without a reset that could eat the message. */
  private static void refuse(Socket socket, String reason) {
    try (socket) {
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("chatshell: connection refused: " + reason + "; try again later.\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      byte[] sink = new byte[256];
      while (in.read(sink) >= 0) {
        // drain until the client closes or a second passes
      }
    } catch (SocketException e) {
      // the client went away first
    } catch (IOException e) {
      log.debug("refusing: {}", e.toString());
    }
  }
}
