package dev.chatshell.irc;

import dev.chatshell.command.CommandTable;
import dev.chatshell.shell.SessionManager;
import dev.chatshell.transport.ConnectionLimits;
import dev.chatshell.transport.SocketListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IRC door: plain IRC on one port, IRC over TLS on another, each client one more user of the
 * same domain, under the same limits as telnet and SSH users (connections counted in the shared
 * {@link ConnectionLimits}, sessions run and swept by the {@link SessionManager}).
 */
public final class IrcDoor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IrcDoor.class);

  /**
   * Where and how the door listens.
   *
   * @param port plain IRC's port; 0 for none
   * @param tlsPort IRC over TLS's port; 0 for none
   * @param tls the TLS context, when {@code tlsPort} is set
   * @param serverName the server's name, as the configuration has it
   * @param network the NETWORK clients show
   */
  public record Settings(
      InetAddress bind,
      int port,
      int tlsPort,
      SSLContext tls,
      String serverName,
      String network,
      String version,
      List<String> motd,
      int channelsPerUser) {}

  private final SessionManager sessions;
  private final IrcServerInfo info;
  private final IrcCommands commands;
  private final IrcPeople people;
  private final SocketListener plain;
  private final SocketListener secure;

  public IrcDoor(
      Settings settings,
      SessionManager sessions,
      CommandTable shellCommands,
      ConnectionLimits limits) {
    this.sessions = sessions;
    this.info =
        new IrcServerInfo(
            IrcServerInfo.ircName(settings.serverName()),
            IrcServerInfo.ircName(settings.network()),
            settings.version(),
            Instant.now(),
            settings.motd(),
            settings.channelsPerUser());
    this.commands = new IrcCommands(shellCommands);
    this.people = new IrcPeople(sessions.services().chat(), info.name());
    SocketListener.Door door =
        new SocketListener.Door() {
          @Override
          public void serve(Socket socket) throws IOException {
            IrcDoor.this.serve(socket);
          }

          @Override
          public String refusal(String reason) {
            return "ERROR :Closing link: (connection refused: " + reason + "; try again later)";
          }
        };
    this.plain =
        settings.port() == 0
            ? null
            : new SocketListener(
                "irc",
                settings.bind(),
                settings.port(),
                ServerSocketFactory.getDefault(),
                limits,
                door);
    this.secure =
        settings.tlsPort() == 0
            ? null
            : new SocketListener(
                "ircs",
                settings.bind(),
                settings.tlsPort(),
                new TlsSockets(settings.tls().getServerSocketFactory()),
                limits,
                door);
  }

  public void start() throws IOException {
    if (plain != null) {
      plain.start();
    }
    if (secure != null) {
      try {
        secure.start();
      } catch (IOException e) {
        close();
        throw e;
      }
    }
  }

  /** Plain IRC's port as bound; 0 when off. */
  public int port() {
    return plain == null ? 0 : plain.port();
  }

  /** IRC over TLS's port as bound; 0 when off. */
  public int tlsPort() {
    return secure == null ? 0 : secure.port();
  }

  @Override
  public void close() {
    if (plain != null) {
      plain.close();
    }
    if (secure != null) {
      secure.close();
    }
  }

  private void serve(Socket socket) throws IOException {
    IrcConnection connection = new IrcConnection(socket);
    log.info("Connection from {}", connection);
    sessions.run(new IrcSession(connection, sessions.services(), info, commands, people));
  }

  /**
   * TLS listening sockets that offer only TLS 1.2 and 1.3. The handshake happens on the session's
   * own thread at its first read, so a client that stalls it holds only itself, until the login
   * timeout drops it.
   */
  private static final class TlsSockets extends ServerSocketFactory {
    private final SSLServerSocketFactory factory;

    TlsSockets(SSLServerSocketFactory factory) {
      this.factory = factory;
    }

    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
      SSLServerSocket socket = (SSLServerSocket) factory.createServerSocket();
      socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      return socket;
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) {
      throw new UnsupportedOperationException("bound by the listener");
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) {
      throw new UnsupportedOperationException("bound by the listener");
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
      throw new UnsupportedOperationException("bound by the listener");
    }
  }
}
