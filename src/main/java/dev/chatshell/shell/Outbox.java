package dev.chatshell.shell;

import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.EventSink;
import java.io.IOError;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A session's bounded queue of output. {@link #deliver} never blocks: it queues the event and, if
 * no drain is running, starts one on a fresh virtual thread, which prints everything pending in one
 * go (one redraw of the prompt for many lines). A client that stops reading blocks only its own
 * drain; when its queue reaches the limit the session is dropped, and nobody else waits.
 *
 * <p>An outbox may <em>gather</em> output: with a window W, a drain that would start less than W
 * after the previous write began waits until W has passed since then, so a client sent many lines a
 * second gets them several to a write (each write is a system call, and at a hundred lines a second
 * the calls cost more than the lines), while a client in a quiet channel still gets each line at
 * once. The wait is a task on one timer shared by every outbox, not a thread of its own.
 *
 * <p>Threading: any thread delivers; at most one drain runs or waits at a time; the queue is
 * guarded by this object's monitor.
 */
public final class Outbox implements EventSink {
  /**
   * Writes a batch of events to the client; may block while the client does not read. The batch is
   * the printer's: the outbox never looks at it again.
   */
  public interface Printer {
    void print(List<ChatEvent> batch) throws IOException;
  }

  /** Told once why the outbox gave up: a reason fit to tell others, and the cause if any. */
  public interface FailureListener {
    void failed(String reason, Throwable cause);
  }

  /** The clock a gathering outbox reads and the timer it waits with (a fake one in tests). */
  public interface Timer {
    long nanoTime();

    /** Runs {@code task} once, {@code delayNanos} from now, on some thread that must not block. */
    void schedule(Runnable task, long delayNanos);
  }

  // One factory and one task for every drain: a burst of output costs a thread, not a builder
  // and a lambda as well (a channel's line starts a drain for each of its members).
  private static final ThreadFactory DRAINS = Thread.ofVirtual().name("outbox").factory();
  private final Runnable drainTask = this::drain;
  private final Runnable wakeTask = this::wake;

  // Handed whole to the printer as its batch: no copy per write. Null while nothing is pending,
  // so a quiet session keeps no list at all.
  private ArrayList<ChatEvent> queue;
  private final int limit;
  private final long gatherNanos;
  private final Timer timer;
  private final Printer printer;
  private final FailureListener onFailure;
  private boolean draining; // a drain runs, or waits for its window (then waiting is true too)
  private boolean waiting;
  private boolean closed;
  private boolean lost;
  private long lastWrite; // timer.nanoTime() when the last batch was taken, if gathering
  private volatile long writingSince; // System.nanoTime() when the current write began, or 0

  /**
   * An outbox that writes at once whatever is pending: the shell's (a terminal redraws its prompt
   * once per batch anyway, and a telnet client is measured by how soon each line arrives).
   *
   * @param limit events that may wait before the session is dropped
   * @param onFailure told why, once, when the queue overflows or a write fails
   */
  public Outbox(int limit, Printer printer, FailureListener onFailure) {
    this(limit, Duration.ZERO, printer, onFailure);
  }

  /**
   * An outbox that gathers output over {@code gather} after each write (none when zero).
   *
   * @param limit events that may wait before the session is dropped
   * @param onFailure told why, once, when the queue overflows or a write fails
   */
  public Outbox(int limit, Duration gather, Printer printer, FailureListener onFailure) {
    this(limit, spread(gather), SharedTimer.INSTANCE, printer, onFailure);
  }

  /**
   * The window of one outbox: {@code gather}, give or take a tenth, drawn once. The members of a
   * channel get its lines at the same moment, so with one window for all they would all be written
   * to in the same millisecond, a window later, again and again: a burst of writes, then nothing.
   * Windows a little different drift apart within seconds, and the writes spread evenly over time.
   */
  private static Duration spread(Duration gather) {
    double factor = 0.9 + 0.2 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofNanos((long) (gather.toNanos() * factor));
  }

  Outbox(int limit, Duration gather, Timer timer, Printer printer, FailureListener onFailure) {
    if (gather.isNegative()) {
      throw new IllegalArgumentException("negative gathering window: " + gather);
    }
    this.limit = limit;
    this.gatherNanos = gather.toNanos();
    this.timer = timer;
    this.printer = printer;
    this.onFailure = onFailure;
    this.lastWrite = gatherNanos == 0 ? 0 : timer.nanoTime() - gatherNanos; // nothing written yet
  }

