package dev.chatshell.irc;

import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between the reactor and a plain IRC client's session: runs the lines the reactor read on a
 * virtual thread started for them (the reactor must never block), lets the reactor read again once
 * they have run, and ends the session when the connection closes while no thread runs lines.
 *
 * <p>Three things race here: the reactor handing lines, the thread finishing them, and a close from
 * any thread (keepalive, shutdown, QUIT). The state says who ends the session, so that it ends
 * exactly once: {@code WAITING} (no thread; a close ends it), {@code RUNNING} (the thread running
 * lines ends it, or goes back to waiting), {@code ENDED}. Whoever ends it then runs {@code
 * whenEnded} (the door's bookkeeping), on a thread of its own.
 *
 * <p>Threading: the state is guarded by this; {@link #received} is called on the reactor thread,
 * {@link #closed} on any.
 */
final class LineHandOff implements PlainIrcConnection.Input {
  private static final Logger log = LoggerFactory.getLogger(LineHandOff.class);
  private static final ThreadFactory LINE_RUNNERS = Thread.ofVirtual().name("irc-lines").factory();

  /** What the hand-off runs: the session. */
  interface Lines {
    /** Runs lines in order on the caller's thread; false when the session is to end after them. */
    boolean runLines(List<String> lines);

    /** Ends the session on the caller's thread: the user leaves, the connection is closed. */
    void end();
  }

  private enum State {
    WAITING,
    RUNNING,
    ENDED
  }

  private final Lines session;
  private final PlainIrcConnection connection;
  private final ThreadFactory threads;
  private final Runnable whenEnded;
  private State state = State.WAITING;

  /** {@code whenEnded} runs once, after the session has ended. */
  LineHandOff(Lines session, PlainIrcConnection connection, Runnable whenEnded) {
    this(session, connection, LINE_RUNNERS, whenEnded);
  }

  /** With the threads lines run on: for tests. */
  LineHandOff(
      Lines session, PlainIrcConnection connection, ThreadFactory threads, Runnable whenEnded) {
    this.session = session;
    this.connection = connection;
    this.threads = threads;
    this.whenEnded = whenEnded;
  }

  /** On the reactor thread: runs the lines on a thread of their own; the reactor waits for it. */
  @Override
  public void received(List<String> lines, boolean gone) {
    synchronized (this) {
      if (state != State.WAITING) {
        return; // ended meanwhile
      }
      state = State.RUNNING;
    }
    try {
      threads.newThread(() -> run(lines, gone)).start();
    } catch (Throwable e) {
      // No thread to run them (out of memory): nobody runs lines, so a close must end the session,
      // and this client is closed, as the reactor closes one it cannot serve.
      synchronized (this) {
        state = State.WAITING;
      }
      log.error("{}: cannot run its lines", connection, e);
      connection.close();
    }
  }

  /** Runs lines in order, then lets the reactor read again, or ends the session. */
  private void run(List<String> lines, boolean gone) {
    boolean goOn = false;
    try {
      goOn = session.runLines(lines) && !gone && connection.isOpen();
    } finally {
      if (!goOn) {
        synchronized (this) {
          state = State.ENDED;
        }
        ended();
      } else {
        synchronized (this) {
          state = State.WAITING;
        }
        connection.resumeReading();
        if (!connection.isOpen()) {
          closed(); // closed while the lines ran: nobody else will end the session
        }
      }
    }
  }

  /** The connection was closed: a session waiting for lines ends here, on a thread of its own. */
  @Override
  public void closed() {
    synchronized (this) {
      if (state != State.WAITING) {
        return; // the thread running lines ends it, or it has ended
      }
      state = State.ENDED;
    }
    try {
      threads.newThread(this::ended).start();
    } catch (Throwable e) {
      // It must end all the same, or it stays counted for ever: here then. The connection is
      // closed, so ending waits for no output.
      log.error("{}: no thread to end the session on", connection, e);
      ended();
    }
  }

  private void ended() {
    try {
      session.end();
    } finally {
      whenEnded.run();
    }
  }
}
