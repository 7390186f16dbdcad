package dev.chatshell.ssh;

import dev.chatshell.transport.Connection;
import dev.chatshell.transport.CrLfOutput;
import dev.chatshell.transport.ResizeListener;
import dev.chatshell.transport.Resizes;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSH client's shell channel as the chat shell sees it. With a pty the client's terminal is in
 * raw mode, so this is character mode as on telnet: keys arrive one by one, Enter as CR (read as
 * {@code '\n'}), Ctrl-C and Ctrl-D as their bytes for the line editor; the type and size come from
 * the pty request and window-change requests resize. Without a pty (scripts, {@code ssh -T}) it is
 * plain line mode, as for {@code nc}.
 *
 * <p>Threading: MINA's I/O threads only append input ({@link SshInput}) and set sizes; the
 * session's virtual thread reads and may block writing while the client's window is shut.
 */
final class SshConnection implements Connection {
  private static final Logger log = LoggerFactory.getLogger(SshConnection.class);
  private static final String KEEPALIVE = "keepalive@openssh.com";
  private static final Duration FORCED_CLOSE = Duration.ofSeconds(5);

  private final ServerSession session;
  private final ChannelSession channel;
  private final SshInput input;
  // On a pty, '\n' goes out as CR LF (nothing on this side plays the tty driver); without one
  // (scripts, ssh -T) bytes go as they are, as any program's output over SSH does. Writes block
  // while the client's SSH window is shut.
  private final OutputStream output;
  private final ExitCallback exit;
  private final TerminalInfo terminal;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile ResizeListener resizeListener;
  private final Resizes resizes = new Resizes("ssh-resize", () -> resizeListener);
  private boolean lastWasCr; // the session's thread: a CR just read, so an LF or NUL after it goes

  SshConnection(
      ServerSession session,
      ChannelSession channel,
      Environment environment,
      boolean pty,
      SshInput input,
      OutputStream channelOut,
      ExitCallback exit) {
    this.session = session;
    this.channel = channel;
    this.input = input;
    this.exit = exit;
    this.output = pty ? new CrLfOutput(channelOut) : channelOut;
    Map<String, String> env = environment.getEnv();
    this.terminal =
        pty
            ? new TerminalInfo(
                true,
                terminalType(env.get(Environment.ENV_TERM)),
                size(env.get(Environment.ENV_COLUMNS), true),
                size(env.get(Environment.ENV_LINES), false))
            : new TerminalInfo(false, null, 0, 0);
    if (pty) {
      environment.addSignalListener((ch, signal) -> resized(environment), Signal.WINCH);
    }
  }

  @Override
  public String remoteAddress() {
    return host(session.getClientAddress());
  }

  /** The client's address as limits, bans and logs name it: the IP address, no port. */
  static String host(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(address);
  }

  @Override
  public String transport() {
    return "ssh";
  }

  @Override
  public boolean encrypted() {
    return true;
  }

  @Override
  public Optional<String> requestedNick() {
    return Optional.ofNullable(session.getUsername()).filter(name -> !name.isBlank());
  }

  @Override
  public Optional<String> provenAccount() {
    return Optional.ofNullable(session.getAttribute(SshLogins.PROVEN_ACCOUNT));
  }

  @Override
  public Optional<String> provenKey() {
    return Optional.ofNullable(session.getAttribute(SshLogins.PROVEN_KEY));
  }

  @Override
  public TerminalInfo awaitTerminal() {
    return terminal; // the pty request (or its absence) came before the shell started
  }

