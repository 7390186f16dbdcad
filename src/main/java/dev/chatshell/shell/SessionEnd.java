package dev.chatshell.shell;

/**
 * How and why one session ends, decided from any thread: /BYE on the session's own thread, a failed
 * write on the outbox drain, the keepalive timer, a newcomer making room, the server shutting down.
 * Each of these used to set flags of its own; here they are one state under this object's monitor,
 * so "is it leaving, is this its last screen, was it evicted, why" is always read as one answer.
 *
 * <p>Threading: any thread; every method holds the monitor for a few field reads and writes only.
 */
public final class SessionEnd {
  /** What a {@link #drop} call found, for the one log line it is worth. */
  public enum Drop {
    /** Dropped before: closing makes the pending write fail too, one reason is enough. */
    ALREADY,
    /** The session was already leaving (/BYE, shutdown): the client hung up first. */
    CLEAN,
    /** The session was evicted for idling: routine. */
    EVICTED,
    /** Anything else: worth an operator's eye. */
    UNEXPECTED
  }

  // Told to the user's channels when they quit: a short phrase, never a stack trace.
  private String reason;
  private boolean leaving; // the line loop stops at its next turn
  private boolean lastWords; // what the session is shown from now on is its last: no prompt after
  private long evictedAt; // System.nanoTime() when told it is disconnected for idling, or 0
  private boolean dropped;

  /** The user typed /BYE: they leave once their pending output is written. */
  public synchronized void bye(String reason) {
    this.reason = reason;
    leaving = true;
    lastWords = true;
  }

  /**
   * Disconnects the session for idling, unless it is on its way out already. Returns false when it
   * was.
   */
  public synchronized boolean evict(String reason, long now) {
    if (lastWords || evictedAt != 0) {
      return false;
    }
    evictedAt = now | 1; // never 0 once set
    this.reason = reason;
    lastWords = true;
    return true;
  }

  /** From now on, what the session is shown is its last (the server is going down). */
  public synchronized void lastWords() {
    lastWords = true;
  }

  /**
   * True when a batch of output is the session's last: it ends the session ({@code farewell}), or
   * the session was already ending. The answer stays true from then on.
   */
  public synchronized boolean isLast(boolean farewell) {
    lastWords |= farewell;
    return lastWords;
  }

  /** Closed from outside (shutdown); the reason only if none was given before. */
  public synchronized void close(String reason) {
    if (this.reason == null) {
      this.reason = reason;
    }
    leaving = true;
  }

  /** Dropped (a failed write, a timeout): says what kind of drop it was, once. */
  public synchronized Drop drop(String reason) {
    if (dropped) {
      return Drop.ALREADY;
    }
    dropped = true;
    boolean clean = leaving;
    if (this.reason == null) {
      this.reason = reason;
    }
    leaving = true;
    return clean ? Drop.CLEAN : evictedAt != 0 ? Drop.EVICTED : Drop.UNEXPECTED;
  }

  public synchronized boolean leaving() {
    return leaving;
  }

  /** True once what the session is shown is its last. */
  public synchronized boolean ending() {
    return lastWords;
  }

  public synchronized boolean dropped() {
    return dropped;
  }

  /** When the session was told it is disconnected for idling ({@link System#nanoTime()}), or 0. */
  public synchronized long evictedAt() {
    return evictedAt;
  }

  /** Why the session ends, or {@code null} while nobody has said. */
  public synchronized String reason() {
    return reason;
  }
}
