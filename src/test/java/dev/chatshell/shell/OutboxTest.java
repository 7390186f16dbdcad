package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ServerNotice;
import java.io.IOError;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutboxTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final List<List<ChatEvent>> batches = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> printerThreads = Collections.synchronizedList(new ArrayList<>());
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch failed = new CountDownLatch(1);
  private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
  private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);

  @AfterEach
  void releasePrinter() {
    releaseFirstBatch.countDown();
  }

  private static ChatEvent event(String text) {
    return new ServerNotice(Instant.EPOCH, text);
  }

  private void recordFailure(String reason, Throwable cause) {
    failures.add(cause == null ? reason : reason + " (" + cause.getMessage() + ")");
    failed.countDown();
  }

  /** Records each batch; the first one blocks until released, like a client not reading. */
  private void blockingPrinter(List<ChatEvent> batch) throws IOException {
    batches.add(batch);
    printerThreads.add(Thread.currentThread());
    if (batches.size() == 1) {
      firstBatchStarted.countDown();
      try {
        if (!releaseFirstBatch.await(10, TimeUnit.SECONDS)) {
          throw new IOException("never released");
        }
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
    }
  }

  private void awaitFirstBatch() throws InterruptedException {
    assertTrue(firstBatchStarted.await(5, TimeUnit.SECONDS), "the drain started");
  }

  private List<String> texts(List<ChatEvent> batch) {
    return batch.stream().map(e -> ((ServerNotice) e).text()).toList();
  }

  @Test
  void aBlockedWriteIsMeasuredSoAQuietNonReaderCanBeFound() throws Exception {
    Outbox outbox = new Outbox(100, this::blockingPrinter, this::recordFailure);
    assertEquals(0, outbox.blockedFor(System.nanoTime()), "nothing is being written");
    outbox.deliver(event("stuck"));
    awaitFirstBatch(); // the write has begun: its start time is set and lies before now
    long fiftyMillisLater = System.nanoTime() + 50_000_000L; // as the watchdog would ask then
    assertTrue(outbox.blockedFor(fiftyMillisLater) >= 40_000_000L, "the write has been blocked");
    releaseFirstBatch.countDown();
    assertTrue(outbox.awaitEmpty(WAIT));
    assertEquals(0, outbox.blockedFor(System.nanoTime()), "written: not blocked any more");
  }

  @Test
  void eventsDeliveredWhileThePrinterIsBusyComeInOneFollowingBatch() throws Exception {
    Outbox outbox = new Outbox(100, this::blockingPrinter, this::recordFailure);
    outbox.deliver(event("1"));
    awaitFirstBatch();
    outbox.deliver(event("2"));
    outbox.deliver(event("3"));
    outbox.deliver(event("4"));
    assertEquals(3, outbox.pending());

    releaseFirstBatch.countDown();
    assertTrue(outbox.awaitEmpty(WAIT));
    assertEquals(2, batches.size(), "coalesced into one batch: " + batches);
    assertEquals(List.of("1"), texts(batches.get(0)));
    assertEquals(List.of("2", "3", "4"), texts(batches.get(1)));
    assertEquals(0, outbox.pending());
    assertEquals(List.of(), failures);
  }

  @Test
  void awaitEmptyReturnsTrueOnceEverythingIsWrittenInOrder() throws Exception {
    List<String> printed = Collections.synchronizedList(new ArrayList<>());
    Outbox outbox = new Outbox(100, batch -> printed.addAll(texts(batch)), this::recordFailure);
    for (int i = 0; i < 20; i++) {
      outbox.deliver(event(String.valueOf(i)));
    }
    assertTrue(outbox.awaitEmpty(WAIT));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add(String.valueOf(i));
    }
    assertEquals(expected, printed);
    assertEquals(0, outbox.pending());
  }

  @Test
  void awaitEmptyReturnsFalseWhileTheClientDoesNotRead() throws Exception {
    Outbox outbox = new Outbox(100, this::blockingPrinter, this::recordFailure);
    outbox.deliver(event("1"));
    awaitFirstBatch();
    assertFalse(outbox.awaitEmpty(Duration.ofMillis(30)));
    releaseFirstBatch.countDown();
    assertTrue(outbox.awaitEmpty(WAIT));
  }

  @Test
  void awaitEmptyOfAnIdleOutboxIsImmediate() throws Exception {
    Outbox outbox = new Outbox(10, batch -> {}, this::recordFailure);
    assertTrue(outbox.awaitEmpty(Duration.ZERO));
  }

  @Test
  void overflowPastTheLimitFailsOnceAndRefusesFurtherEvents() throws Exception {
    Outbox outbox = new Outbox(3, this::blockingPrinter, this::recordFailure);
    outbox.deliver(event("1")); // taken by the drain, which then blocks
    awaitFirstBatch();
    outbox.deliver(event("2"));
    outbox.deliver(event("3"));
    outbox.deliver(event("4"));
    assertEquals(3, outbox.pending());
    assertEquals(List.of(), failures, "the limit itself is still fine");

    outbox.deliver(event("5")); // one too many
    assertEquals(1, failures.size());
    assertTrue(failures.get(0).contains("full"), failures.get(0));
    assertEquals(0, outbox.pending(), "what was waiting is dropped");

    outbox.deliver(event("6"));
    outbox.deliver(event("7"));
    assertEquals(1, failures.size(), "told once");
    assertEquals(0, outbox.pending(), "refused after the failure");

    releaseFirstBatch.countDown();
    Thread drain = printerThreads.get(0);
    drain.join(WAIT);
    assertFalse(drain.isAlive(), "the drain stopped");
    assertEquals(1, batches.size(), "nothing after the overflow was printed: " + batches);
  }

  @Test
  void aPrinterExceptionReportsTheFailureAndClosesTheOutbox() throws Exception {
    List<List<ChatEvent>> calls = Collections.synchronizedList(new ArrayList<>());
    Outbox outbox =
        new Outbox(
            100,
            batch -> {
              calls.add(batch);
              throw new IOException("broken pipe");
            },
            this::recordFailure);
    outbox.deliver(event("1"));
    assertTrue(failed.await(5, TimeUnit.SECONDS), "onFailure was called");
    assertEquals(1, failures.size());
    assertTrue(failures.get(0).contains("broken pipe"), failures.get(0));

    outbox.deliver(event("2"));
    assertEquals(0, outbox.pending(), "a closed outbox takes nothing");
    assertFalse(outbox.awaitEmpty(WAIT), "returns at once, and says the output was lost");
    assertEquals(1, calls.size(), "the printer is not called again");
    assertEquals(1, failures.size());
  }

  @Test
  void aRuntimeExceptionFromThePrinterIsAFailureToo() throws Exception {
    Outbox outbox =
        new Outbox(
            100,
            batch -> {
              throw new IllegalStateException("terminal gone");
            },
            this::recordFailure);
    outbox.deliver(event("1"));
    assertTrue(failed.await(5, TimeUnit.SECONDS), "onFailure was called");
    assertTrue(failures.get(0).contains("terminal gone"), failures.get(0));
    outbox.deliver(event("2"));
    assertEquals(0, outbox.pending());
  }

  @Test
  void anIoErrorFromTheTerminalEndsTheDrainCleanlyAndIsReportedAsTheSocketError() throws Exception {
    List<Thread> drains = Collections.synchronizedList(new ArrayList<>());
    Outbox outbox =
        new Outbox(
            100,
            batch -> {
              drains.add(Thread.currentThread());
              // what JLine throws when the socket under the terminal fails
              throw new IOError(new SocketException("Connection reset by peer"));
            },
            this::recordFailure);
    outbox.deliver(event("1"));
    assertTrue(failed.await(5, TimeUnit.SECONDS), "onFailure was called");
    assertEquals(List.of("connection lost (Connection reset by peer)"), failures);
    drains.get(0).join(WAIT);
    assertFalse(drains.get(0).isAlive(), "the drain ended");

    assertTrue(outbox.isClosed());
    assertFalse(outbox.awaitEmpty(WAIT), "not left draining: returns at once, output lost");
    outbox.deliver(event("2"));
    assertEquals(0, outbox.pending(), "a closed outbox takes nothing");
    assertEquals(1, drains.size(), "and starts no drain");
    assertEquals(1, failures.size());
  }

  @Test
  void closeDropsPendingEventsAndRefusesMore() throws Exception {
    Outbox outbox = new Outbox(100, this::blockingPrinter, this::recordFailure);
    outbox.deliver(event("1"));
    awaitFirstBatch();
    outbox.deliver(event("2"));
    outbox.close();
    assertEquals(0, outbox.pending());
    outbox.deliver(event("3"));
    assertEquals(0, outbox.pending());

    releaseFirstBatch.countDown();
    Thread drain = printerThreads.get(0);
    drain.join(WAIT);
    assertFalse(drain.isAlive());
    assertEquals(1, batches.size());
    assertEquals(List.of(), failures, "closing on purpose is not a failure");
  }

  // ---- gathering: a fake clock and timer, so nothing here depends on how fast the machine is

  /**
   * A clock moved by the test, and the tasks scheduled on it, run when the test moves past them.
   */
  private static final class FakeTimer implements Outbox.Timer {
    private long now = 1_000_000_000L;
    private final List<long[]> due = new ArrayList<>(); // [when, index into tasks]
    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
      return now;
    }

    @Override
    public synchronized void schedule(Runnable task, long delayNanos) {
      assertTrue(delayNanos > 0, "scheduled only to wait: " + delayNanos);
      due.add(new long[] {now + delayNanos, tasks.size()});
      tasks.add(task);
    }

    synchronized int scheduled() {
      return due.size();
    }

    synchronized long nextDelay() {
      return due.getFirst()[0] - now;
    }

    /** Moves the clock on and runs the tasks whose time has come. */
    void advance(Duration by) {
      List<Runnable> run = new ArrayList<>();
      synchronized (this) {
        now += by.toNanos();
        due.removeIf(
            entry -> {
              if (entry[0] <= now) {
                run.add(tasks.get((int) entry[1]));
                return true;
              }
              return false;
            });
      }
      run.forEach(Runnable::run);
    }
  }

  private static final Duration WINDOW = Duration.ofMillis(20);

  private final FakeTimer timer = new FakeTimer();

  private void recordBatch(List<ChatEvent> batch) {
    batches.add(batch);
  }

  private Outbox gathering(int limit) {
    return new Outbox(limit, WINDOW, timer, this::recordBatch, this::recordFailure);
  }

  @Test
  void aQuietClientGetsEachLineAtOnce() throws Exception {
    Outbox outbox = gathering(100);
    outbox.deliver(event("hello"));
    assertTrue(outbox.awaitEmpty(WAIT), "written without the timer");
    timer.advance(Duration.ofMillis(25)); // a line after the window: at once again
    outbox.deliver(event("again"));
    assertTrue(outbox.awaitEmpty(WAIT));
    assertEquals(0, timer.scheduled(), "never waited");
    assertEquals(2, batches.size());
  }

  @Test
  void linesWithinTheWindowAfterAWriteAreGatheredIntoOneWrite() throws Exception {
    Outbox outbox = gathering(100);
    outbox.deliver(event("1"));
    assertTrue(outbox.awaitEmpty(WAIT));
    timer.advance(Duration.ofMillis(5));
    outbox.deliver(event("2"));
    timer.advance(Duration.ofMillis(5));
    outbox.deliver(event("3"));
    assertEquals(2, outbox.pending(), "held for the window");
    assertEquals(1, timer.scheduled(), "one wait, not one per line");
    assertEquals(Duration.ofMillis(10).toNanos(), timer.nextDelay(), "until 20 ms after the write");
    assertFalse(outbox.awaitEmpty(Duration.ZERO), "not written yet");

    timer.advance(Duration.ofMillis(10));
    assertTrue(outbox.awaitEmpty(WAIT));
    assertEquals(
        List.of(List.of("1"), List.of("2", "3")), batches.stream().map(this::texts).toList());
    assertEquals(List.of(), failures);
  }

  @Test
  void linesThatCameDuringAWriteWaitForTheWindowToo() throws Exception {
    Outbox outbox = new Outbox(100, WINDOW, timer, this::blockingPrinter, this::recordFailure);
    outbox.deliver(event("1"));
    awaitFirstBatch(); // the write began at the timer's "now"
    outbox.deliver(event("2"));
    timer.advance(Duration.ofMillis(8));
    releaseFirstBatch.countDown();
    assertTrue(waitUntil(() -> timer.scheduled() == 1), "the drain waits for the window");
    assertEquals(Duration.ofMillis(12).toNanos(), timer.nextDelay());
    assertEquals(1, outbox.pending());

    timer.advance(Duration.ofMillis(12));
    assertTrue(outbox.awaitEmpty(WAIT));
    assertEquals(List.of(List.of("1"), List.of("2")), batches.stream().map(this::texts).toList());
  }

  @Test
  void aClosedOutboxDoesNotWaitForItsWindow() throws Exception {
    Outbox outbox = gathering(100);
    outbox.deliver(event("1"));
    assertTrue(outbox.awaitEmpty(WAIT));
    outbox.deliver(event("2")); // waits for the window
    outbox.close();
    assertEquals(0, outbox.pending());
    assertTrue(outbox.awaitEmpty(Duration.ZERO), "nothing left to wait for");
    timer.advance(WINDOW);
    outbox.deliver(event("3"));
    assertEquals(1, batches.size(), "nothing written after the close: " + batches);
    assertEquals(List.of(), failures);
  }

  @Test
  void anOverflowWhileWaitingDropsTheClientAndWritesNothingMore() throws Exception {
    Outbox outbox = gathering(3);
    outbox.deliver(event("1"));
    assertTrue(outbox.awaitEmpty(WAIT));
    for (int i = 2; i <= 5; i++) {
      outbox.deliver(event(String.valueOf(i)));
    }
    assertEquals(1, failures.size());
    assertTrue(failures.getFirst().contains("full"), failures.getFirst());
    assertTrue(outbox.isClosed());
    assertFalse(outbox.awaitEmpty(Duration.ZERO), "lost, and not left waiting");
    timer.advance(WINDOW);
    assertEquals(1, batches.size(), "the timer starts no drain: " + batches);
  }

  @Test
  void withoutAWindowNothingIsEverScheduled() throws Exception {
    Outbox.Timer refusing =
        new Outbox.Timer() {
          @Override
          public long nanoTime() {
            throw new AssertionError("no clock needed");
          }

          @Override
          public void schedule(Runnable task, long delayNanos) {
            throw new AssertionError("no waiting");
          }
        };
    Outbox outbox =
        new Outbox(100, Duration.ZERO, refusing, this::recordBatch, this::recordFailure);
    for (int i = 0; i < 10; i++) {
      outbox.deliver(event(String.valueOf(i)));
      assertTrue(outbox.awaitEmpty(WAIT));
    }
    assertEquals(10, batches.stream().mapToInt(List::size).sum());
  }

  @Test
  void theSharedTimerStartsEveryWaitingDrain() throws Exception {
    // the real clock and timer: many outboxes wait at once, every one is written in the end
    List<Outbox> outboxes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Outbox outbox = new Outbox(100, Duration.ofMillis(5), this::recordBatch, this::recordFailure);
      outbox.deliver(event("first"));
      outbox.deliver(event("second")); // within the window of the first's write, most likely
      outboxes.add(outbox);
    }
    for (Outbox outbox : outboxes) {
      assertTrue(outbox.awaitEmpty(WAIT));
    }
    assertEquals(100, batches.stream().mapToInt(List::size).sum());
    assertEquals(List.of(), failures);
  }

  private static boolean waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(1);
    }
    return true;
  }
}
