package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  /** A nano clock the test moves by hand; starts far from zero, as System.nanoTime may. */
  private long now = -7 * SECOND;

  private TokenBucket bucket(double ratePerSecond, int burst) {
    return new TokenBucket(ratePerSecond, burst, () -> now);
  }

  @Test
  void allowsABurstThenAsksToWaitForTheNextToken() {
    TokenBucket bucket = bucket(2, 3);

    assertEquals(0, bucket.take());
    assertEquals(0, bucket.take());
    assertEquals(0, bucket.take());
    assertEquals(SECOND / 2, bucket.take());
  }

  @Test
  void throttledTakesStillSpendATokenSoWaitsGrow() {
    TokenBucket bucket = bucket(1, 1);

    assertEquals(0, bucket.take());
    assertEquals(SECOND, bucket.take());
    assertEquals(2 * SECOND, bucket.take());
    assertEquals(3 * SECOND, bucket.take());
  }

  @Test
  void refillsAtTheConfiguredRate() {
    TokenBucket bucket = bucket(4, 1);
    assertEquals(0, bucket.take());

    now += SECOND / 4;
    assertEquals(0, bucket.take());

    now += SECOND / 8; // half a token back: half the period still to wait
    assertEquals(SECOND / 8, bucket.take());
  }

  @Test
  void waitingTheAnnouncedTimePaysTheDebt() {
    TokenBucket bucket = bucket(5, 2);
    bucket.take();
    bucket.take();
    long wait = bucket.take();
    assertEquals(SECOND / 5, wait);

    now += wait; // the throttled line is paid for; the next needs a fresh token
    assertEquals(SECOND / 5, bucket.take());

    now += SECOND / 5 + SECOND / 5;
    assertEquals(0, bucket.take());
  }

  @Test
  void idleTimeRefillsNoMoreThanTheBurst() {
    TokenBucket bucket = bucket(1, 2);
    bucket.take();
    bucket.take();

    now += 3600 * SECOND;

    assertEquals(0, bucket.take());
    assertEquals(0, bucket.take());
    assertEquals(SECOND, bucket.take());
  }

  @Test
  void fractionalRatesRoundTheWaitUp() {
    TokenBucket bucket = bucket(3, 1);
    bucket.take();

    long wait = bucket.take();

    assertEquals(333_333_334L, wait);
    now += wait;
    now += wait;
    assertEquals(0, bucket.take());
  }

  @Test
  void slowRates() {
    TokenBucket bucket = bucket(0.5, 1);
    bucket.take();

    assertEquals(2 * SECOND, bucket.take());
  }

  @Test
  void refusesANonPositiveRateOrAnEmptyBurst() {
    assertThrows(IllegalArgumentException.class, () -> bucket(0, 1));
    assertThrows(IllegalArgumentException.class, () -> bucket(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> bucket(1, 0));
  }

  @Test
  void tryTakeSpendsOnlyAWholeTokenAndSaysWhenTheNextComes() {
    TokenBucket bucket = bucket(2, 2);
    assertEquals(true, bucket.tryTake());
    assertEquals(true, bucket.tryTake());
    assertEquals(SECOND / 2, bucket.nanosUntilToken());
    assertEquals(false, bucket.tryTake());
    assertEquals(false, bucket.tryTake(), "a refusal spends nothing");
    now += SECOND / 2;
    assertEquals(0, bucket.nanosUntilToken());
    assertEquals(true, bucket.tryTake());
    assertEquals(SECOND / 2, bucket.take(), "a command goes into debt...");
    assertEquals(SECOND, bucket.nanosUntilToken(), "...which held-back lines then wait out");
  }
}
