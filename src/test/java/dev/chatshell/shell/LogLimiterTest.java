package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogLimiterTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final LogLimiter limiter = new LogLimiter(Duration.ofSeconds(30), now::get);
  private final List<String> written = new ArrayList<>();

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  @Test
  void theFirstLineOfAKindIsWrittenAndTheRepeatsOnlyCountedOncePerInterval() {
    for (int i = 1; i <= 1000; i++) {
      limiter.log("lost", "Dropping client " + i + ": lost", written::add);
      advance(Duration.ofMillis(10)); // 1000 lines in 10 s
    }
    limiter.flush();
    assertEquals(List.of("Dropping client 1: lost"), written, "within the interval: counted only");

    advance(Duration.ofSeconds(20));
    limiter.flush();
    assertEquals(
        List.of("Dropping client 1: lost", "lost ... repeated 999 more times in the last 30 s"),
        written);

    limiter.flush();
    limiter.log("lost", "Dropping client 1001: lost", written::add);
    assertEquals(3, written.size(), "the count is written once, and a new interval begins");
    assertEquals("Dropping client 1001: lost", written.get(2));
  }

  @Test
  void kindsAreCountedApartAndAKindThatStoppedIsWrittenAgainInFull() {
    limiter.log("lost", "a: lost", written::add);
    limiter.log("timeout", "b: timeout", written::add);
    limiter.log("lost", "c: lost", written::add);
    assertEquals(List.of("a: lost", "b: timeout"), written);

    advance(Duration.ofSeconds(31));
    limiter.log("lost", "d: lost", written::add); // the count comes first, without a timer
    limiter.log("timeout", "e: timeout", written::add); // nothing held: no count
    assertEquals(
        List.of(
            "a: lost",
            "b: timeout",
            "lost ... repeated 1 more time in the last 31 s",
            "d: lost",
            "e: timeout"),
        written);
  }

  @Test
  void moreKindsThanItTracksAreWrittenRatherThanLost() {
    for (int i = 0; i < 300; i++) {
      limiter.log("kind " + i, "line " + i, written::add);
    }
    assertEquals(300, written.size());
  }
}
