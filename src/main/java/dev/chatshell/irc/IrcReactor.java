package dev.chatshell.irc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves plain IRC connections from one selector thread, so that a client that sends nothing costs
 * no thread. Why: a virtual thread parked in a read costs its stack (a few KiB) and a read buffer
 * per connection, most of the memory of an idle client; IRC servers hold tens of thousands of idle
 * clients. The reactor waits for all of them at once, reads whichever has sent something into one
 * buffer of its own, and hands whole lines to the session ({@link ChannelIrcConnection}), which
 * runs them on a virtual thread that ends when they are done.
 *
 * <p>One thread: it only reads, cuts lines and wakes writers, and never runs a command. Measured on
 * a 2-core machine with 20 clients flooding one channel as fast as flood control lets them (about
 * 350,000 deliveries a second), it took about 2% of the server's CPU time; the rest is running
 * lines and writing. A reactor per core would only split that 2%.
 *
 * <p>Threading: the reactor thread alone selects, reads and touches its buffer; other threads
 * register channels and change interest ({@link #interested}), which the JDK's selector allows from
 * any thread; a wake-up makes the change count at once.
 */
final class IrcReactor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IrcReactor.class);

  /** One read's worth: several lines of a busy client; what is read is run before more is read. */
  private static final int READ_BUFFER = 8 * 1024;

  private static final Duration LINGER = Duration.ofSeconds(10);
  private static final Duration CLOSING_TURN = Duration.ofMillis(100);
  private static final Duration AFTER_FAILURE = Duration.ofMillis(100);

  private final Selector selector;
  private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER); // the reactor thread's only
  private volatile boolean closing;
  private volatile long closedAt;

  IrcReactor(String name) throws IOException {
    this.selector = Selector.open();
    Thread.ofPlatform().name(name).daemon(true).start(this::loop);
  }

  /** Registers a non-blocking channel, not yet read from; events go to {@code connection}. */
  SelectionKey register(SocketChannel channel, ChannelIrcConnection connection) throws IOException {
    channel.configureBlocking(false);
    return channel.register(selector, 0, connection);
  }

  /** Asks to be told when {@code key}'s channel can be read or written ({@code op}). */
  void interested(SelectionKey key, int op) {
    try {
      if ((key.interestOpsOr(op) & op) == 0) {
        selector.wakeup(); // else the change waits for the selector's next turn
      }
    } catch (CancelledKeyException e) {
      // closed: nothing more to wait for
    }
  }

  /** Makes the selector look again now: a closed channel's socket is freed at its next select. */
  void wakeup() {
    selector.wakeup();
  }

  private void loop() {
    boolean failing = false;
    while (true) {
      try {
        if (!closing) {
          selector.select(this::ready);
        } else if (selector.keys().isEmpty() || System.nanoTime() - closedAt > LINGER.toNanos()) {
          break;
        } else {
          selector.select(this::ready, CLOSING_TURN.toMillis()); // to look again at what is left
        }
        failing = false;
      } catch (ClosedSelectorException e) {
        return;
      } catch (Throwable e) {
        // Whatever it is (even an Error), the reactor goes on: its end would end every plain IRC
        // client. Logged once per run of failures, and a pause so that a select failing at once
        // each time does not take a core.
        if (!failing) {
          log.error("IRC reactor: select failed", e);
        }
        failing = true;
        pause();
      }
    }
    closeAll();
  }

  private static void pause() {
    try {
      Thread.sleep(AFTER_FAILURE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void ready(SelectionKey key) {
    ChannelIrcConnection connection = (ChannelIrcConnection) key.attachment();
    try {
      int ready = key.readyOps();
      if ((ready & SelectionKey.OP_WRITE) != 0) {
        key.interestOpsAnd(~SelectionKey.OP_WRITE); // once: the writer asks again if it must
        connection.writable();
      }
      if ((ready & SelectionKey.OP_READ) != 0) {
        connection.readable(buffer);
      }
    } catch (CancelledKeyException e) {
      // closed meanwhile
    } catch (Throwable e) {
      // One broken connection must not stop the reactor: that would stop every plain IRC client.
      // An Error too (out of memory reading, or starting the thread that runs the lines): this
      // client is closed and the others are still served.
      log.error("{}: reading failed", connection, e);
      closeAfterFailure(connection);
    }
  }

  private static void closeAfterFailure(ChannelIrcConnection connection) {
    try {
      connection.close();
    } catch (Throwable e) {
      log.error("{}: closing failed", connection, e);
    }
  }

  /**
   * Stops the reactor once the clients it serves have gone. Called after the server's shutdown has
   * told every session why and closed it: their last ERROR lines may still need the reactor to be
   * written, and the sessions close their sockets within moments of it. Those still here after
   * {@link #LINGER} (which only a fault would leave) are closed then.
   */
  @Override
  public void close() {
    closedAt = System.nanoTime();
    closing = true;
    selector.wakeup();
  }

  /** On the reactor thread, which alone may walk the selector's keys. */
  private void closeAll() {
    for (SelectionKey key : List.copyOf(selector.keys())) {
      ((ChannelIrcConnection) key.attachment()).close();
    }
    try {
      selector.close();
    } catch (IOException e) {
      log.debug("closing the IRC reactor: {}", e.toString());
    }
  }
}
