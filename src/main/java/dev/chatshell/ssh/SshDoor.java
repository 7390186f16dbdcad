package dev.chatshell.ssh;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.transport.ConnectionHandler;
import dev.chatshell.transport.ConnectionLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKey;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SSH door: Apache MINA SSHD on its own port, its I/O on MINA's own threads, each shell handed
 * to the same {@link ConnectionHandler} as telnet's, on a virtual thread. It accepts only session
 * channels, one at a time per connection, with a shell or an exec request whose command is a chat
 * line; no forwarding of any kind. MINA's idle timeout is off: the sessions' keepalive decides.
 */
public final class SshDoor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SshDoor.class);

  /** Where and how the door listens. */
  public record Settings(InetAddress bind, int port, Duration loginTimeout) {}

  private static final AttributeKey<InetAddress> COUNTED = new AttributeKey<>();
  private static final AttributeKey<String> REFUSAL = new AttributeKey<>();
  private static final int MAX_REFUSALS_IN_PROGRESS = 64;

  /** Bytes of the buffer each connection reads the socket into (see the constructor). */
  private static final int READ_BUFFER_BYTES = 4096;

  private final Settings settings;
  private final SshServer server;
  private final ConnectionLimits limits;
  private final AtomicLong lastRefusalLog = new AtomicLong();
  private final AtomicInteger refusing = new AtomicInteger();

  public SshDoor(
      Settings settings,
      HostKey hostKey,
      ChatServer chat,
      KeyCheck keys,
      ConnectionHandler handler,
      ConnectionLimits limits) {
    this.settings = settings;
    this.limits = limits;
    SshLogins logins = new SshLogins(chat, keys);
    server = SshServer.setUpDefaultServer();
    server.setHost(settings.bind().getHostAddress());
    server.setPort(settings.port());
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey.keys()));
    // "none" (never enough: it reads the account's keys ahead), then OpenSSH's own order: a key,
    // then the password asked in the terminal, then the plain one
    server.setUserAuthFactories(
        List.of(
            logins.noneMethod(),
            logins.publicKeyMethod(),
            UserAuthKeyboardInteractiveFactory.INSTANCE,
            UserAuthPasswordFactory.INSTANCE));
    server.setPublickeyAuthenticator(logins);
    server.setKeyboardInteractiveAuthenticator(logins);
    server.setPasswordAuthenticator(logins);
    server.setChannelFactories(List.of(SshChannel.FACTORY));
    server.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
    server.setAgentFactory(null);
    server.setShellFactory(channel -> shell(channel, handler, null));
    server.setCommandFactory((channel, command) -> execute(channel, handler, command));
    server.setSubsystemFactories(List.of());
    CoreModuleProperties.IDLE_TIMEOUT.set(server, Duration.ZERO);
    CoreModuleProperties.NIO2_READ_TIMEOUT.set(server, Duration.ZERO);
    // Each connection keeps its read buffer for life, 32 KiB by default: half an idle session's
    // heap. A chat client sends keystrokes and lines; a bigger packet simply takes a few reads.
    CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(server, READ_BUFFER_BYTES);
    // Connections waiting to be accepted, as telnet's: MINA's default (the JDK's 50) resets
    // clients when a few hundred connect at once while the I/O threads are busy with key exchanges.
    CoreModuleProperties.SOCKET_BACKLOG.set(server, 1024);
    // What a client may send before its session reads (SshInput holds it): lines are at most a
    // few KiB, so 64 KiB loses nothing, where MINA's 2 MiB would let each flooding client pin that
    // much of the heap.
    CoreModuleProperties.WINDOW_SIZE.set(server, 64 * 1024L);
    CoreModuleProperties.AUTH_TIMEOUT.set(server, settings.loginTimeout());
    // Few channels open at once (MINA lets one more than this open); only one runs a shell.
    CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(server, 2);
    CoreModuleProperties.MAX_AUTH_REQUESTS.set(server, 10);
    CoreModuleProperties.SERVER_IDENTIFICATION.set(server, "chatshell");
    server.addSessionListener(new Limits());
    server.addSessionListener(new ForgetKeys());
  }

  /**
   * An exec request: a chat line given on the ssh command line ({@code ssh host /who}) is run
   * first, then input is read as in a shell; anything else is not a program we run.
   */
  private static Command execute(
      ChannelSession channel, ConnectionHandler handler, String command) {
    String line = command.strip();
    if (line.isEmpty() || line.startsWith("/")) {
      return shell(channel, handler, line.isEmpty() ? null : line);
    }
    return new Refusal(
        "chatshell: this is a chat server; it runs no programs. Give a chat command such as"
            + " '/who', or none for the chat shell.");
  }

  /**
   * The chat shell, unless this connection runs one already: one person, one session, whatever
   * channels a client (or a shared OpenSSH master connection) opens.
   */
  private static Command shell(
      ChannelSession channel, ConnectionHandler handler, String firstLine) {
    if (!SshShell.claim(channel.getServerSession())) {
      return new Refusal(
          "chatshell: this connection has its chat session already; open another connection"
              + " for another one.");
    }
    return new SshShell(handler, firstLine);
  }

  /** Binds the port and starts accepting. */
  public void start() throws IOException {
    server.start();
    log.info("Listening for SSH on {}:{}", settings.bind().getHostAddress(), port());
  }

  /** The port actually bound. */
  public int port() {
    return server.getPort();
  }

  /** Stops accepting; open sessions are closed by their sessions, then the rest here. */
  @Override
  public void close() {
    try {
      server.stop(true);
    } catch (IOException e) {
      log.debug("closing the SSH door: {}", e.toString());
    }
  }

  /**
   * Once a session is logged in, drops the public keys MINA keeps on it (to refuse the same key
   * twice in a login of several steps, which the door never asks for): a P-256 key holds about 5
   * KiB of BouncyCastle's precomputed points from the signature check, for the session's life. What
   * the door proved is kept as text ({@link SshLogins#PROVEN_KEY}).
   */
  private static final class ForgetKeys implements SessionListener {
    @Override
    public void sessionEvent(Session session, Event event) {
      if (event == Event.Authenticated) {
        session.removeAttribute(UserAuthPublicKey.AUTHENTICATED_KEYS);
      }
    }
  }

  /**
   * Counts each connection against the limits every door shares, as telnet does. A refused client
   * is told why in SSH's own way, a disconnect message, which can only be sent once keys are
   * exchanged; while many refusals are pending, newcomers over the limits are simply closed.
   */
  private final class Limits implements SessionListener {
    @Override
    public void sessionCreated(Session session) {
      if (!(session.getRemoteAddress() instanceof InetSocketAddress inet)
          || inet.getAddress() == null) {
        return;
      }
      String refusal = limits.reserve(inet.getAddress());
      if (refusal == null) {
        session.setAttribute(COUNTED, inet.getAddress());
        return;
      }
      long now = System.nanoTime();
      long last = lastRefusalLog.get();
      if (now - last > 1_000_000_000L && lastRefusalLog.compareAndSet(last, now)) {
        log.info("Refused {}: {}", inet.getAddress().getHostAddress(), refusal);
      }
      if (refusing.incrementAndGet() > MAX_REFUSALS_IN_PROGRESS) {
        refusing.decrementAndGet();
        session.close(true); // too many at once: no key exchange spent on telling them
        return;
      }
      session.setAttribute(REFUSAL, refusal);
    }

    @Override
    public void sessionEvent(Session session, Event event) {
      if (event == Event.Authenticated) {
        expectShell(session);
      }
      String refusal = session.getAttribute(REFUSAL);
      if (refusal != null && event == Event.KexCompleted) {
        try {
          session.disconnect(
              SshConstants.SSH2_DISCONNECT_TOO_MANY_CONNECTIONS,
              "chatshell: connection refused: " + refusal + "; try again later.");
        } catch (IOException e) {
          session.close(true);
        }
      }
    }

    /**
     * A client in (authenticated) has the login timeout to start its chat session; one that holds a
     * connection without it (ssh -N, a pty and no shell) would keep a place no session can give
     * back.
     */
    private void expectShell(Session session) {
      Thread.ofVirtual()
          .name("ssh-expect-shell")
          .start(
              () -> {
                try {
                  Thread.sleep(settings.loginTimeout());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                if (!session.isClosed() && !SshShell.running(session)) {
                  try {
                    session.disconnect(
                        SshConstants.SSH2_DISCONNECT_BY_APPLICATION,
                        "chatshell: no chat session was started in time.");
                  } catch (IOException e) {
                    session.close(true);
                  }
                }
              });
    }

    @Override
    public void sessionClosed(Session session) {
      InetAddress counted = session.removeAttribute(COUNTED);
      if (counted != null) {
        limits.release(counted);
      }
      if (session.removeAttribute(REFUSAL) != null) {
        refusing.decrementAndGet();
      }
    }
  }
}
