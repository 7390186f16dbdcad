package dev.chatshell.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.transport.Connection;
import dev.chatshell.transport.ConnectionHandler;
import dev.chatshell.transport.ConnectionLimits;
import dev.chatshell.transport.TerminalInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH door with a real MINA client over real sockets: who gets in as whom (a key binds an
 * account only once its signature is verified), what the shell's connection looks like with and
 * without a pty, and what the door refuses. The domain is mocked at its boundary: which nicks are
 * registered, and the password check.
 */
class SshDoorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final ChatServer chat = mock(ChatServer.class);
  private final AtomicReference<KeyPair> aliceKeys = new AtomicReference<>();
  private final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private SshDoor door;
  private SshClient client;

  @BeforeEach
  void start() throws Exception {
    aliceKeys.set(KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256));
    when(chat.account(anyString())).thenReturn(Optional.empty());
    when(chat.account("alice")).thenReturn(Optional.of("alice"));
    when(chat.checkPassword(eq("alice"), any(), anyString()))
        .thenAnswer(
            call -> {
              if (new String((char[]) call.getArgument(1)).equals("sesame")) {
                return "alice";
              }
              throw new ChatException(
                  ChatException.Reason.BAD_PASSWORD, "Wrong password for alice.");
            });
    ConnectionHandler handler =
        connection -> {
          connections.add(connection);
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    door = door(handler, new ConnectionLimits(100, 100, handler));
    door.start();
    client = SshClient.setUpDefaultClient();
    client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
    client.start();
  }

  private SshDoor door(ConnectionHandler handler, ConnectionLimits limits) throws IOException {
    return door(handler, limits, Duration.ofSeconds(30));
  }

  private SshDoor door(ConnectionHandler handler, ConnectionLimits limits, Duration loginTimeout)
      throws IOException {
    return new SshDoor(
        new SshDoor.Settings(InetAddress.getLoopbackAddress(), 0, loginTimeout),
        HostKey.loadOrCreate(dir.resolve("host_key")),
        chat,
        account -> key -> account.equals("alice") && KeyUtils.compareKeys(key, alicePublic()),
        handler,
        limits);
  }

  private PublicKey alicePublic() {
    return aliceKeys.get().getPublic();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    client.stop();
    door.close();
  }

  private ClientSession connect(String user) throws IOException {
    return client.connect(user, "127.0.0.1", door.port()).verify(WAIT).getSession();
  }

  private Connection awaitConnection() throws InterruptedException {
    Connection connection = connections.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(connection, "the shell was handed to the session handler");
    return connection;
  }

  private static String readLine(Connection connection) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] one = new byte[1];
    while (true) {
      int n = connection.read(one, 0, 1, WAIT.toMillis());
      if (n <= 0) {
        return n < 0 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
      }
      if (one[0] == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      line.write(one[0]);
    }
  }

  @Test
  void aFreeNickComesInWithAnyPasswordAndNoPtyIsPlainLineMode() throws Exception {
    try (ClientSession session = connect("bob")) {
      session.addPasswordIdentity("anything");
      session.auth().verify(WAIT);
      ChannelShell shell = session.createShellChannel();
      shell.setUsePty(false);
      shell.open().verify(WAIT);
      Connection connection = awaitConnection();
      assertEquals(Optional.of("bob"), connection.requestedNick());
      assertEquals(Optional.empty(), connection.provenAccount());
      assertEquals("ssh", connection.transport());
      assertTrue(connection.encrypted());
      assertEquals("127.0.0.1", connection.remoteAddress());
      assertFalse(connection.awaitTerminal().characterMode());
      assertTrue(connection.clientCanEditLines());
      OutputStream typed = shell.getInvertedIn();
      typed.write("hi there\r\nsecond\n".getBytes(StandardCharsets.UTF_8));
      typed.flush();
      assertEquals("hi there", readLine(connection));
      assertEquals("second", readLine(connection));
      connection.output().write("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
      connection.output().flush();
      assertEquals(
          "one\ntwo\n", readExactly(shell.getInvertedOut(), 8), "no CR added without a pty");
    }
  }

  @Test
  void aPtyGivesCharacterModeWithTheClientsTypeAndSizeAndResizesLive() throws Exception {
    try (ClientSession session = connect("bob")) {
      session.addPasswordIdentity("x");
      session.auth().verify(WAIT);
      ChannelShell shell = session.createShellChannel();
      shell.setPtyType("xterm-256color");
      shell.setPtyColumns(100);
      shell.setPtyLines(30);
      shell.open().verify(WAIT);
      Connection connection = awaitConnection();
      assertEquals(new TerminalInfo(true, "xterm-256color", 100, 30), connection.awaitTerminal());
      BlockingQueue<String> sizes = new LinkedBlockingQueue<>();
      // told on a virtual thread: a redraw may wait for the editor's lock, never on MINA's I/O
      connection.onResize(
          (columns, rows) ->
              sizes.add(
                  columns + "x" + rows + (Thread.currentThread().isVirtual() ? "" : " (I/O)")));
      shell.sendWindowChange(60, 20);
      assertEquals("60x20", sizes.poll(10, TimeUnit.SECONDS));
      shell.sendWindowChange(99999, 1);
      assertEquals(
          TerminalInfo.MAX_COLUMNS + "x" + TerminalInfo.MIN_ROWS,
          sizes.poll(10, TimeUnit.SECONDS),
          "a hostile size is clamped as on telnet");

      // Enter is CR on a raw terminal; a paste may hold CR LF; Ctrl-C and Ctrl-D pass as bytes
      OutputStream typed = shell.getInvertedIn();
      typed.write("a\rb\r\nc\u0003\u0004\r".getBytes(StandardCharsets.UTF_8));
      typed.flush();
      assertEquals("a", readLine(connection));
      assertEquals("b", readLine(connection));
      assertEquals("c\u0003\u0004", readLine(connection), "one line end per CR LF");

      connection.output().write("one\ntwo\r\n".getBytes(StandardCharsets.UTF_8));
      connection.output().flush();
      assertEquals("one\r\ntwo\r\n", readExactly(shell.getInvertedOut(), 10));
    }
  }

  @Test
  void anAccountsKeyLogsInToTheAccountOnlyWithItsSignature() throws Exception {
    try (ClientSession session = connect("alice")) {
      session.addPublicKeyIdentity(aliceKeys.get());
      session.auth().verify(WAIT);
      session.createShellChannel().open().verify(WAIT);
      Connection connection = awaitConnection();
      assertEquals(Optional.of("alice"), connection.provenAccount());
      assertEquals(Optional.of(PublicKeyEntry.toString(alicePublic())), connection.provenKey());
    }
  }

  @Test
  void someoneElsesPublicKeyWithoutItsPrivateKeyLogsNobodyIn() throws Exception {
    KeyPair mallory = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    // Offers alice's public key (the server says it is acceptable) but can only sign with another
    client.setUserAuthFactories(
        List.of(org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory.INSTANCE));
    try (ClientSession session = connect("alice")) {
      session.addPublicKeyIdentity(new KeyPair(alicePublic(), mallory.getPrivate()));
      assertThrows(Exception.class, () -> session.auth().verify(WAIT));
      assertFalse(session.isAuthenticated());
    }
    assertNull(connections.poll(300, TimeUnit.MILLISECONDS), "no shell was started");
  }

  @Test
  void aKeyOnlyOfferedThenAnEmptyPasswordComesInWithoutTheAccount() throws Exception {
    KeyPair mallory = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    try (ClientSession session = connect("alice")) {
      session.addPublicKeyIdentity(new KeyPair(alicePublic(), mallory.getPrivate()));
      // gives up the account with an empty answer: the shell then asks for another nick
      session.setUserInteraction(new dev.chatshell.testing.SshTestClient.EmptyAnswers());
      session.auth().verify(WAIT);
      session.createShellChannel().open().verify(WAIT);
      Connection connection = awaitConnection();
      assertEquals(Optional.empty(), connection.provenAccount(), "the offered key bound nothing");
      assertEquals(Optional.empty(), connection.provenKey());
      assertEquals(Optional.of("alice"), connection.requestedNick());
    }
  }

  @Test
  void aRegisteredNickComesInWithItsPasswordAndNotWithAWrongOne() throws Exception {
    try (ClientSession session = connect("alice")) {
      session.addPasswordIdentity("wrong");
      assertThrows(Exception.class, () -> session.auth().verify(WAIT));
    }
    try (ClientSession session = connect("alice")) {
      session.addPasswordIdentity("sesame");
      session.auth().verify(WAIT);
      session.createShellChannel().open().verify(WAIT);
      assertEquals(Optional.of("alice"), awaitConnection().provenAccount());
    }
  }

  @Test
  void anExecOfAChatCommandRunsItFirstAndAnythingElseIsRefusedWith127() throws Exception {
    try (ClientSession session = connect("bob")) {
      session.addPasswordIdentity("x");
      session.auth().verify(WAIT);
      ChannelExec refused = session.createExecChannel("ls -l");
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      refused.setErr(err);
      refused.setOut(new ByteArrayOutputStream());
      refused.open().verify(WAIT);
      refused.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
      assertEquals(127, refused.getExitStatus());
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("runs no programs"), err.toString());
      assertNull(connections.poll(100, TimeUnit.MILLISECONDS));

      ChannelExec who = session.createExecChannel("/who");
      who.open().verify(WAIT);
      Connection connection = awaitConnection();
      assertFalse(connection.awaitTerminal().characterMode());
      assertEquals("/who", readLine(connection));
    }
  }

  @Test
  void aSubsystemIsRefusedWithALine() throws Exception {
    try (ClientSession session = connect("bob")) {
      session.addPasswordIdentity("x");
      session.auth().verify(WAIT);
      org.apache.sshd.client.channel.ChannelSubsystem sftp = session.createSubsystemChannel("sftp");
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      sftp.setErr(err);
      sftp.setOut(new ByteArrayOutputStream());
      sftp.open().verify(WAIT);
      sftp.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
      assertEquals(127, sftp.getExitStatus());
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("no sftp here"), err.toString());
      assertNull(connections.poll(100, TimeUnit.MILLISECONDS), "no chat session");
    }
  }

  @Test
  void oneShellPerConnectionAndNoForwarding() throws Exception {
    try (ClientSession session = connect("bob")) {
      session.addPasswordIdentity("x");
      session.auth().verify(WAIT);
      session.createShellChannel().open().verify(WAIT);
      awaitConnection();
      ChannelExec second = session.createExecChannel("/who");
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      second.setErr(err);
      second.setOut(new ByteArrayOutputStream());
      second.open().verify(WAIT);
      second.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), WAIT);
      assertEquals(127, second.getExitStatus());
      assertTrue(err.toString(StandardCharsets.UTF_8).contains("already"), err.toString());
      assertNull(connections.poll(100, TimeUnit.MILLISECONDS), "no second session");
    }
    try (ClientSession session = connect("carol")) {
      session.addPasswordIdentity("x");
      session.auth().verify(WAIT);
      assertThrows(
          Exception.class,
          () ->
              session
                  .createDirectTcpipChannel(
                      new SshdSocketAddress("127.0.0.1", 1), new SshdSocketAddress("127.0.0.1", 9))
                  .open()
                  .verify(WAIT));
      assertThrows(
          Exception.class,
          () ->
              session.startRemotePortForwarding(
                  new SshdSocketAddress("127.0.0.1", 0), new SshdSocketAddress("127.0.0.1", 9)));
    }
  }

  @Test
  void aClientOverTheLimitsIsToldWhyAndNothingIsCounted() throws Exception {
    door.close();
    ConnectionHandler handler = connections::add;
    ConnectionLimits limits = new ConnectionLimits(100, 1, handler);
    door = door(handler, limits);
    door.start();
    try (ClientSession first = connect("bob")) {
      first.addPasswordIdentity("x");
      first.auth().verify(WAIT);
      assertEquals(1, limits.connections());
      ClientSession second = connect("carol");
      second.addPasswordIdentity("x");
      Exception refused = assertThrows(Exception.class, () -> second.auth().verify(WAIT));
      assertTrue(
          String.valueOf(refused.getMessage()).contains("too many connections from your address"),
          String.valueOf(refused));
    }
    for (int i = 0; i < 100 && limits.connections() != 0; i++) {
      Thread.sleep(20); // the closed sessions are counted out on MINA's thread
    }
    assertEquals(0, limits.connections(), "every connection counted out again");
  }

  @Test
  void aClientThatNeverFinishesTheKeyExchangeIsClosedAtTheLoginTimeout() throws Exception {
    door.close();
    ConnectionHandler handler = connections::add;
    ConnectionLimits limits = new ConnectionLimits(100, 100, handler);
    door = door(handler, limits, Duration.ofSeconds(1));
    door.start();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", door.port())) {
      socket.getOutputStream().write("SSH-2.0-stuck\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.setSoTimeout((int) WAIT.toMillis());
      InputStream in = socket.getInputStream();
      byte[] sink = new byte[4096];
      long start = System.nanoTime();
      while (in.read(sink) >= 0) {
        // the server's identification and key exchange offer, then nothing
      }
      assertTrue(
          System.nanoTime() - start < WAIT.toNanos(), "closed by the server, not by the test");
    }
    for (int i = 0; i < 100 && limits.connections() != 0; i++) {
      Thread.sleep(20);
    }
    assertEquals(0, limits.connections());
  }

  @Test
  void aClientInThatStartsNoChatSessionIsClosedAtTheLoginTimeout() throws Exception {
    door.close();
    ConnectionHandler handler = connections::add;
    ConnectionLimits limits = new ConnectionLimits(100, 100, handler);
    door = door(handler, limits, Duration.ofSeconds(1));
    door.start();
    try (ClientSession session = connect("bob")) {
      session.addPasswordIdentity("x");
      session.auth().verify(WAIT);
      assertEquals(1, limits.connections());
      var closed =
          session.waitFor(
              EnumSet.of(org.apache.sshd.client.session.ClientSession.ClientSessionEvent.CLOSED),
              WAIT);
      assertTrue(
          closed.contains(org.apache.sshd.client.session.ClientSession.ClientSessionEvent.CLOSED),
          "an ssh -N that holds a place is closed: " + closed);
    }
    for (int i = 0; i < 100 && limits.connections() != 0; i++) {
      Thread.sleep(20);
    }
    assertEquals(0, limits.connections());
  }

  @Test
  void theHostKeyIsKeptPrivateAndTheSameAfterARestart() throws Exception {
    Path file = dir.resolve("host_key");
    String before = HostKey.loadOrCreate(file).fingerprint();
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(before, HostKey.loadOrCreate(file).fingerprint());
    assertTrue(before.startsWith("SHA256:"), before);
  }

  private static String readExactly(InputStream in, int count) throws IOException {
    byte[] bytes = in.readNBytes(count);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
