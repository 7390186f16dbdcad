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

  @Test
  void failuresAreForgottenAfterAQuarterOfAnHourOfQuiet() {
    throttle.failed("a");
    throttle.failed("a");
    assertEquals(2, throttle.recentFailures("a"));
    assertEquals(0, throttle.recentFailures("b"));
    advance(LoginThrottle.FORGET_AFTER.minusSeconds(1));
    assertEquals(2, throttle.recentFailures("a"), "still recent");
    advance(Duration.ofSeconds(1));
    assertEquals(0, throttle.recentFailures("a"), "forgotten");
    throttle.failed("a");
    assertEquals(1, throttle.recentFailures("a"));
    assertEquals(Duration.ofSeconds(1), throttle.waitFor("a"), "the wait starts from 1 s again");
  }

  @Test
  void whenFullForgottenFailuresGoFirstSoRecentGuessersStayKnown() {
    throttle.failed("old");
    advance(LoginThrottle.FORGET_AFTER);
    throttle.failed("b");
    throttle.failed("c");
    advance(Duration.ofSeconds(2)); // b's and c's waits are over, but they failed lately
    throttle.failed("d");
    assertEquals(1, throttle.recentFailures("b"));
    assertEquals(1, throttle.recentFailures("c"));
    assertEquals(1, throttle.recentFailures("d"));
  }

  @Test
  void aRateLimitLetsCountEventsThroughInAnySlidingWindow() {
    RateLimit limit = throttle.rateLimit(2, Duration.ofMinutes(1));
    assertEquals(Duration.ZERO, limit.take("k"));
    advance(Duration.ofSeconds(20));
    assertEquals(Duration.ZERO, limit.take("k"));
    assertEquals(Duration.ofSeconds(40), limit.take("k"), "until the first is a minute old");
    assertEquals(Duration.ofSeconds(40), limit.waitFor("k"));
    assertEquals(Duration.ZERO, limit.take("other"), "keys are independent");
    advance(Duration.ofSeconds(40));
    assertEquals(Duration.ZERO, limit.take("k"));
    assertEquals(Duration.ofSeconds(20), limit.take("k"), "refusals were not counted");
  }

  @Test
  void aRateLimitsMemoryIsBounded() {
    RateLimit limit = throttle.rateLimit(1, Duration.ofMinutes(1)); // 3 keys, like the throttle
    for (String key : new String[] {"a", "b", "c"}) {
      assertEquals(Duration.ZERO, limit.take(key));
    }
    assertEquals(Duration.ZERO, limit.take("d"), "full of live keys: let through");
    assertEquals(Duration.ZERO, limit.take("d"), "and not recorded");
    advance(Duration.ofMinutes(1)); // a, b and c are out of the window
    assertEquals(Duration.ZERO, limit.take("d"));
    assertEquals(Duration.ofMinutes(1), limit.take("d"), "recorded now that there is room");
  }
}
