package dev.chatshell.irc;

import dev.chatshell.command.CommandTable;
import dev.chatshell.shell.SessionManager;
import dev.chatshell.transport.ConnectionLimits;
import dev.chatshell.transport.SocketListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
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
   * @param outputGather how long a busy client's output is gathered into one write; zero: never
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
      int channelsPerUser,
      Duration outputGather) {}

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
            settings.network(),
            settings.version(),
            Instant.now(),
            settings.motd(),
            settings.channelsPerUser(),
            settings.outputGather());
    this.commands = new IrcCommands(shellCommands);
    this.people = new IrcPeople(sessions.services().chat(), info.name());
    SocketListener.Door door = door(null);
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
                ServerSocketFactory.getDefault(),
                limits,
                door(settings.tls()));
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

  /** What the door does with a client, in the clear or, with {@code tls}, over TLS. */
  private SocketListener.Door door(SSLContext tls) {
    return new SocketListener.Door() {
      @Override
      public void serve(Socket socket) throws IOException {
        IrcDoor.this.serve(tls == null ? socket : secured(tls, socket), socket);
      }

      @Override
      public String refusal(String reason) {
        // over TLS the line goes out in the clear, before any handshake: clients show the close
        return "ERROR :Closing link: (connection refused: " + reason + "; try again later)";
      }
    };
  }

  /**
   * TLS 1.2 or 1.3 over an accepted socket. The handshake happens on the session's own thread at
   * its first read, so a client that stalls it holds only itself until the login timeout; and the
   * session closes the plain socket underneath, which no TLS close can hold up.
   */
  private static SSLSocket secured(SSLContext tls, Socket socket) throws IOException {
    SSLSocket secure =
        (SSLSocket)
            tls.getSocketFactory()
                .createSocket(
                    socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
    secure.setUseClientMode(false);
    secure.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    return secure;
  }

  private void serve(Socket socket, Socket underneath) throws IOException {
    IrcConnection connection = new IrcConnection(socket, underneath);
    log.info("Connection from {}", connection);
    sessions.run(new IrcSession(connection, sessions.services(), info, commands, people));
  }
}
