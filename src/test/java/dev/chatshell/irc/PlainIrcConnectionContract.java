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

/**
 * What every plain IRC connection does, whichever reactor serves it ({@link
 * ChannelIrcConnectionTest}, {@link FdIrcConnectionTest}): each test runs against a reactor of its
 * own and a real loopback client.
 */
abstract class PlainIrcConnectionContract {
  static final AtomicInteger REACTORS = new AtomicInteger();

  /** Starts a reactor named {@code name}, with a listening socket on the loopback address. */
  abstract void open(String name) throws IOException;

  /** Stops both. */
  abstract void stop() throws IOException;

  @AfterEach
  void close() throws IOException {
    stop();
  }

  /** The port clients connect to. */
  abstract int port();

  /** The next client connected, as the reactor serves it, with a small send buffer. */
  abstract PlainIrcConnection accept() throws IOException;

  /** Whether {@code stack} is the reactor thread's, waiting in the kernel for events. */
  abstract boolean waiting(StackTraceElement[] stack);

  private String reactorName;

  @BeforeEach
  void open() throws IOException {
    reactorName = "test-reactor-" + REACTORS.incrementAndGet();
    open(reactorName);
  }

  /**
   * A client that closed its side and reads nothing: a writer to it waits parked for the socket,
   * and does not spin (the connection counts as closed while the socket is still there to write
   * to), until the connection is closed.
   */
  @Test
  void aWriterToAClientThatClosedItsSideParks() throws Exception {
    try (Socket client = smallClient()) {
      PlainIrcConnection connection = accept();
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
      PlainIrcConnection connection = accept();
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
      PlainIrcConnection connection = accept();
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
      PlainIrcConnection failing = accept();
      Recorder failingInput = new Recorder(new OutOfMemoryError("pretend"));
      failing.start(failingInput);
      first.getOutputStream().write("PING :a\r\n".getBytes(StandardCharsets.UTF_8));
      assertTrue(failingInput.closedOnce.await(10, TimeUnit.SECONDS), "the failing one is closed");

      try (Socket second = smallClient()) {
        PlainIrcConnection healthy = accept();
        Recorder input = new Recorder();
        healthy.start(input);
        second.getOutputStream().write("PING :b\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("PING :b"), input.lines.poll(10, TimeUnit.SECONDS));
      }
    }
  }

  Socket smallClient() throws IOException {
    Socket client = new Socket();
    client.setReceiveBufferSize(4096);
    client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()));
    return client;
  }

  /** Waits until {@code writer} is parked on {@code connection}; fails if it never is. */
  static void awaitParked(Thread writer, PlainIrcConnection connection)
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
   * Waits until the reactor thread is in its wait for the kernel, where nothing but a wake-up or a
   * client makes it look again.
   */
  void awaitReactorWaiting() throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      for (var thread : Thread.getAllStackTraces().entrySet()) {
        if (thread.getKey().getName().equals(reactorName) && waiting(thread.getValue())) {
          return;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the reactor never waited for events");
  }

  /** Sends after the server's end until the server's socket answers with a reset. */
  static boolean resetAfterTheEnd(Socket client) throws InterruptedException {
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
  static final class Recorder implements PlainIrcConnection.Input {
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
