package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.testing.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BatchWriterTest {
  private static final org.slf4j.Logger log = LoggerFactory.getLogger(BatchWriterTest.class);

  @Test
  void aPassWritesWhatGatheredInOrderAndAFailingPassDoesNotStopTheNext() throws Exception {
    List<List<String>> written = new CopyOnWriteArrayList<>();
    AtomicInteger passes = new AtomicInteger();
    BatchWriter<String>[] writer = new BatchWriter[1];
    try (LogCapture logs = new LogCapture()) {
      writer[0] =
          new BatchWriter<String>(
              "test-writer",
              10,
              () -> Duration.ofMillis(5),
              log,
              "behind: {} dropped",
              "Writing test lines",
              () -> {
                if (passes.incrementAndGet() == 1) {
                  throw new StoreException("disk on fire", null);
                }
                List<String> batch = new ArrayList<>();
                if (writer[0].drainTo(batch, 100) > 0) {
                  written.add(batch);
                }
              });
      writer[0].offer("a");
      writer[0].offer("b");
      writer[0].start();
      logs.await("Writing test lines: disk on fire", Duration.ofSeconds(5));
      while (written.isEmpty()) {
        Thread.sleep(5);
      }
      writer[0].close();
    }
    assertEquals(List.of(List.of("a", "b")), written);
  }

  @Test
  void itemsPastTheBoundAreDroppedAndCounted() throws Exception {
    BatchWriter<String> writer =
        new BatchWriter<>(
            "test-writer", 2, () -> Duration.ofHours(1), log, "behind: {} dropped", "x", () -> {});
    try (LogCapture logs = new LogCapture()) {
      for (int i = 0; i < 5; i++) {
        writer.offer("line " + i);
      }
      assertEquals(2, writer.size(), "the first two wait");
      assertEquals(1, logs.lines("behind: 1 dropped").size(), "logged at the first drop");
    }
  }
}
