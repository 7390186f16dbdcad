package dev.chatshell.ssh;

import dev.chatshell.transport.ConnectionHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.channel.ChannelSessionAware;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat shell as MINA runs a shell or an exec request: on start it hands an {@link
 * SshConnection} to the same handler telnet uses, on a virtual thread of its own, so MINA's I/O
 * threads never wait for a session.
 */
final class SshShell implements Command, ChannelSessionAware {
  private static final Logger log = LoggerFactory.getLogger(SshShell.class);

  /** Set on a connection while one of its channels runs the chat shell. */
  private static final AttributeKey<AtomicBoolean> RUNNING = new AttributeKey<>();

  private final ConnectionHandler handler;
  private final String firstLine; // an exec request's command, run first; null for a shell
  private OutputStream out;
  private ExitCallback exit;
  private SshInput input;
  private volatile SshConnection connection;

  SshShell(ConnectionHandler handler, String firstLine) {
    this.handler = handler;
    this.firstLine = firstLine;
  }

  /**
   * Marks the connection as running a chat shell; false when it runs one already. The mark stays
   * until the connection closes: a client that ends its session leaves.
   */
  static boolean claim(ServerSession session) {
    AtomicBoolean running = session.computeAttributeIfAbsent(RUNNING, key -> new AtomicBoolean());
    return running.compareAndSet(false, true);
  }

  /** True once a channel of this connection has started the chat shell. */
  static boolean running(org.apache.sshd.common.session.Session session) {
    AtomicBoolean running = session.getAttribute(RUNNING);
    return running != null && running.get();
  }

  @Override
  public void setChannelSession(ChannelSession channel) {
    // Our receiver instead of MINA's pipe: it gives the window back only as the session reads.
    input = new SshInput(channel.getLocalWindow());
    channel.setDataReceiver(input);
  }

  @Override
  public void setInputStream(InputStream in) {
    // not used: input comes through the receiver set above
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    // the shell writes everything to the terminal, as on telnet
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment environment) {
    boolean pty = channel instanceof SshChannel ours && ours.ptyRequested();
    if (firstLine != null) {
      input.preset((firstLine + "\n").getBytes(StandardCharsets.UTF_8));
    }
    SshConnection started =
        new SshConnection(channel.getServerSession(), channel, environment, pty, input, out, exit);
    connection = started;
    Thread.ofVirtual()
        .name("session-" + started)
        .start(
            () -> {
              try {
                log.info("Connection from {}", started);
                handler.handle(started);
              } catch (RuntimeException e) {
                log.error("Session of {} crashed", started.remoteAddress(), e);
              } finally {
                started.close();
              }
            });
  }

  @Override
  public void destroy(ChannelSession channel) {
    SshConnection open = connection;
    if (open != null) {
      open.close(); // the client closed the channel: the session sees the end of input
    }
  }
}
