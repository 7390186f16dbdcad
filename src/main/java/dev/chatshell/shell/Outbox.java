package dev.chatshell.shell;

import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.EventSink;
import java.io.IOError;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * A session's bounded queue of output. {@link #deliver} never blocks: it queues the event and, if
 * no drain is running, starts one on a fresh virtual thread, which prints everything pending in one
 * go (one redraw of the prompt for many lines). A client that stops reading blocks only its own
 * drain; when its queue reaches the limit the session is dropped, and nobody else waits.
 *
 * <p>Threading: any thread delivers; at most one drain runs at a time; the queue is guarded by this
 * object's monitor.
 */
public final class Outbox implements EventSink {
  /** Writes a batch of events to the client; may block while the client does not read. */
  public interface Printer {
    void print(List<ChatEvent> batch) throws IOException;
  }

  /** Told once why the outbox gave up: a reason fit to tell others, and the cause if any. */
  public interface FailureListener {
    void failed(String reason, Throwable cause);
  }

  // One factory and one task for every drain: a burst of output costs a thread, not a builder
  // and a lambda as well (a channel's line starts a drain for each of its members).
  private static final ThreadFactory DRAINS = Thread.ofVirtual().name("outbox").factory();
  private final Runnable drainTask = this::drain;

  private final ArrayDeque<ChatEvent> queue = new ArrayDeque<>();
  private final int limit;
  private final Printer printer;
  private final FailureListener onFailure;
  private boolean draining;
  private boolean closed;
  private boolean lost;
  private volatile long writingSince; // System.nanoTime() when the current write began, or 0

  /**
   * @param limit events that may wait before the session is dropped
   * @param onFailure told why, once, when the queue overflows or a write fails
   */
  public Outbox(int limit, Printer printer, FailureListener onFailure) {
    this.limit = limit;
    this.printer = printer;
    this.onFailure = onFailure;
  }

  @Override
  public void deliver(ChatEvent event) {
    boolean start = false;
    boolean overflow = false;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (queue.size() >= limit) {
        closed = true;
        lost = true;
        queue.clear();
        overflow = true;
        notifyAll();
      } else {
        queue.addLast(event);
        if (!draining) {
          draining = true;
          start = true;
        }
      }
    }
    if (overflow) {
      onFailure.failed(
          "output queue full (" + limit + " lines waiting): the client is not reading", null);
    } else if (start) {
      DRAINS.newThread(drainTask).start();
    }
  }

  private void drain() {
    while (true) {
      List<ChatEvent> batch;
      synchronized (this) {
        if (closed || queue.isEmpty()) {
          draining = false;
          notifyAll();
          return;
        }
        batch = List.copyOf(queue);
        queue.clear();
      }
      try {
        writingSince = System.nanoTime() | 1; // never 0 while writing
        printer.print(batch);
        writingSince = 0;
      } catch (IOException | IOError | RuntimeException e) {
        // JLine wraps socket errors in IOError: it must end this drain like any failed write, or
        // the thread dies with the outbox still marked as draining.
        fail(e instanceof IOError && e.getCause() instanceof IOException io ? io : e);
        return;
      } catch (Error e) {
        fail(e); // the drain's state stays true whatever went wrong...
        throw e; // ...and an error of the VM itself is not ours to swallow
      }
    }
  }

  private void fail(Throwable cause) {
    writingSince = 0;
    synchronized (this) {
      closed = true; // refuses more from now on
      lost = true;
      queue.clear();
    }
    // Told before those waiting for the output are woken: the session records why it was dropped
    // before it ends, not after.
    onFailure.failed("connection lost", cause);
    synchronized (this) {
      draining = false;
      notifyAll();
    }
  }

  /**
   * Waits until everything queued so far is written, the outbox closes, or the time runs out.
   * Returns true only when everything was written.
   */
  public boolean awaitEmpty(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while ((draining || !queue.isEmpty()) && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return !lost && !draining && queue.isEmpty();
    }
  }

  /** Drops what is pending and refuses anything more. */
  public synchronized void close() {
    closed = true;
    queue.clear();
    notifyAll();
  }

  /**
   * How long the write in progress has been blocked, in nanoseconds, or 0 when nothing is being
   * written: a client that stopped reading in a quiet channel never fills its queue, but this
   * grows.
   */
  public long blockedFor(long now) {
    long since = writingSince;
    return since == 0 ? 0 : now - since;
  }

  /** True once the outbox refuses output (closed, overflowed, or a write failed). */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** Events waiting to be written (for tests and diagnostics). */
  synchronized int pending() {
    return queue.size();
  }
}
