package dev.chatshell.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hand-off between the reactor and a session: whatever happens, the session ends once. */
class LineHandOffTest {
  private IrcReactor reactor;
  private ServerSocketChannel server;
  private Socket client;
  private ChannelIrcConnection connection;

  @BeforeEach
  void open() throws IOException {
    reactor = new IrcReactor("test-reactor");
    server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    client = new Socket();
    client.connect(server.getLocalAddress());
    connection = new ChannelIrcConnection(server.accept(), reactor);
  }

  @AfterEach
  void close() throws IOException {
    connection.close();
    client.close();
    server.close();
    reactor.close();
  }

  /**
   * No thread can be started to run a client's lines (out of memory): the client is closed and its
   * session ends all the same, once, instead of staying counted for ever.
   */
  @Test
  void aSessionWhoseLinesCannotBeRunEnds() throws Exception {
    Session session = new Session();
    ThreadFactory failingFirst = new FailingFirst();
    LineHandOff handOff =
        new LineHandOff(session, connection, failingFirst, session.ended::countDown);
    connection.start(handOff);

    handOff.received(List.of("PING :x"), false);

    assertTrue(session.ended.await(10, TimeUnit.SECONDS), "the session ended");
    assertFalse(connection.isOpen());
    assertEquals(0, session.ran.get(), "the lines did not run");
    assertEquals(1, session.ends.get());
  }

  /** Not even a thread to end it on: it ends on the closing thread. */
  @Test
  void aSessionEndsWithoutAnyThread() throws Exception {
    Session session = new Session();
    ThreadFactory none =
        task -> {
          throw new OutOfMemoryError("pretend: no thread");
        };
    LineHandOff handOff = new LineHandOff(session, connection, none, session.ended::countDown);
    connection.start(handOff);

    handOff.received(List.of("PING :x"), false);

    assertEquals(0, session.ended.getCount(), "ended at once, on this thread");
    assertEquals(1, session.ends.get());
  }

  /** A connection closed while it waits for lines ends its session once, however often told. */
  @Test
  void aClosedConnectionEndsItsSessionOnce() throws Exception {
    Session session = new Session();
    LineHandOff handOff = new LineHandOff(session, connection, session.ended::countDown);
    connection.start(handOff);

    connection.close();
    handOff.closed();

    assertTrue(session.ended.await(10, TimeUnit.SECONDS), "the session ended");
    handOff.closed();
    assertEquals(1, session.ends.get());
  }

  private static final class Session implements LineHandOff.Lines {
    final AtomicInteger ran = new AtomicInteger();
    final AtomicInteger ends = new AtomicInteger();
    final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public boolean runLines(List<String> lines) {
      ran.addAndGet(lines.size());
      return true;
    }

    @Override
    public void end() {
      ends.incrementAndGet();
    }
  }

  /** Fails to make the first thread, as when memory runs out; makes the others. */
  private static final class FailingFirst implements ThreadFactory {
    private final AtomicInteger made = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      if (made.getAndIncrement() == 0) {
        throw new OutOfMemoryError("pretend: no thread");
      }
      return Thread.ofVirtual().unstarted(task);
    }
  }
}
