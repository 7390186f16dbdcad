package dev.chatshell.irc;

import java.util.List;

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

  PlainIrcConnection(String address, int port) {
    super(address, port);
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
