package dev.chatshell.irc;

import dev.chatshell.command.CommandTable;
import dev.chatshell.shell.SessionManager;
import dev.chatshell.transport.ChannelServerSockets;
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
 *
 * <p>Plain IRC clients are served by a reactor ({@link EpollReactor} on Linux, else {@link
 * IrcReactor}): an idle one holds no thread (the reactor watches them all) and no read buffer, and
 * its lines run on a virtual thread only while there are some. IRC over TLS is served as telnet is,
 * one virtual thread per client blocked in its read ({@link StreamIrcConnection}): the JDK's TLS
 * sockets only block.
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
  private final ConnectionLimits limits;
  private final Plain plain;
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
    this.limits = limits;
    this.plain =
        settings.port() == 0
            ? null
            : rawSockets() ? new RawPlain(settings) : new ChannelPlain(settings);
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

  /**
   * Stops taking clients; those in are still served. At shutdown this comes first, and {@link
   * #close} after the sessions have been told and closed.
   */
  public void stopListening() {
    if (plain != null) {
      plain.stopListening();
    }
    if (secure != null) {
      secure.close();
    }
  }

  /**
   * Stops listening and stops serving plain IRC, once the clients still in have gone. At shutdown,
   * only after the sessions have been told why and closed: plain IRC clients are read and written
   * through the reactor, so one stopped earlier would cut them off before their ERROR line, and
   * each would then leave on its own with a quit notice to the others.
   */
  @Override
  public void close() {
    stopListening();
    if (plain != null) {
      plain.close();
    }
  }

  /** A refused client's line: over TLS it goes out in the clear, before any handshake. */
  private static String refusal(String reason) {
    return "ERROR :Closing link: (connection refused: " + reason + "; try again later)";
  }

  /**
   * Whether plain IRC is served on raw sockets (Linux): each idle client then costs about 740 bytes
   * of heap less than on the JDK's channels. {@code -Dchatshell.irc.channels=true} asks for the
   * channels anyway, to compare.
   */
  private static boolean rawSockets() {
    if (Boolean.getBoolean("chatshell.irc.channels")) {
      return false;
    }
    if (!Posix.AVAILABLE) {
      log.info("Plain IRC served on the JDK's channels: {}", Posix.UNAVAILABLE_BECAUSE);
    }
    return Posix.AVAILABLE;
  }

  /** Plain IRC's listener and the reactor that serves what it accepts. */
  private interface Plain extends AutoCloseable {
    void start() throws IOException;

    int port();

    void stopListening();

    /** Stops the reactor, once the clients still in have gone. */
    @Override
    void close();
  }

  /** On Linux: raw sockets, watched with epoll. */
  private final class RawPlain implements Plain {
    private final Settings settings;
    private EpollReactor reactor;
    private FdListener listener;

    RawPlain(Settings settings) {
      this.settings = settings;
    }

    @Override
    public void start() throws IOException {
      reactor = new EpollReactor("irc-reactor");
      listener =
          new FdListener(
              "irc",
              settings.bind(),
              settings.port(),
              limits,
              reactor,
              new FdListener.Door() {
                @Override
                public void serve(FdIrcConnection connection, InetAddress address) {
                  servePlain(connection, address);
                }

                @Override
                public String refusal(String reason) {
                  return IrcDoor.refusal(reason);
                }
              });
      try {
        listener.start();
      } catch (IOException e) {
        reactor.close();
        throw e;
      }
    }

    @Override
    public int port() {
      return listener.port();
    }

    @Override
    public void stopListening() {
      if (listener != null) {
        listener.close();
      }
    }

    @Override
    public void close() {
      if (reactor != null) {
        reactor.close();
      }
    }
  }

  /** Elsewhere: the JDK's channels and selector. */
  private final class ChannelPlain implements Plain {
    private final SocketListener listener;
    private IrcReactor reactor;

    ChannelPlain(Settings settings) {
      listener =
          new SocketListener(
              "irc",
              settings.bind(),
              settings.port(),
              new ChannelServerSockets(),
              limits,
              new SocketListener.Door() {
                @Override
                public void serve(Socket socket) throws IOException {
                  servePlain(
                      new ChannelIrcConnection(socket.getChannel(), reactor),
                      socket.getInetAddress());
                }

                @Override
                public String refusal(String reason) {
                  return IrcDoor.refusal(reason);
                }

                @Override
                public boolean keepsConnections() {
                  return true;
                }
              });
    }

    @Override
    public void start() throws IOException {
      reactor = new IrcReactor("irc-reactor");
      try {
        listener.start();
      } catch (IOException e) {
        reactor.close();
        throw e;
      }
    }

    @Override
    public int port() {
      return listener.port();
    }

    @Override
    public void stopListening() {
      listener.close();
    }

    @Override
    public void close() {
      if (reactor != null) {
        reactor.close();
      }
    }
  }

  /** What the door does with a client over TLS: serves it on the listener's thread for it. */
  private SocketListener.Door door(SSLContext tls) {
    return new SocketListener.Door() {
      @Override
      public void serve(Socket socket) throws IOException {
        IrcDoor.this.serve(secured(tls, socket), socket);
      }

      @Override
      public String refusal(String reason) {
        return IrcDoor.refusal(reason);
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
    IrcConnection connection = new StreamIrcConnection(socket, underneath);
    log.info("Connection from {}", connection);
    sessions.run(new IrcSession(connection, sessions.services(), info, commands, people));
  }

  /**
   * The address {@code connection} was counted in by, from its text (a link-local address's
   * interface name, which the JDK may add, left out: the limits count IPv6 clients by their /64).
   */
  private static InetAddress addressOf(IrcConnection connection) {
    String text = connection.remoteAddress();
    int scope = text.indexOf('%');
    return InetAddress.ofLiteral(scope < 0 ? text : text.substring(0, scope));
  }

  /**
   * Takes a plain client the reactor serves and returns: from here on the session closes the
   * connection and counts it out when it ends (or here, when the server is shutting down).
   */
  private void servePlain(PlainIrcConnection connection, InetAddress address) {
    log.info("Connection from {}", connection);
    IrcSession session = new IrcSession(connection, sessions.services(), info, commands, people);
    if (!sessions.register(session)) {
      connection.close();
      limits.release(address);
      return;
    }
    // The address is found again from its text when the session ends, so that an idle client
    // does not keep an InetAddress (56 bytes) for it.
    session.start(
        connection,
        () -> {
          sessions.unregister(session);
          limits.release(addressOf(connection));
        });
  }
}
