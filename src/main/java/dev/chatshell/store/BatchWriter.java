package dev.chatshell.store;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Writes behind, in batches: callers only {@link #offer} items to a bounded queue, and a thread of
 * its own wakes every pause and runs the owner's pass, which {@link #drainTo drains} what has
 * gathered and writes it as one batch (one commit, one append). Many items cost one disk write, and
 * a disk slower than the callers for long loses queued items (counted in the log), never slows the
 * callers down.
 *
 * <p>What a pass does, and what it keeps when the disk refuses, is the owner's business; a pass
 * that throws is logged and the next one comes as usual. {@link #close} stops the thread; the owner
 * then writes what is left on its own thread.
 *
 * <p>Threading: {@link #offer} from any thread; passes run one at a time on the writer thread, and
 * the owner locks what a pass shares with its readers.
 *
 * @param <T> what is queued
 */
final class BatchWriter<T> implements AutoCloseable {
  /** One pass of the writer: drain, write, commit. */
  @FunctionalInterface
  interface Pass {
    void run() throws Exception;
  }

  private final Logger log;
  private final String behind;
  private final String failed;
  private final BlockingQueue<T> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final Supplier<Duration> pause;
  private final Pass pass;
  private final Thread thread;
  private volatile boolean closing;

  /**
   * A writer, not started yet (see {@link #start}).
   *
   * @param name the thread's name
   * @param capacity how many items may wait; more are dropped
   * @param pause how long to gather items before the next pass (asked before each)
   * @param log where drops and failures are reported
   * @param behind what is logged when items are dropped, with {@code {}} for the count so far
   * @param failed what is logged, before the reason, when a pass throws
   */
  BatchWriter(
      String name,
      int capacity,
      Supplier<Duration> pause,
      Logger log,
      String behind,
      String failed,
      Pass pass) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.pause = pause;
    this.log = log;
    this.behind = behind;
    this.failed = failed;
    this.pass = pass;
    this.thread = Thread.ofPlatform().name(name).daemon(true).unstarted(this::loop);
  }

  /** Starts the writer thread: once the owner is built, since its passes use the owner. */
  BatchWriter<T> start() {
    thread.start();
    return this;
  }

  /** Queues an item; when the queue is full it is dropped, and drops are logged now and then. */
  void offer(T item) {
    if (!queue.offer(item) && dropped.getAndIncrement() % 1000 == 0) {
      log.warn(behind, dropped.get());
    }
  }

  /** Moves up to {@code max} queued items, oldest first, into {@code batch}; returns how many. */
  int drainTo(Collection<? super T> batch, int max) {
    return queue.drainTo(batch, max);
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  /** Items waiting. */
  int size() {
    return queue.size();
  }

  private void loop() {
    while (!closing) {
      try {
        Thread.sleep(pause.get()); // items gather: one write for many
        pass.run();
      } catch (InterruptedException e) {
        break;
      } catch (Exception e) {
        log.error("{}: {}", failed, e.getMessage(), e);
      }
    }
  }

  /** Stops the writer thread, waiting up to 5 s for a pass under way; queued items stay queued. */
  @Override
  public void close() {
    closing = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
