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
}
