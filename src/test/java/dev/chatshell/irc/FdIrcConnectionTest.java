package dev.chatshell.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.transport.ConnectionLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A plain IRC connection on a raw socket, served by the epoll reactor (Linux); with the listener
 * that accepts it, as the door uses both.
 */
class FdIrcConnectionTest extends PlainIrcConnectionContract {
  private static final int SO_SNDBUF = 7;

  private EpollReactor reactor;
  private FdListener listener;
  private final BlockingQueue<FdIrcConnection> accepted = new LinkedBlockingQueue<>();

  @Override
  void open(String name) throws IOException {
    open(name, 1000);
  }

  private void open(String name, int perAddress) throws IOException {
    reactor = new EpollReactor(name);
    listener =
        new FdListener(
            name,
            InetAddress.getLoopbackAddress(),
            0,
            new ConnectionLimits(1000, perAddress, connection -> {}),
            reactor,
            new FdListener.Door() {
              @Override
              public void serve(FdIrcConnection connection, InetAddress address) {
                accepted.add(connection);
              }

              @Override
              public String refusal(String reason) {
                return "ERROR :refused: " + reason;
              }
            });
    listener.start();
  }

  @Override
  void stop() {
    listener.close();
    for (FdIrcConnection connection : accepted) {
      connection.close();
    }
    reactor.close();
  }

  @Override
  int port() {
    return listener.port();
  }

  @Override
  PlainIrcConnection accept() throws IOException {
    FdIrcConnection connection;
    try {
      connection = accepted.poll(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
    assertNotNull(connection, "a client was accepted");
    Posix.setOption(connection.fd(), Posix.SOL_SOCKET, SO_SNDBUF, 4096);
    return connection;
  }

  /** In epoll_wait (under the frames of the foreign call). */
  @Override
  boolean waiting(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().equals(Posix.class.getName())
          && frame.getMethodName().equals("epollWait")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The reason the reactor alone closes sockets: once a closed connection's number has gone to a
   * new client, a late write on the old connection fails, and the new client gets nothing of it.
   * The test's client sockets are made before the close, so that the numbers the kernel gives out
   * after it go to the server's side of the next clients (the first of which had its number taken
   * already: Linux picks it when accept starts waiting).
   */
  @Test
  void aWriteAfterTheCloseNeverReachesTheClientThatGotTheSameNumber() throws Exception {
    List<Socket> clients = new ArrayList<>();
    try {
      Socket first = smallClient();
      clients.add(first);
      FdIrcConnection old = (FdIrcConnection) accept();
      List<Socket> next = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Socket client = new Socket();
        client.setReceiveBufferSize(4096); // its descriptor is made here, before the close
        next.add(client);
        clients.add(client);
      }
      old.close();
      assertEquals(-1, first.getInputStream().read(), "the first client sees the end");
      Socket victim = null;
      for (Socket client : next) {
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()));
        if (((FdIrcConnection) accept()).fd() == old.fd()) {
          victim = client;
        }
      }
      assertNotNull(victim, "the kernel gave the number out again");
      byte[] line = "PRIVMSG you :not for you\r\n".getBytes(StandardCharsets.UTF_8);
      assertThrows(IOException.class, () -> old.write(line, line.length));
      victim.setSoTimeout(300);
      Socket toRead = victim;
      assertThrows(SocketTimeoutException.class, () -> toRead.getInputStream().read());
    } finally {
      for (Socket client : clients) {
        client.close();
      }
    }
  }

  /** Lines come whole, however the client cuts them, and a write reaches the client. */
  @Test
  void linesArriveWholeAndWritesReachTheClient() throws Exception {
    try (Socket client = smallClient()) {
      PlainIrcConnection connection = accept();
      Recorder input = new Recorder();
      connection.start(input);
      client.getOutputStream().write("NICK al".getBytes(StandardCharsets.UTF_8));
      client.getOutputStream().flush();
      Thread.sleep(50);
      client.getOutputStream().write("ice\r\nUSER a 0 * :A\r\n".getBytes(StandardCharsets.UTF_8));
      List<String> got = new ArrayList<>();
      while (got.size() < 2) {
        List<String> lines = input.lines.poll(10, TimeUnit.SECONDS);
        assertNotNull(lines, "lines came");
        got.addAll(lines);
        connection.resumeReading();
      }
      assertEquals(List.of("NICK alice", "USER a 0 * :A"), got);
      connection.writeLine(":chatshell 001 alice :Welcome");
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      assertEquals(":chatshell 001 alice :Welcome", in.readLine());
    }
  }

  /** A client over the per-address limit gets its line, then the end, and is never served. */
  @Test
  void aClientOverTheLimitIsToldWhyAndClosed() throws Exception {
    stop();
    open("test-reactor-limit-" + REACTORS.incrementAndGet(), 1);
    try (Socket first = smallClient();
        Socket second = smallClient()) {
      accept();
      second.getOutputStream().write("NICK bob\r\n".getBytes(StandardCharsets.UTF_8));
      second.setSoTimeout(10_000);
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
      String line = in.readLine();
      assertNotNull(line);
      assertTrue(line.startsWith("ERROR :refused: too many connections"), line);
      assertEquals(null, in.readLine(), "then the end");
      assertEquals(null, accepted.poll(200, TimeUnit.MILLISECONDS), "never served");
    }
  }

  /** A port in use is refused as the JDK refuses it, so that the server says which door failed. */
  @Test
  void aPortInUseIsABindException() throws Exception {
    FdListener second =
        new FdListener(
            "second",
            InetAddress.getLoopbackAddress(),
            port(),
            new ConnectionLimits(10, 10, connection -> {}),
            reactor,
            new FdListener.Door() {
              @Override
              public void serve(FdIrcConnection connection, InetAddress address) {}

              @Override
              public String refusal(String reason) {
                return "ERROR";
              }
            });
    BindException e = assertThrows(BindException.class, second::start);
    assertEquals("Address already in use", e.getMessage());
  }
}
