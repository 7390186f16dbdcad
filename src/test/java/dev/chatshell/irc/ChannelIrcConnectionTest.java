package dev.chatshell.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A plain IRC connection served by a reactor of its own, against a real loopback client. */
class ChannelIrcConnectionTest {
  private static final AtomicInteger REACTORS = new AtomicInteger();

  private String reactorName;
  private IrcReactor reactor;
  private ServerSocketChannel server;

  @BeforeEach
  void open() throws IOException {
    reactorName = "test-reactor-" + REACTORS.incrementAndGet();
    reactor = new IrcReactor(reactorName);
    server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach
  void close() throws IOException {
    server.close();
    reactor.close();
  }

  /**
   * A client that closed its side and reads nothing: a writer to it waits parked for the socket,
   * and does not spin (the connection counts as closed while the socket is still there to write
   * to), until the connection is closed.
   */
  @Test
  void aWriterToAClientThatClosedItsSideParks() throws Exception {
    try (Socket client = smallClient()) {
      ChannelIrcConnection connection = accept();
      Recorder input = new Recorder();
      connection.start(input);
      client.shutdownOutput();
      assertTrue(input.gone.await(10, TimeUnit.SECONDS), "the client's end was seen");
      assertFalse(connection.isOpen());

      AtomicReference<Throwable> failure = new AtomicReference<>();
      byte[] lots = new byte[4 << 20]; // more than any socket buffer holds
      Thread writer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      connection.write(lots, lots.length);
                    } catch (Throwable e) {
                      failure.set(e);
                    }
                  });
      awaitParked(writer, connection);

      connection.close();
      writer.join();
      assertInstanceOf(IOException.class, failure.get(), "the write fails once closed");
    }
  }

  /** Closed before it was started (a shutdown at the wrong moment): the session is still told. */
  @Test
  void aConnectionClosedBeforeItStartsTellsItsInput() throws Exception {
    try (Socket client = smallClient()) {
      ChannelIrcConnection connection = accept();
      connection.close();
      Recorder input = new Recorder();
      connection.start(input);
      assertEquals(1, input.closed.get());
    }
  }

  /**
   * Closed from another thread while the reactor is idle: the socket itself is closed at once, not
   * only shut for writing until the selector next looks. The client sees it as a reset of what it
   * sends after the end.
   */
  @Test
  void aConnectionClosedByAnotherThreadFreesItsSocket() throws Exception {
    try (Socket client = smallClient()) {
      ChannelIrcConnection connection = accept();
      awaitReactorWaiting();
      connection.close();
      InputStream in = client.getInputStream();
      assertEquals(-1, in.read(), "the client sees the end");
      assertTrue(resetAfterTheEnd(client), "the server's socket was closed, not only shut");
    }
  }

  /**
   * An Error while serving one client (out of memory, say) closes that client and not the reactor:
   * another is still read.
   */
  @Test
  void anErrorServingOneClientLeavesTheReactorServingOthers() throws Exception {
    try (Socket first = smallClient()) {
      ChannelIrcConnection failing = accept();
      Recorder failingInput = new Recorder(new OutOfMemoryError("pretend"));
      failing.start(failingInput);
      first.getOutputStream().write("PING :a\r\n".getBytes(StandardCharsets.UTF_8));
      assertTrue(failingInput.closedOnce.await(10, TimeUnit.SECONDS), "the failing one is closed");

      try (Socket second = smallClient()) {
        ChannelIrcConnection healthy = accept();
        Recorder input = new Recorder();
        healthy.start(input);
        second.getOutputStream().write("PING :b\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("PING :b"), input.lines.poll(10, TimeUnit.SECONDS));
      }
    }
  }

  private Socket smallClient() throws IOException {
    Socket client = new Socket();
    client.setReceiveBufferSize(4096);
    client.connect(server.getLocalAddress());
    return client;
  }

  private ChannelIrcConnection accept() throws IOException {
    SocketChannel accepted = server.accept();
    accepted.setOption(StandardSocketOptions.SO_SNDBUF, 4096);
    return new ChannelIrcConnection(accepted, reactor);
  }

  /** Waits until {@code writer} is parked on {@code connection}; fails if it never is. */
  private static void awaitParked(Thread writer, ChannelIrcConnection connection)
      throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      if (writer.getState() == Thread.State.WAITING
          && LockSupport.getBlocker(writer) == connection) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the writer never parked: " + writer.getState());
  }

  /**
   * Waits until the reactor thread is in the selector's wait (a native method of the JDK's
   * selector), where nothing but a wake-up or a client makes it look again.
   */
  private void awaitReactorWaiting() throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      for (var thread : Thread.getAllStackTraces().entrySet()) {
        StackTraceElement[] stack = thread.getValue();
        if (thread.getKey().getName().equals(reactorName)
            && stack.length > 0
            && stack[0].isNativeMethod()
            && stack[0].getClassName().startsWith("sun.nio.ch.")) {
          return;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the reactor never waited in its selector");
  }

  /** Sends after the server's end until the server's socket answers with a reset. */
  private static boolean resetAfterTheEnd(Socket client) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      try {
        client.getOutputStream().write('x');
        client.getInputStream().read();
      } catch (IOException e) {
        return true;
      }
      Thread.sleep(25);
    }
    return false;
  }

  /** Records what the connection hands on; may fail on the first lines. */
  private static final class Recorder implements ChannelIrcConnection.Input {
    final BlockingQueue<List<String>> lines = new LinkedBlockingQueue<>();
    final CountDownLatch gone = new CountDownLatch(1);
    final CountDownLatch closedOnce = new CountDownLatch(1);
    final AtomicInteger closed = new AtomicInteger();
    private final Error failure;

    Recorder() {
      this(null);
    }

    Recorder(Error failure) {
      this.failure = failure;
    }

    @Override
    public void received(List<String> got, boolean end) {
      if (failure != null) {
        throw failure;
      }
      lines.add(got);
      if (end) {
        gone.countDown();
      }
    }

    @Override
    public void closed() {
      closed.incrementAndGet();
      closedOnce.countDown();
    }
  }
}
