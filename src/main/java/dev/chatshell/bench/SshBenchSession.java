package dev.chatshell.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;

/**
 * One simulated SSH user: a session of MINA's own client from its own loopback address, logged in
 * as {@code b<index>} with a key made for it alone (so every login is a real public-key login: the
 * server verifies a signature), a shell channel with a pty ({@code xterm-256color}, 100×40), as
 * {@code ssh -p PORT b1@host} opens. What arrives is read on the client's I/O threads by the same
 * {@link ClientStream} as telnet's, which picks the markers out of the terminal output.
 */
final class SshBenchSession implements Member {

  private final int index;
  private final String nick;
  private final String channel;
  private ClientSession session;
  private ChannelShell shell;
  private OutputStream keys;
  private ClientStream stream;
  private volatile boolean closed;

  SshBenchSession(int index, String channel) {
    this.index = index;
    this.nick = "b" + index;
    this.channel = channel;
  }

  /**
   * A key of the client's own: ECDSA P-256, which the JDK makes in a fraction of a millisecond
   * (10,000 clients make 10,000 keys) and every SSH server accepts.
   */
  static KeyPair newKey() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  /**
   * Connects from {@code local}, logs in with a new key and opens the shell; returns once the
   * session is in its channel. Throws when a step does not complete.
   */
  void open(
      SshClient client,
      InetAddress local,
      InetSocketAddress server,
      ClientStream.Deliveries deliveries)
      throws IOException, InterruptedException {
    stream = new ClientStream(false, index, 100, 40, "xterm-256color", bytes -> {}, deliveries);
    KeyPair key;
    try {
      key = newKey();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot make a key: " + e.getMessage(), e);
    }
    session =
        client
            .connect(nick, server, new InetSocketAddress(local, 0))
            .verify(ClientStream.STEP_TIMEOUT)
            .getSession();
    session.addPublicKeyIdentity(key);
    session.auth().verify(ClientStream.STEP_TIMEOUT);
    shell = session.createShellChannel();
    shell.setPtyType("xterm-256color");
    shell.setPtyColumns(100);
    shell.setPtyLines(40);
    OutputStream screen = new Screen();
    shell.setOut(screen);
    shell.setErr(screen);
    synchronized (stream) {
      stream.expect("Welcome, ");
    }
    shell.open().verify(ClientStream.STEP_TIMEOUT);
    shell.addChannelListener(
        new org.apache.sshd.common.channel.ChannelListener() {
          @Override
          public void channelClosed(
              org.apache.sshd.common.channel.Channel channel, Throwable reason) {
            ended();
          }
        });
    keys = shell.getInvertedIn();
    await();
    step("/JOIN " + channel, "You joined " + channel, "You created " + channel);
    synchronized (stream) {
      stream.stopKeepingText();
    }
  }

  /** The key exchange and the cipher (server to client) the two sides agreed on, for the report. */
  String cipher() {
    return session == null
        ? "?"
        : session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS)
            + ", "
            + session.getNegotiatedKexParameter(KexProposalOption.S2CENC);
  }

  /** The terminal: everything the shell writes, handed to the stream on the client's I/O thread. */
  private final class Screen extends OutputStream {
    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (stream) {
        stream.feed(bytes, offset, length);
        if (stream.found()) {
          stream.notifyAll();
        }
      }
    }
  }

  private void ended() {
    closed = true;
    synchronized (stream) {
      stream.notifyAll();
    }
  }

  private void step(String line, String... wanted) throws IOException, InterruptedException {
    synchronized (stream) {
      stream.expect(wanted);
    }
    send(line);
    await();
  }

  private void await() throws IOException, InterruptedException {
    stream.awaitFound(nick, () -> closed || shell.isClosing(), "SSH channel");
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public Plan.Door door() {
    return Plan.Door.SSH;
  }

  /** Sends one line as typed in a terminal: Enter is a carriage return on a pty. */
  @Override
  public void send(String line) {
    OutputStream out = keys;
    if (out == null || closed) {
      return;
    }
    try {
      synchronized (out) {
        out.write((line + "\r").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      closed = true;
    }
  }

  @Override
  public boolean isOpen() {
    return !closed && session != null && session.isOpen();
  }

  @Override
  public void close() {
    closed = true;
    if (session != null) {
      session.close(true);
    }
  }
}
