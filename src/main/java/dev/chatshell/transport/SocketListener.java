package dev.chatshell.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import javax.net.ServerSocketFactory;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening TCP socket that runs each client on a virtual thread of its own, for doors built on
 * plain sockets (telnet, IRC, IRC over TLS), or hands it to a door that serves it without one
 * (plain IRC's reactor: {@link Door#keepsConnections}, with {@link ChannelServerSockets}). Enforces
 * the limits on connections in total and per address: a client over a limit is told so in one line
 * of the door's own form before the connection closes, unless, when the server is full, room is
 * made for it ({@link ConnectionLimits}).
 *
 * <p>Sockets get TCP keepalive (first probe after 30 s idle), which finds dead peers even for
 * clients that cannot be pinged at the protocol level.
 */
public final class SocketListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SocketListener.class);

  /** What a door does with a connection it accepted. */
  public interface Door {
    /**
     * Serves one client, on a virtual thread of its own. A door that reads on that thread returns
     * when the client leaves; the socket is then closed and the connection counted out, whatever
     * happens. A door that {@linkplain #keepsConnections keeps connections} returns at once
     * instead.
     */
    void serve(Socket socket) throws IOException;

    /**
     * True when {@link #serve} hands the client over (to a selector) and returns while it is still
     * served: the door then closes the socket and calls {@link ConnectionLimits#release} itself,
     * once the client has left. When {@code serve} throws, the listener does both, as for others.
     */
    default boolean keepsConnections() {
      return false;
    }

    /** The line a client refused for {@code reason} is sent, in the door's protocol (no CR LF). */
    String refusal(String reason);
  }

  private static final Duration REFUSAL_TIME = Duration.ofSeconds(2);

  /** How long to wait after an accept failed (out of file descriptors, usually). */
  public static final Duration ACCEPT_BACKOFF = Duration.ofMillis(100);

  private static final int MAX_REFUSALS_IN_PROGRESS = 64;

  /** Connections the kernel queues before they are accepted. */
  public static final int BACKLOG = 1024;

  private final String name;
  private final InetAddress bind;
  private final int port;
  private final ServerSocketFactory sockets;
  private final ConnectionLimits limits;
  private final Door door;
  private final Semaphore refusing = new Semaphore(MAX_REFUSALS_IN_PROGRESS);
  private final OncePer refusalLog = new OncePer(Duration.ofSeconds(1));
  private final OncePer acceptFailures = new OncePer(Duration.ofSeconds(1));
  private ServerSocket server;

  /**
   * @param name the door's name in logs and thread names ({@code telnet}, {@code irc})
   * @param sockets makes the listening socket: plain, or TLS
   */
  public SocketListener(
      String name,
      InetAddress bind,
      int port,
      ServerSocketFactory sockets,
      ConnectionLimits limits,
      Door door) {
    this.name = name;
    this.bind = bind;
    this.port = port;
    this.sockets = sockets;
    this.limits = limits;
    this.door = door;
  }

  /** Binds the port and starts accepting. */
  public void start() throws IOException {
    server = sockets.createServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(bind, port), BACKLOG);
    Thread.ofPlatform().name(name + "-acceptor").daemon(true).start(this::acceptLoop);
    log.info("Listening for {} on {}:{}", name, bind.getHostAddress(), port());
  }

  /** The port actually bound (useful when 0 was asked). */
  public int port() {
    return server.getLocalPort();
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
            log.warn("{} accept failed: {}", name, e.toString());
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
        log.info("Refused {} ({}): {}", address.getHostAddress(), name, refusal);
      }
      if (refusing.tryAcquire()) {
        Thread.ofVirtual()
            .name("refuse")
            .start(
                () -> {
                  try {
                    refuse(socket, door.refusal(refusal));
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
        .name(name + "-" + address.getHostAddress() + ":" + socket.getPort())
        .start(() -> serve(socket, address));
  }

  private void serve(Socket socket, InetAddress address) {
    boolean kept = false;
    try {
      configure(socket);
      door.serve(socket);
      kept = door.keepsConnections();
    } catch (IOException e) {
      log.info("Connection from {} ({}) failed: {}", address.getHostAddress(), name, e.toString());
    } catch (RuntimeException e) {
      log.error("Session of {} ({}) crashed", address.getHostAddress(), name, e);
    } finally {
      if (!kept) {
        closeQuietly(socket);
        limits.release(address);
      }
    }
  }

  private static void configure(Socket socket) throws IOException {
    socket.setTcpNoDelay(true); // chat lines are small and latency matters
    socket.setKeepAlive(true);
    trySetOption(socket, ExtendedSocketOptions.TCP_KEEPIDLE, 30);
    trySetOption(socket, ExtendedSocketOptions.TCP_KEEPINTERVAL, 10);
    trySetOption(socket, ExtendedSocketOptions.TCP_KEEPCOUNT, 3);
  }

  private static <T> void trySetOption(Socket socket, SocketOption<T> option, T value) {
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
  private static void refuse(Socket socket, String line) {
    try (socket) {
      long deadline = System.nanoTime() + REFUSAL_TIME.toNanos();
      socket.setSoTimeout((int) REFUSAL_TIME.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      byte[] sink = new byte[256];
      while (System.nanoTime() < deadline && in.read(sink) >= 0) {
        socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      }
    } catch (IOException | UnsupportedOperationException e) {
      // the client went away first, or took too long (a TLS socket cannot half-close): either way
      // it has been told or is gone
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
