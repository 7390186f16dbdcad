package dev.chatshell.irc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain IRC client whose lines a reactor reads and hands over, so that no thread waits for them:
 * on Linux one on a raw socket ({@link FdIrcConnection}, served by the {@link EpollReactor}),
 * elsewhere one on a JDK channel ({@link ChannelIrcConnection}, served by the {@link IrcReactor}).
 *
 * <p>Input: the reactor reads and cuts lines, then hands them to the {@link Input} (the session)
 * and stops reading this client until the session says it has run them ({@link #resumeReading}). So
 * a client that sends faster than its lines are run is held back by TCP, as a blocking reader would
 * hold it, and what is read but not yet run is at most one read's worth.
 *
 * <p>Output: a write puts out what the socket takes; when it takes nothing the writing thread parks
 * until the reactor sees the socket writable again. The writer blocks as on a blocking socket (the
 * outbox sees a blocked write, keepalive drops a client that does not read), and no thread spins.
 */
abstract class PlainIrcConnection extends IrcConnection {
  /** Where the lines go: the session. */
  interface Input {
    /**
     * Lines the client sent, in order (see {@link IrcLineSplitter#tooLong} for one dropped as too
     * long); {@code gone}: the client has closed its side after them. Called on the reactor thread,
     * which must not block; the connection is not read again until {@link #resumeReading}.
     */
    void received(List<String> lines, boolean gone);

    /**
     * The connection was closed (from any thread): the session ends if nothing else ends it. May be
     * called more than once (a close racing {@link #start}); only the first call counts.
     */
    void closed();
  }

  private volatile Thread writer; // parked until the socket takes more, or null

  PlainIrcConnection(String address, int port) {
    super(address, port);
  }

  /** Asks the reactor to say when the socket takes bytes again ({@link #writable}). */
  abstract void watchWritable();

  /**
   * Whether the socket is closed on our side. Not {@link #isOpen}: a client that has closed its
   * side makes that false while the socket is still there to write to, and a writer that did not
   * park then would spin.
   */
  abstract boolean closedHere();

  /**
   * Parks the writing thread until the reactor says the socket is writable or the connection is
   * closed (a spurious wake-up only costs one more write that takes nothing). An interrupt closes
   * the connection, as it would a blocking socket's. {@link #close} must make {@link #closedHere}
   * true before it calls {@link #writable}, so that no wake-up is missed.
   */
  final void awaitWritable() throws IOException {
    writer = Thread.currentThread();
    try {
      watchWritable();
      if (!closedHere()) {
        LockSupport.park(this);
      }
      if (Thread.interrupted()) {
        close();
        throw new InterruptedIOException("interrupted while writing");
      }
    } finally {
      writer = null;
    }
  }

  /** The socket takes bytes again, or is gone: the waiting writer goes on. */
  final void writable() {
    Thread waiting = writer;
    if (waiting != null) {
      LockSupport.unpark(waiting);
    }
  }

  /** Starts reading: from now on lines go to {@code input}. */
  abstract void start(Input input);

  /** The session has run what it was given: the client may be read again. */
  abstract void resumeReading();

  @Override
  public final boolean encrypted() {
    return false;
  }
}
