package dev.chatshell.telnet;

import static dev.chatshell.telnet.Bytes.ascii;
import static dev.chatshell.telnet.Bytes.bytes;
import static dev.chatshell.telnet.Bytes.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.transport.TerminalInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server side of telnet against a scripted client on a real loopback socket. */
class TelnetConnectionTest {
  private static final int IAC = 255;
  private static final int DONT = 254;
  private static final int DO = 253;
  private static final int WONT = 252;
  private static final int WILL = 251;
  private static final int SB = 250;
  private static final int SE = 240;
  private static final int ECHO = 1;
  private static final int SGA = 3;
  private static final int TIMING_MARK = 6;
  private static final int TTYPE = 24;
  private static final int NAWS = 31;
  private static final int IS = 0;
  private static final int SEND = 1;

  /** What the server says first: WILL ECHO, WILL SGA, DO SGA, DO NAWS, DO TTYPE. */
  private static final byte[] OFFER =
      bytes(IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, SGA, IAC, DO, NAWS, IAC, DO, TTYPE);

  /** Generous: tests that are about answering quickly must finish far sooner than this. */
  private static final Duration LONG_TIMEOUT = Duration.ofSeconds(10);

  private static final long QUICK_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private ServerSocket listener;
  private Socket client;
  private TelnetConnection connection;

  @AfterEach
  void tearDown() throws IOException {
    if (connection != null) {
      connection.close();
    }
    if (client != null) {
      client.close();
    }
    if (listener != null) {
      listener.close();
    }
    executor.shutdownNow();
  }

