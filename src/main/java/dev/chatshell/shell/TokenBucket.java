package dev.chatshell.shell;

import java.util.function.LongSupplier;

/**
 * Flood control for one user: a token bucket of {@code burst} tokens refilled at {@code
 * ratePerSecond}. Each line a user sends takes one token; when none is left the caller is told how
 * long to wait. Shared by the session's thread and its {@link FloodQueue}: every method holds the
 * bucket's monitor, briefly.
 */
final class TokenBucket {
  private final double ratePerNano;
  private final double burst;
  private final LongSupplier nanoClock;
  private double tokens;
  private long last;

  TokenBucket(double ratePerSecond, int burst, LongSupplier nanoClock) {
    if (ratePerSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
    }
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.tokens = burst;
    this.last = nanoClock.getAsLong();
  }

  /**
   * Takes one token. Returns 0 when one was available, otherwise the nanoseconds until one will be;
   * the token is then already spent (the caller waits, it does not retry).
   */
  synchronized long take() {
    refill();
    tokens -= 1;
    if (tokens >= 0) {
      return 0;
    }
    return (long) Math.ceil(-tokens / ratePerNano);
  }

  /** Takes one token if a whole one is there; spends nothing otherwise. */
  synchronized boolean tryTake() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Nanoseconds until {@link #tryTake} can succeed; 0 when it can now. */
  synchronized long nanosUntilToken() {
    refill();
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / ratePerNano);
  }

  private void refill() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
    last = now;
  }
}
