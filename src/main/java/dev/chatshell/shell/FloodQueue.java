package dev.chatshell.shell;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A user's chat lines that flood control holds back, in the order typed, released at the rate of
 * the user's {@link TokenBucket} by a short-lived virtual thread of their own (started when the
 * first line has to wait, gone when none is left). At most {@code limit} lines wait: past that the
 * excess is dropped, as IRC servers answer an "excess flood", so a paste of thousands of lines
 * never trickles out for an hour. The session's thread goes on reading meanwhile, so the user's
 * commands, /BYE included, overtake the lines waiting here.
 *
 * <p>Threading: {@link #offer} comes from the session's thread; the lines are sent from the release
 * thread, one at a time and in order; the queue is guarded by this object's monitor, never held
 * while a line is sent.
 *
 * @param <T> a line as the sender needs it (text and where it goes)
 */
final class FloodQueue<T> {
  /** What became of an offered line. */
  enum Outcome {
    /** Nothing was waiting and a token was there: the caller sends the line itself, now. */
    NOW,
    /** Queued, the first of this flood: the caller warns the user. */
    QUEUED_FIRST,
    /** Queued behind others; the user was warned already. */
    QUEUED,
    /** Dropped, the first of this flood: the caller tells the user, once. */
    DROPPED_FIRST,
    /** Dropped; the user was told already. */
    DROPPED
  }

  private final TokenBucket bucket;
  private final int limit;
  private final Consumer<T> sender;
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private boolean releasing; // a release thread runs (and may be sending a line)
  private boolean closed;
  private boolean warned; // since the last line that went out at once
  private boolean toldDropped;

  /**
   * @param limit lines that may wait; more are dropped
   * @param sender sends a released line; its failures are its own business
   */
  FloodQueue(TokenBucket bucket, int limit, Consumer<T> sender) {
    this.bucket = bucket;
    this.limit = limit;
    this.sender = sender;
  }

  /** A line typed by the user: sent now by the caller, queued, or dropped. */
  synchronized Outcome offer(T line) {
    if (closed) {
      return Outcome.DROPPED;
    }
    if (!releasing && queue.isEmpty() && bucket.tryTake()) {
      warned = false; // the flood is over: the next one is told again
      toldDropped = false;
      return Outcome.NOW;
    }
    if (queue.size() >= limit) {
      if (toldDropped) {
        return Outcome.DROPPED;
      }
      toldDropped = true;
      return Outcome.DROPPED_FIRST;
    }
    queue.addLast(line);
    if (!releasing) {
      releasing = true;
      Thread.ofVirtual().name("flood").start(this::release);
    }
    if (warned) {
      return Outcome.QUEUED;
    }
    warned = true;
    return Outcome.QUEUED_FIRST;
  }

  private void release() {
    while (true) {
      T next;
      synchronized (this) {
        if (closed || queue.isEmpty()) {
          releasing = false;
          notifyAll();
          return;
        }
        if (!bucket.tryTake()) { // the user's commands may have taken the token first
          try {
            // On the monitor, so that close() ends the wait at once.
            wait(Math.max(1, bucket.nanosUntilToken() / 1_000_000));
          } catch (InterruptedException e) {
            closed = true;
            queue.clear();
          }
          continue;
        }
        next = queue.pollFirst();
      }
      sender.accept(next);
    }
  }

  /** Wakes a release thread that waits for a token (for tests moving the clock by hand). */
  synchronized void poke() {
    notifyAll();
  }

  /**
   * Drops the waiting lines and refuses more, then waits (up to {@code timeoutMillis}) for a line
   * being sent to be done, so that nothing of this user's arrives after what comes next (their quit
   * notice).
   */
  void close(long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    boolean interrupted = Thread.interrupted(); // a dropped session's thread was woken to end
    synchronized (this) {
      closed = true;
      queue.clear();
      notifyAll();
      while (releasing) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          break;
        }
        try {
          wait(left);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Takes a token for something the caller sends itself, only when no held line is waiting or being
   * sent: what is sent this way keeps its place after the lines held before it.
   */
  synchronized boolean tryTakeAfterHeld() {
    return !releasing && queue.isEmpty() && bucket.tryTake();
  }

  /** True while a release thread runs (for tests). */
  synchronized boolean releasing() {
    return releasing;
  }

  /** Lines waiting (for tests and diagnostics). */
  synchronized int waiting() {
    return queue.size();
  }
}