  private void open(Duration negotiationTimeout) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    listener = new ServerSocket(0, 10, loopback);
    client = new Socket(loopback, listener.getLocalPort());
    client.setSoTimeout(5000);
    Socket serverSide = listener.accept();
    connection = new TelnetConnection(serverSide, negotiationTimeout);
  }

  /** IAC SB NAWS with width and height as 16-bit values, 255 doubled as the RFC wants. */
  private static byte[] naws(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes(IAC, SB, NAWS));
    for (int b : new int[] {width >> 8, width & 0xFF, height >> 8, height & 0xFF}) {
      out.write(b);
      if (b == IAC) {
        out.write(IAC);
      }
    }
    out.writeBytes(bytes(IAC, SE));
    return out.toByteArray();
  }

  private static byte[] ttypeIs(String name) {
    return concat(bytes(IAC, SB, TTYPE, IS), ascii(name), bytes(IAC, SE));
  }

  private void send(byte[] data) throws IOException {
    client.getOutputStream().write(data);
    client.getOutputStream().flush();
  }

  /** Reads exactly what the client should receive next and checks it. */
  private void expectReceived(byte[] expected) throws IOException {
    byte[] got = client.getInputStream().readNBytes(expected.length);
    assertArrayEquals(expected, got, "client received " + Arrays.toString(got));
  }

  /**
   * Proves the server sent nothing more than {@code expected}: asks it to ping, and the ping must
   * be the very next thing the client receives.
   */
  private void expectOnlyThenPing(byte[] expected) throws IOException {
    assertTrue(connection.ping(), "a telnet peer can be pinged");
    expectReceived(concat(expected, bytes(IAC, DO, TIMING_MARK)));
  }

  /** A netkit-like client has already agreed to everything; NAWS 80x20, no TTYPE. */
  private TerminalInfo negotiateCharacterModeWithoutType() throws IOException {
    send(
        concat(
            bytes(IAC, DO, ECHO, IAC, DO, SGA, IAC, WILL, SGA, IAC, WILL, NAWS),
            naws(80, 20),
            bytes(IAC, WONT, TTYPE)));
    TerminalInfo info = connection.awaitTerminal();
    assertTrue(info.characterMode());
    expectReceived(OFFER);
    return info;
  }

  private int readFromServer(byte[] buffer, long timeoutMillis) throws Exception {
    return executor
        .submit(() -> connection.read(buffer, 0, buffer.length, timeoutMillis))
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void netkitTelnetGetsCharacterModeTypeAndSizeQuickly() throws Exception {
    open(LONG_TIMEOUT);
    long start = System.nanoTime();
    Future<TerminalInfo> negotiation = executor.submit(connection::awaitTerminal);

    expectReceived(OFFER);
    send(
        concat(
            bytes(IAC, DO, ECHO, IAC, DO, SGA, IAC, WILL, SGA, IAC, WILL, NAWS),
            naws(80, 20),
            bytes(IAC, WILL, TTYPE)));
    expectReceived(bytes(IAC, SB, TTYPE, SEND, IAC, SE));
    assertFalse(negotiation.isDone(), "the terminal type was asked for and must be awaited");
    send(ttypeIs("XTERM"));

    TerminalInfo info = negotiation.get(5, TimeUnit.SECONDS);
    assertTrue(System.nanoTime() - start < QUICK_NANOS, "decided well before the timeout");
    assertEquals(new TerminalInfo(true, "XTERM", 80, 20), info);
    assertSame(info, connection.awaitTerminal(), "later calls give the same answer");
    // nothing else was sent: every answer was an answer to us, so none is answered back
    expectOnlyThenPing(new byte[0]);
  }

  @Test
  void busyboxLikeClientThatNeverAnswersOurDoSgaStillGetsCharacterModeQuickly() throws Exception {
    open(LONG_TIMEOUT);
    long start = System.nanoTime();
    Future<TerminalInfo> negotiation = executor.submit(connection::awaitTerminal);

    expectReceived(OFFER);
    send(
        concat(
            bytes(IAC, DO, ECHO, IAC, DONT, SGA, IAC, WILL, NAWS),
            naws(132, 43),
            bytes(IAC, WILL, TTYPE)));
    expectReceived(bytes(IAC, SB, TTYPE, SEND, IAC, SE));
    send(ttypeIs("xterm-256color"));

    TerminalInfo info = negotiation.get(5, TimeUnit.SECONDS);
    assertTrue(System.nanoTime() - start < QUICK_NANOS, "decided well before the timeout");
    assertEquals(new TerminalInfo(true, "xterm-256color", 132, 43), info);
    expectOnlyThenPing(new byte[0]); // DONT SGA to our WILL SGA is not answered
  }

  /**
   * A dumb terminal gets line mode after agreeing to character mode: WONT ECHO and WONT SGA put
   * netkit telnet in its line-by-line mode, where the terminal edits the line; asking for SGA again
   * is refused, so the mode stays.
   */
  @Test
  void aDumbTerminalIsLetEditItsLinesAndStaysSo() throws Exception {
    open(LONG_TIMEOUT);
    negotiateCharacterModeWithoutType();
    connection.setClientEcho(true);
    connection.letClientEditLines();
    connection.letClientEditLines(); // said once only
    send(bytes(IAC, DONT, ECHO, IAC, DONT, SGA)); // the client's answers are not answered back
    send(bytes(IAC, DO, SGA, IAC, DO, ECHO)); // asked again: refused
    byte[] buffer = new byte[64];
    send(ascii("x"));
    assertEquals(1, readFromServer(buffer, 0), "the commands were read, then the data");
    expectOnlyThenPing(bytes(IAC, WONT, ECHO, IAC, WONT, SGA, IAC, WONT, SGA, IAC, WONT, ECHO));
  }

  @Test
  void aPlainClientIsNotToldToEditItsLines() throws Exception {
    open(LONG_TIMEOUT);
    send(bytes(IAC, DONT, ECHO, IAC, DO, SGA, IAC, WONT, NAWS, IAC, WONT, TTYPE));
    assertFalse(connection.awaitTerminal().characterMode());
    expectReceived(OFFER);
    connection.letClientEditLines();
    expectOnlyThenPing(new byte[0]);
  }

  @Test
  void silentClientGetsPlainModeAfterTheNegotiationTimeout() throws Exception {
    open(Duration.ofMillis(200));
    long start = System.nanoTime();
    TerminalInfo info = connection.awaitTerminal();
    long elapsed = System.nanoTime() - start;

    assertEquals(new TerminalInfo(false, null, 0, 0), info);
    assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(150), "it waited for the timeout");
    assertTrue(elapsed < QUICK_NANOS, "and not much longer");
    assertFalse(connection.ping(), "a peer that never spoke telnet cannot be pinged");
  }

  @Test
  void clientSendingDataBeforeAnyTelnetAnswerGetsPlainModeAtOnce() throws Exception {
    open(LONG_TIMEOUT);
    send(ascii("bob\n"));
    long start = System.nanoTime();
    TerminalInfo info = executor.submit(connection::awaitTerminal).get(5, TimeUnit.SECONDS);
    assertTrue(System.nanoTime() - start < QUICK_NANOS, "decided without waiting the timeout");
    assertFalse(info.characterMode());

    byte[] buffer = new byte[64];
    int n = readFromServer(buffer, 0);
    assertEquals("bob\n", new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    assertFalse(connection.ping());
  }

  @Test
  void plainPeerGetsByte255AsItIsAndNoFurtherTelnetCommands() throws Exception {
    open(LONG_TIMEOUT);
    send(ascii("hi\n"));
    assertFalse(connection.awaitTerminal().characterMode());

    connection.output().write(bytes('a', 255, '\n'));
    connection.output().flush();
    expectReceived(concat(OFFER, bytes('a', 255, '\r', '\n')));
  }

  /**
   * A plain client (nc, a bot) that later sends byte 255 followed by an ordinary byte, such as
   * Latin-1 "\u00ffa", has still not spoken telnet: 97 is no telnet command. It must not start
   * being pinged with IAC DO TIMING-MARK, which it would show as garbage and never answer (the
   * session would then be dropped for a ping timeout).
   */
  @Test
  void plainPeerSendingByte255WithoutATelnetCommandIsStillNotPinged() throws Exception {
    open(LONG_TIMEOUT);
    send(ascii("hi\n"));
    assertFalse(connection.awaitTerminal().characterMode());
    byte[] buffer = new byte[64];
    assertEquals(3, readFromServer(buffer, 0));

    send(bytes(0xFF, 'a', '\n'));
    assertTrue(readFromServer(buffer, 0) > 0);

    assertFalse(connection.ping(), "a peer that never sent a telnet command is not pinged");
    connection.output().write('!');
    connection.output().flush();
    expectReceived(concat(OFFER, ascii("!")));
  }

  @Test
  void aRefusingTelnetClientStaysInPlainModeWhenItLaterAsksForEcho() throws Exception {
    open(LONG_TIMEOUT);
    send(bytes(IAC, DONT, ECHO, IAC, WONT, SGA, IAC, WONT, NAWS, IAC, WONT, TTYPE));
    assertFalse(connection.awaitTerminal().characterMode());
    expectReceived(OFFER);
    send(concat(bytes(IAC, DO, ECHO), ascii("x")));
    byte[] buffer = new byte[64];
    int n = readFromServer(buffer, 0);
    assertEquals("x", new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    expectReceived(bytes(IAC, WONT, ECHO));
  }

  @Test
  void lateTelnetAnswersFromAPlainPeerAreUnderstoodNotTyped() throws Exception {
    open(LONG_TIMEOUT);
    send(ascii("hi\n"));
    assertFalse(connection.awaitTerminal().characterMode());
    expectReceived(OFFER);
    byte[] buffer = new byte[64];
    assertEquals(3, readFromServer(buffer, 0));
    send(concat(bytes(IAC, DO, ECHO), ascii("x")));
    int n = readFromServer(buffer, 0);
    assertEquals("x", new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    expectReceived(bytes(IAC, WONT, ECHO)); // plain mode stays plain
  }

  @Test
  void telnetPeerGetsByte255Doubled() throws Exception {
    open(LONG_TIMEOUT);
    negotiateCharacterModeWithoutType();
    connection.output().write(bytes('a', 255, '\n'));
    connection.output().flush();
    expectReceived(bytes('a', 255, 255, '\r', '\n'));
  }

  @Test
  void refusingClientGetsPlainModeAtOnceAndNoAnswers() throws Exception {
    open(LONG_TIMEOUT);
    long start = System.nanoTime();
    send(bytes(IAC, DONT, ECHO, IAC, DONT, SGA, IAC, WONT, SGA, IAC, WONT, NAWS, IAC, WONT, TTYPE));
    TerminalInfo info = executor.submit(connection::awaitTerminal).get(5, TimeUnit.SECONDS);
    assertTrue(System.nanoTime() - start < QUICK_NANOS, "decided without waiting the timeout");

    assertEquals(new TerminalInfo(false, null, 0, 0), info);
    // refusals of our own requests are never answered (RFC 1143): the next thing is our ping
    expectOnlyThenPing(OFFER);
  }

  @ParameterizedTest(name = "NAWS {0}x{1} -> {2}x{3}")
  @CsvSource({
    "5000, 1, 500, 4",
    "10, 1000, 20, 300",
    "65535, 65535, 500, 300",
    "255, 255, 255, 255",
    "120, 40, 120, 40"
  })
  void windowSizeIsClamped(int width, int height, int columns, int rows) throws Exception {
    open(LONG_TIMEOUT);
    send(
        concat(
            bytes(IAC, DO, ECHO, IAC, WILL, NAWS), naws(width, height), bytes(IAC, WONT, TTYPE)));
    TerminalInfo info = executor.submit(connection::awaitTerminal).get(5, TimeUnit.SECONDS);
    assertEquals(new TerminalInfo(true, null, columns, rows), info);
  }

  @Test
  void nawsOfZeroMeansUnknownSize() throws Exception {
    open(LONG_TIMEOUT);
    send(concat(bytes(IAC, DO, ECHO, IAC, WILL, NAWS), naws(0, 0), bytes(IAC, WONT, TTYPE)));
    TerminalInfo info = executor.submit(connection::awaitTerminal).get(5, TimeUnit.SECONDS);
    assertEquals(new TerminalInfo(true, null, 0, 0), info);
  }

  @Test
  void terminalTypeWithUnsafeCharactersIsIgnored() throws Exception {
    open(LONG_TIMEOUT);
    send(
        concat(
            bytes(IAC, DO, ECHO, IAC, WONT, NAWS, IAC, WILL, TTYPE),
            ttypeIs("xterm\u001b[31m"),
            ttypeIs("second-answer")));
    TerminalInfo info = executor.submit(connection::awaitTerminal).get(5, TimeUnit.SECONDS);
    assertTrue(info.characterMode());
    assertNull(info.type(), "an unsafe name is dropped and a later one is not asked for");
  }

  @Test
  void nawsAfterNegotiationCallsTheResizeListenerDuringRead() throws Exception {
    open(LONG_TIMEOUT);
    negotiateCharacterModeWithoutType();
    List<String> resizes = new ArrayList<>();
    connection.onResize((columns, rows) -> resizes.add(columns + "x" + rows));

    send(concat(naws(100, 30), ascii("x")));
    byte[] buffer = new byte[16];
    int n = readFromServer(buffer, 0);
    assertEquals("x", new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    assertEquals(List.of("100x30"), resizes);

    send(concat(naws(100, 30), naws(9000, 2), ascii("y")));
    n = readFromServer(buffer, 0);
    assertEquals("y", new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    assertEquals(List.of("100x30", "500x4"), resizes, "an unchanged size is not reported again");
  }

  @Test
  void unknownOptionsAreRefusedAndRefusalsAreNotAnswered() throws Exception {
    open(LONG_TIMEOUT);
    negotiateCharacterModeWithoutType();

    send(
        concat(
            bytes(IAC, DO, 99, IAC, WILL, 99),
            bytes(IAC, WONT, 98, IAC, DONT, 98, IAC, WONT, 99, IAC, DONT, 99),
            bytes(IAC, WONT, ECHO, IAC, DONT, NAWS),
            ascii("z")));
    byte[] buffer = new byte[16];
    int n = readFromServer(buffer, 0);
    assertEquals("z", new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    expectOnlyThenPing(bytes(IAC, WONT, 99, IAC, DONT, 99));
  }

  @Test
  void changesOfEnabledOptionsAreAcknowledgedOnceAndRepeatsAreIgnored() throws Exception {
    open(LONG_TIMEOUT);
    negotiateCharacterModeWithoutType();

    send(
        concat(
            bytes(IAC, WILL, SGA, IAC, DO, ECHO, IAC, DO, SGA), // already on: silence
            bytes(IAC, WONT, NAWS, IAC, WONT, NAWS), // on -> off: one DONT
            bytes(IAC, DONT, ECHO, IAC, DONT, ECHO), // on -> off: one WONT
            bytes(IAC, WILL, NAWS), // off -> offered again: welcome it
            ascii("z")));
    byte[] buffer = new byte[16];
    int n = readFromServer(buffer, 0);
    assertEquals("z", new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    expectOnlyThenPing(bytes(IAC, DONT, NAWS, IAC, WONT, ECHO, IAC, DO, NAWS));
  }

  @Test
  void timingMarkRequestIsAnsweredAndTheAnswerToOurPingIsNot() throws Exception {
    open(LONG_TIMEOUT);
    negotiateCharacterModeWithoutType();

    send(concat(bytes(IAC, DO, TIMING_MARK, IAC, WILL, TIMING_MARK), ascii("z")));
    byte[] buffer = new byte[16];
    assertEquals(1, readFromServer(buffer, 0));
    expectOnlyThenPing(bytes(IAC, WILL, TIMING_MARK));
  }

  @Test
  void pingSendsDoTimingMarkToATelnetPeer() throws Exception {
    open(LONG_TIMEOUT);
    negotiateCharacterModeWithoutType();
    assertTrue(connection.ping());
    expectReceived(bytes(IAC, DO, TIMING_MARK));
  }

  @Test
  void pingOfAPeerThatNeverSpokeTelnetSendsNothing() throws Exception {
    open(Duration.ofMillis(200));
    assertFalse(connection.awaitTerminal().characterMode());
    assertFalse(connection.ping());
    connection.output().write('!');
    connection.output().flush();
    expectReceived(concat(OFFER, ascii("!")));
  }

  @Test
  void readWithATimeoutReturnsZeroWhenNothingComesAndMinusOneAtEnd() throws Exception {
    open(LONG_TIMEOUT);
    send(ascii("a"));
    assertFalse(connection.awaitTerminal().characterMode());
    byte[] buffer = new byte[16];
    assertEquals(1, connection.read(buffer, 0, buffer.length, 50));

    long start = System.nanoTime();
    assertEquals(0, connection.read(buffer, 0, buffer.length, 50));
    assertTrue(System.nanoTime() - start < QUICK_NANOS);

    client.shutdownOutput();
    assertEquals(-1, connection.read(buffer, 0, buffer.length, 5000));
    assertEquals(-1, readFromServer(buffer, 0), "also without a timeout");
  }

  @Test
  void readOfOnlyTelnetCommandsWaitsForDataUntilTheTimeout() throws Exception {
    open(LONG_TIMEOUT);
    negotiateCharacterModeWithoutType();
    send(bytes(IAC, WONT, 98));
    byte[] buffer = new byte[16];
    assertEquals(0, connection.read(buffer, 0, buffer.length, 100), "no data: the time ran out");
  }

  @Test
  void readGivesPendingDataInPieces() throws Exception {
    open(LONG_TIMEOUT);
    send(ascii("hello\r\n"));
    assertFalse(connection.awaitTerminal().characterMode());
    byte[] buffer = new byte[4];
    assertEquals(4, connection.read(buffer, 0, 4, 0));
    assertEquals("hell", new String(buffer, StandardCharsets.ISO_8859_1));
    assertEquals(2, connection.read(buffer, 0, 4, 0));
    assertEquals("o\n", new String(buffer, 0, 2, StandardCharsets.ISO_8859_1));
  }

  @Test
  void lastHeardAdvancesWhenBytesArrive() throws Exception {
    open(Duration.ofMillis(200));
    assertFalse(connection.awaitTerminal().characterMode());
    long before = connection.lastHeardNanos();
    while (System.nanoTime() == before) {
      Thread.onSpinWait();
    }
    send(ascii("a"));
    byte[] buffer = new byte[4];
    assertEquals(1, readFromServer(buffer, 0));
    assertTrue(connection.lastHeardNanos() - before > 0, "lastHeardNanos moved forward");
  }

  @Test
  void addressAndClose() throws Exception {
    open(Duration.ofMillis(200));
    assertEquals("127.0.0.1", connection.remoteAddress());
    assertTrue(connection.isOpen());
    connection.close();
    connection.close(); // twice is fine
    assertFalse(connection.isOpen());
    InputStream in = client.getInputStream();
    assertEquals(-1, in.read());
  }

  @Test
  void aTelnetClientInLineModeIsAskedToStopEchoingForASecretThenToEchoAgain() throws Exception {
    open(LONG_TIMEOUT);
    send(bytes(IAC, DONT, ECHO, IAC, WONT, SGA, IAC, WONT, NAWS, IAC, WONT, TTYPE));
    assertFalse(connection.awaitTerminal().characterMode());
    expectReceived(OFFER);
    connection.setClientEcho(false);
    expectReceived(bytes(IAC, WILL, ECHO));
    send(concat(bytes(IAC, DO, ECHO), ascii("pw\n"))); // agrees: it stops echoing
    byte[] buffer = new byte[64];
    assertEquals(
        "pw\n", new String(buffer, 0, readFromServer(buffer, 0), StandardCharsets.ISO_8859_1));
    connection.setClientEcho(true);
    expectReceived(bytes(IAC, WONT, ECHO)); // no answer to its DO: the agreement was the answer
  }

  @Test
  void aPeerThatNeverSpokeTelnetIsNotAskedAboutEcho() throws Exception {
    open(LONG_TIMEOUT);
    send(ascii("hi\n"));
    assertFalse(connection.awaitTerminal().characterMode());
    expectReceived(OFFER);
    connection.setClientEcho(false);
    connection.setClientEcho(true);
    connection.output().write('!');
    connection.output().flush();
    expectReceived(ascii("!"));
  }
}
