package dev.chatshell.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * A real SSH client for integration tests (MINA's), logged in as {@code user} and running the chat
 * shell, with or without a pty. What it receives is kept, escape sequences removed, and {@link
 * #expect} waits for text after what earlier expects consumed, as {@link TestClient} does. A client
 * made with {@link #neverReading} reads nothing at all, and offers a small window.
 */
public final class SshTestClient implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final SshClient client;
  private final ClientSession session;
  private final ChannelShell shell;
  private final OutputStream typed;
  private final ExpectedText shown = new ExpectedText();
  private final ByteArrayOutputStream undecoded = new ByteArrayOutputStream();

  /** Logs in with a password ("" for none), a key (or null), a pty or not. */
  public static SshTestClient connect(
      int port, String user, String password, KeyPair key, boolean pty) throws IOException {
    return new SshTestClient(port, user, password, key, pty, false);
  }

  /** A client that never reads what it is sent, with a window of 1 KiB. */
  public static SshTestClient neverReading(int port, String user) throws IOException {
    return new SshTestClient(port, user, "x", null, false, true);
  }

  private SshTestClient(
      int port, String user, String password, KeyPair key, boolean pty, boolean stalled)
      throws IOException {
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    if (stalled) {
      CoreModuleProperties.WINDOW_SIZE.set(client, 1024L);
    }
    client.start();
    session = client.connect(user, "127.0.0.1", port).verify(WAIT).getSession();
    if (key != null) {
      session.addPublicKeyIdentity(key);
    }
    if (!password.isEmpty()) {
      session.addPasswordIdentity(password);
    } else {
      session.setUserInteraction(new EmptyAnswers()); // Enter at every question
    }
    session.auth().verify(WAIT);
    shell = session.createShellChannel();
    shell.setUsePty(pty);
    if (pty) {
      shell.setPtyType("xterm");
      shell.setPtyColumns(100);
      shell.setPtyLines(30);
    }
    shell.open().verify(WAIT);
    typed = shell.getInvertedIn();
    if (!stalled) {
      InputStream out = shell.getInvertedOut();
      Thread.ofVirtual().name("ssh-test-client").start(() -> readLoop(out));
    }
  }

  /** A person who answers every question with an empty line. */
  public static final class EmptyAnswers
      implements org.apache.sshd.client.auth.keyboard.UserInteraction {
    @Override
    public String[] interactive(
        ClientSession session,
        String name,
        String instruction,
        String lang,
        String[] prompt,
        boolean[] echo) {
      String[] answers = new String[prompt.length];
      java.util.Arrays.fill(answers, "");
      return answers;
    }

    @Override
    public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
      return null;
    }
  }

  private void readLoop(InputStream out) {
    byte[] buffer = new byte[4096];
    try {
      int n;
      while ((n = out.read(buffer)) >= 0) {
        synchronized (this) {
          undecoded.write(buffer, 0, n);
          String decoded = undecoded.toString(StandardCharsets.UTF_8);
          undecoded.reset();
          // Escape sequences (colours, cursor moves) go; the text stays.
          shown.append(
              decoded.replaceAll("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[()][0-9A-B]|\r", ""));
        }
      }
    } catch (IOException e) {
      // closed
    }
  }

  /** Types a line and Enter (CR on a pty, as a terminal sends; LF otherwise). */
  public void send(String line) throws IOException {
    typed.write((line + (shell.isUsePty() ? "\r" : "\n")).getBytes(StandardCharsets.UTF_8));
    typed.flush();
  }

  /** Waits for {@code expected} after what was already expected; returns the text up to it. */
  public String expect(String expected) {
    return shown.expect(expected, WAIT);
  }

  public String text() {
    return shown.text();
  }

  /** Asks the server for a new window size, as a terminal's resize does. */
  public void resize(int columns, int rows) throws IOException {
    shell.sendWindowChange(columns, rows);
  }

  public boolean isOpen() {
    return shell.isOpen() && session.isOpen();
  }

  @Override
  public void close() throws IOException {
    try {
      session.close();
    } finally {
      client.stop();
    }
  }
}