  @Override
  public int read(byte[] buffer, int offset, int length, long timeoutMillis) throws IOException {
    long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : 0;
    while (true) {
      long left = 0;
      if (deadline != 0) {
        left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return 0;
        }
      }
      int n = input.read(buffer, offset, length, left);
      if (n <= 0) {
        return n;
      }
      n = lineEnds(buffer, offset, n);
      if (n > 0) {
        return n;
      }
      // only the LF of a CR LF came: wait for more
    }
  }

  /**
   * Makes every line end one {@code '\n'}: a terminal's Enter sends CR, a script sends LF or CR LF
   * (CR NUL from some). Returns the new length.
   */
  private int lineEnds(byte[] buffer, int offset, int length) {
    int to = offset;
    for (int i = offset; i < offset + length; i++) {
      byte b = buffer[i];
      if (lastWasCr && (b == '\n' || b == 0)) {
        lastWasCr = false;
        continue;
      }
      lastWasCr = b == '\r';
      buffer[to++] = b == '\r' ? (byte) '\n' : b;
    }
    return to - offset;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  /**
   * Nothing to ask: an SSH client with a pty never echoes (its terminal is raw), and without one it
   * never gets our echo. What the user types is echoed, or not, by the line editor.
   */
  @Override
  public void setClientEcho(boolean echo) {}

  /** With a pty the client's terminal is raw: it neither echoes nor edits; the server does. */
  @Override
  public boolean clientCanEditLines() {
    return !terminal.characterMode();
  }

  @Override
  public void onResize(ResizeListener listener) {
    this.resizeListener = listener;
  }

  /** A window-change request, on MINA's I/O thread: drawn on a thread of its own. */
  private void resized(Environment environment) {
    Map<String, String> env = environment.getEnv();
    int columns = size(env.get(Environment.ENV_COLUMNS), true);
    int rows = size(env.get(Environment.ENV_LINES), false);
    input.heard();
    if (columns > 0 && rows > 0) {
      resizes.resized(columns, rows);
    }
  }

  /**
   * Sends OpenSSH's keepalive request, which every client answers (with a failure, usually): the
   * answer is the sign of life. Returns at once; the answer comes on an I/O thread.
   */
  @Override
  public boolean ping() throws IOException {
    if (closed.get()) {
      return false;
    }
    Buffer request = session.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST, 32);
    request.putString(KEEPALIVE);
    request.putBoolean(true);
    session.request(request, KEEPALIVE, (cmd, reply) -> input.heard());
    return true;
  }

  @Override
  public long lastHeardNanos() {
    return input.lastHeardNanos();
  }

  @Override
  public boolean isOpen() {
    return !closed.get() && channel.isOpen() && session.isOpen();
  }

  /**
   * Ends the shell: exit status 0 and the channel's close go to the client, which then closes the
   * connection itself, as with OpenSSH's server (closing it first makes ssh complain that the
   * remote host closed it). A client that has not gone within a few seconds, one that reads nothing
   * among them, is cut off. Both happen on virtual threads: telling the client writes what output
   * is left, which may wait for its window, and the caller may be the keepalive timer that every
   * session shares.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    input.close();
    Thread.ofVirtual().name("ssh-close").start(this::cutOffLater);
    if (!channel.isClosing()) { // not when the client closed it: there is nobody to tell
      Thread.ofVirtual().name("ssh-exit").start(this::sayExit);
    }
  }

  private void sayExit() {
    try {
      exit.onExit(0);
    } catch (RuntimeException e) {
      log.debug("{}: closing the channel: {}", this, e.toString());
    }
  }

  private void cutOffLater() {
    try {
      Thread.sleep(FORCED_CLOSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!session.isClosed()) {
      session.close(true);
    }
  }

  private static String terminalType(String term) {
    if (term == null || term.length() > 40 || !term.matches("[A-Za-z0-9._+-]+")) {
      return null; // unreported or hostile: the shell's allow-list decides what null means
    }
    return term;
  }

  private static int size(String value, boolean columns) {
    try {
      int n = value == null ? 0 : Integer.parseInt(value.strip());
      if (n <= 0) {
        return 0; // unknown, as telnet's NAWS may say
      }
      return columns ? TerminalInfo.clampColumns(n) : TerminalInfo.clampRows(n);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public String toString() {
    SocketAddress address = session.getClientAddress();
    int port = address instanceof InetSocketAddress inet ? inet.getPort() : 0;
    return "ssh:" + remoteAddress() + ":" + port;
  }
}