  @Override
  public void deliver(ChatEvent event) {
    boolean start = false;
    boolean overflow = false;
    long wait = 0;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (queue == null) {
        queue = new ArrayList<>();
      }
      if (queue.size() >= limit) {
        closed = true;
        lost = true;
        if (waiting) {
          waiting = false; // the waiting drain will not start
          draining = false;
        }
        queue = null;
        overflow = true;
        notifyAll();
      } else {
        queue.add(event);
        if (!draining) {
          draining = true;
          wait = untilWindowEnds();
          waiting = wait > 0;
          start = !waiting;
        }
      }
    }
    if (overflow) {
      onFailure.failed(
          "output queue full (" + limit + " lines waiting): the client is not reading", null);
    } else if (start) {
      DRAINS.newThread(drainTask).start();
    } else if (wait > 0) {
      timer.schedule(wakeTask, wait);
    }
  }

  /** Nanoseconds until the gathering window after the last write ends; 0 when it has. */
  private long untilWindowEnds() {
    if (gatherNanos == 0) {
      return 0;
    }
    return Math.max(0, gatherNanos - (timer.nanoTime() - lastWrite));
  }

  /** The timer's task: the window has passed, the waiting drain starts (unless closed since). */
  private void wake() {
    synchronized (this) {
      if (!waiting) {
        return;
      }
      waiting = false;
    }
    DRAINS.newThread(drainTask).start();
  }

  private void drain() {
    boolean first = true; // a drain starts when its window has passed: its first batch goes now
    while (true) {
      List<ChatEvent> batch;
      long wait;
      synchronized (this) {
        if (closed || queue == null) {
          draining = false;
          notifyAll();
          return;
        }
        // Lines that came while writing wait for the window too: a busy client gets one write a
        // window, not one each time a write ends.
        wait = first ? 0 : untilWindowEnds();
        if (wait > 0) {
          waiting = true;
          batch = null;
        } else {
          batch = queue;
          queue = null;
          if (gatherNanos > 0) {
            lastWrite = timer.nanoTime();
          }
        }
      }
      if (batch == null) {
        timer.schedule(wakeTask, wait); // this thread ends; the timer starts the next drain
        return;
      }
      first = false;
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
      queue = null;
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
      while ((draining || queue != null) && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
      return !lost && !draining && queue == null;
    }
  }

  /** Drops what is pending and refuses anything more. */
  public synchronized void close() {
    closed = true;
    queue = null;
    if (waiting) {
      waiting = false; // the timer's task will find nothing to do
      draining = false;
    }
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
    return queue == null ? 0 : queue.size();
  }

  /**
   * The timer of every gathering outbox: one platform thread, made when the first outbox waits,
   * that wakes once a tick while anything waits (and not at all otherwise) and starts every drain
   * whose window has passed. A timer that woke for each drain (a scheduled executor) cost a futex
   * call or two for every write it saved; this one wakes at most once a tick, and a window is at
   * most a tick late.
   */
  private static final class SharedTimer implements Timer {
    static final SharedTimer INSTANCE = new SharedTimer();
    private static final long TICK_NANOS = 2_000_000;

    private record Due(long at, Runnable task) {}

    private final PriorityQueue<Due> due =
        new PriorityQueue<>((a, b) -> Long.compare(a.at - b.at, 0)); // nanoTime may wrap
    private Thread thread; // guarded by this; null until first needed, or after it died
    private boolean idle = true; // guarded by this; the thread parks with no deadline

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
      Thread wake = null;
      synchronized (this) {
        due.add(new Due(System.nanoTime() + delayNanos, task));
        if (thread == null) {
          thread = Thread.ofPlatform().name("outbox-gather").daemon().unstarted(this::run);
          thread.start();
        } else if (idle) {
          wake = thread;
        }
        idle = false;
      }
      if (wake != null) {
        LockSupport.unpark(wake);
      }
    }

    private void run() {
      List<Runnable> ready = new ArrayList<>();
      try {
        while (true) {
          boolean nothingWaits;
          synchronized (this) {
            long now = System.nanoTime();
            while (!due.isEmpty() && due.peek().at - now <= 0) {
              ready.add(due.poll().task);
            }
            nothingWaits = due.isEmpty();
            idle = nothingWaits;
          }
          for (Runnable task : ready) {
            try {
              task.run();
            } catch (RuntimeException e) {
              // a drain that cannot start is that session's loss; the others' windows go on
            }
          }
          ready.clear();
          if (nothingWaits) {
            LockSupport.park(); // schedule() unparks: a permit given before this returns at once
          } else {
            LockSupport.parkNanos(TICK_NANOS);
          }
        }
      } finally {
        synchronized (this) {
          thread = null; // an error of the VM's ended it: the next schedule() makes another
        }
      }
    }
  }
}
