package dev.chatshell.telnet;

import dev.chatshell.transport.ConnectionHandler;
import dev.chatshell.transport.ConnectionLimits;
import dev.chatshell.transport.SocketListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts telnet clients and runs each on its own virtual thread through a {@link
 * ConnectionHandler}, under the limits on connections in total and per address ({@link
 * SocketListener} tells a refused client why in one line).
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
  private final ConnectionLimits limits;
  private final SocketListener listener;

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
    this.listener =
        new SocketListener(
            "telnet",
            settings.bind(),
            settings.port(),
            ServerSocketFactory.getDefault(),
            limits,
            new SocketListener.Door() {
              @Override
              public void serve(Socket socket) throws IOException {
                TelnetServer.this.serve(socket);
              }

              @Override
              public String refusal(String reason) {
                return "chatshell: connection refused: " + reason + "; try again later.";
              }
            });
  }

  /** Binds the port and starts accepting. */
  public void start() throws IOException {
    listener.start();
  }

  /** The port actually bound (useful when 0 was asked). */
  public int port() {
    return listener.port();
  }

  /** Connections currently open. */
  public int connections() {
    return limits.connections();
  }

  /** Stops accepting; open connections are left to their sessions. */
  @Override
  public void close() {
    listener.close();
  }

  private void serve(Socket socket) throws IOException {
    try (TelnetConnection connection =
        new TelnetConnection(socket, settings.negotiationTimeout())) {
      log.info("Connection from {}", connection);
      handler.handle(connection);
    }
  }
}
