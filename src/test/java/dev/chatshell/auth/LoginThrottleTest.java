package dev.chatshell.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final LoginThrottle throttle =
      new LoginThrottle(now::get, Duration.ofSeconds(1), Duration.ofSeconds(10), 3);

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  @Test
  void eachFailureDoublesTheWaitUpToTheMaximum() {
    assertEquals(Duration.ZERO, throttle.waitFor("a"));
    long[] expectedSeconds = {1, 2, 4, 8, 10, 10};
    for (long seconds : expectedSeconds) {
      throttle.failed("a");
      assertEquals(Duration.ofSeconds(seconds), throttle.waitFor("a"));
    }
    advance(Duration.ofSeconds(4));
    assertEquals(Duration.ofSeconds(6), throttle.waitFor("a"), "the wait runs down");
  }

  @Test
  void aSuccessClearsTheKeyAndKeysAreIndependent() {
    throttle.failed("a");
    throttle.failed("a");
    assertEquals(Duration.ZERO, throttle.waitFor("b"));
    throttle.succeeded("a");
    assertEquals(Duration.ZERO, throttle.waitFor("a"));
    throttle.failed("a");
    assertEquals(Duration.ofSeconds(1), throttle.waitFor("a"), "counting starts again");
  }

  @Test
  void memoryIsBoundedExpiredKeysMakeRoom() {
    throttle.failed("a");
    throttle.failed("b");
    throttle.failed("c");
    throttle.failed("d"); // full of live penalties: not recorded
    assertEquals(Duration.ZERO, throttle.waitFor("d"));
    advance(Duration.ofSeconds(2)); // a, b and c have served their time
    throttle.failed("d");
    assertEquals(Duration.ofSeconds(1), throttle.waitFor("d"));
  }
}
