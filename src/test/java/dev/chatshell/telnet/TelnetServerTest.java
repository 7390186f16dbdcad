package dev.chatshell.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.transport.Connection;
import dev.chatshell.transport.ConnectionHandler;
import dev.chatshell.transport.ConnectionLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection limits of the listener, with real clients on the loopback address. */
class TelnetServerTest {
  private TelnetServer server;
  private final List<Socket> clients = new ArrayList<>();

  @AfterEach
  void tearDown() throws IOException {
    for (Socket client : clients) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Greets, then echoes every chunk until the client sends "quit" or goes away. */
  private static void greetAndEcho(Connection connection) {
    try {
      OutputStream out = connection.output();
      out.write("hello\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] buffer = new byte[256];
      while (true) {
        int n = connection.read(buffer, 0, buffer.length, 0);
        if (n < 0) {
          return;
        }
        String text = new String(buffer, 0, n, StandardCharsets.US_ASCII);
        if (text.contains("quit")) {
          return;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private void start(int maxConnections, int maxPerAddress) throws IOException {
    server =
        new TelnetServer(
            new TelnetServer.Settings(
                InetAddress.getLoopbackAddress(),
                0,
                maxConnections,
                maxPerAddress,
                Duration.ofMillis(200)),
            TelnetServerTest::greetAndEcho);
    server.start();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout(5000);
    clients.add(socket);
    return socket;
  }

  private static String readLine(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      line.write(b);
      if (b == '\n') {
        break;
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private static String readToEnd(Socket socket) throws IOException {
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Connects and waits for the greeting, so the session is surely counted. */
  private Socket admitted() throws IOException {
    Socket socket = connect();
    assertEquals("hello\r\n", readLine(socket));
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
  }

  private static void awaitCondition(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
      Thread.sleep(5);
    }
  }

  private static void assertRefusedWithOneLine(String received, String reason) {
    assertTrue(received.contains("refused"), "refusal says so: " + received);
    assertTrue(received.contains(reason), "refusal gives the reason: " + received);
    assertTrue(received.endsWith("\r\n"), "one whole line: " + received);
    assertEquals(1, received.chars().filter(c -> c == '\n').count(), "one line: " + received);
  }

  @Test
  void thirdConnectionFromOneAddressIsToldWhyAndClosed() throws Exception {
    start(100, 2);
    Socket first = admitted();
    admitted();

    String refusal = readToEnd(connect());
    assertRefusedWithOneLine(refusal, "too many connections from your address");
    assertEquals(2, server.connections(), "the refused connection is not counted");

    send(first, "ping\n");
    assertEquals("ping\r\n", readLine(first), "admitted sessions are untouched");
  }

  @Test
  void connectionOverTheTotalLimitIsToldWhyAndClosed() throws Exception {
    start(2, 10);
    admitted();
    admitted();

    String refusal = readToEnd(connect());
    assertRefusedWithOneLine(refusal, "full");
    assertEquals(2, server.connections());
  }

  /** A handler that greets and echoes, and makes room (pretends to) while it has rooms to give. */
  private static final class RoomMaker implements ConnectionHandler {
    final AtomicInteger rooms = new AtomicInteger();
    final AtomicInteger asked = new AtomicInteger();

    @Override
    public void handle(Connection connection) {
      greetAndEcho(connection);
    }

    @Override
    public boolean makeRoom() {
      asked.incrementAndGet();
      return rooms.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
  }

  private void start(int maxConnections, int maxPerAddress, ConnectionHandler handler)
      throws IOException {
    server =
        new TelnetServer(
            new TelnetServer.Settings(
                InetAddress.getLoopbackAddress(),
                0,
                maxConnections,
                maxPerAddress,
                Duration.ofMillis(200)),
            handler);
    server.start();
  }

  @Test
  void aFullServerAdmitsTheNewcomerWhenTheHandlerMakesRoom() throws Exception {
    RoomMaker handler = new RoomMaker();
    start(1, 10, handler);
    admitted();
    handler.rooms.set(1);

    Socket newcomer = admitted(); // the handler is closing a session for it

    assertEquals(1, handler.asked.get());
    send(newcomer, "in\n");
    assertEquals("in\r\n", readLine(newcomer));
    assertRefusedWithOneLine(readToEnd(connect()), "full"); // no more room to make
    assertEquals(2, handler.asked.get());
  }

  @Test
  void noRoomIsMadeForANewcomerItsAddressLimitRefuses() throws Exception {
    RoomMaker handler = new RoomMaker();
    start(1, 1, handler);
    admitted();
    handler.rooms.set(1);

    assertRefusedWithOneLine(readToEnd(connect()), "too many connections from your address");
    assertEquals(0, handler.asked.get(), "nobody was disconnected for a refused newcomer");
  }

  @Test
  void perAddressSlotIsReleasedWhenASessionEnds() throws Exception {
    start(100, 2);
    Socket first = admitted();
    admitted();
    assertTrue(readToEnd(connect()).contains("refused"));

    send(first, "quit\n"); // the session ends on the server's side
    assertEquals(-1, first.getInputStream().read(), "the server closed the session");
    awaitCondition(() -> server.connections() == 1, "the session is released");

    Socket third = admitted();
    send(third, "again\n");
    assertEquals("again\r\n", readLine(third));
  }

  @Test
  void totalSlotIsReleasedWhenTheClientHangsUp() throws Exception {
    start(2, 10);
    Socket first = admitted();
    admitted();
    assertTrue(readToEnd(connect()).contains("refused"));

    first.close();
    awaitCondition(() -> server.connections() == 1, "the session is released");
    admitted();
    assertEquals(2, server.connections());
    assertTrue(readToEnd(connect()).contains("refused"), "the limit still holds");
  }

  @Test
  void aRefusedClientThatKeepsTricklingIsStillClosedWithinSeconds() throws Exception {
    start(100, 1);
    admitted();
    Socket refused = connect();
    assertTrue(readLine(refused).contains("refused"));
    long start = System.nanoTime();
    boolean closed = false;
    while (!closed && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
      try {
        send(refused, "x"); // a byte every 100 ms would hold the socket forever if allowed
        Thread.sleep(100);
      } catch (IOException e) {
        closed = true; // reset: the server closed its side long ago
      }
    }
    assertTrue(closed, "the server closed the refused connection");
    assertTrue(
        System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "within the refusal time");
  }

  @Test
  void ipv6AddressesCountPerSlash64() throws Exception {
    InetAddress a = InetAddress.getByName("2001:db8:1:2::1");
    InetAddress b = InetAddress.getByName("2001:db8:1:2:ffff::9");
    InetAddress other = InetAddress.getByName("2001:db8:1:3::1");
    InetAddress v4 = InetAddress.getByName("192.0.2.7");
    assertEquals(ConnectionLimits.limitKey(a), ConnectionLimits.limitKey(b));
    assertTrue(!ConnectionLimits.limitKey(a).equals(ConnectionLimits.limitKey(other)));
    assertEquals(v4, ConnectionLimits.limitKey(v4));
  }
}
