package dev.chatshell.auth;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code count} events in any {@code window} for each key (an account's hash checks, an
 * address's registrations): a sliding window, so a burst at the end of one window and the start of
 * the next cannot double the rate. Memory is bounded: each key keeps at most {@code count} times,
 * and past {@code maxKeys} keys those with nothing left in the window are forgotten; when every key
 * is still live, a new key is let through unrecorded (the other limits still hold).
 *
 * <p>Threading: safe for any number of threads.
 */
public final class RateLimit {
  private final Map<String, ArrayDeque<Long>> events = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;
  private final int count;
  private final long windowNanos;
  private final int maxKeys;

  /**
   * @param nanoClock a monotonic clock in nanoseconds ({@link System#nanoTime} outside tests)
   */
  public RateLimit(LongSupplier nanoClock, int count, Duration window, int maxKeys) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1");
    }
    this.nanoClock = nanoClock;
    this.count = count;
    this.windowNanos = window.toNanos();
    this.maxKeys = maxKeys;
  }

  /**
   * Records an event for {@code key} if the window has room for it: zero; otherwise nothing is
   * recorded and the answer is how long until there is room.
   */
  public Duration take(String key) {
    long now = nanoClock.getAsLong();
    if (events.size() >= maxKeys && !events.containsKey(key)) {
      forgetIdle(now);
      if (events.size() >= maxKeys) {
        return Duration.ZERO;
      }
    }
    long[] wait = {0};
    events.compute(
        key,
        (k, times) -> {
          ArrayDeque<Long> kept = times == null ? new ArrayDeque<>() : times;
          expire(kept, now);
          if (kept.size() >= count) {
            wait[0] = Math.max(1, kept.peekFirst() + windowNanos - now);
          } else {
            kept.addLast(now);
          }
          return kept;
        });
    return Duration.ofNanos(wait[0]);
  }

  /** How long until {@code key} has room for another event; zero when it has room now. */
  public Duration waitFor(String key) {
    long now = nanoClock.getAsLong();
    long[] wait = {0};
    events.computeIfPresent(
        key,
        (k, times) -> {
          expire(times, now);
          if (times.size() >= count) {
            wait[0] = Math.max(1, times.peekFirst() + windowNanos - now);
          }
          return times.isEmpty() ? null : times;
        });
    return Duration.ofNanos(wait[0]);
  }

  private void expire(ArrayDeque<Long> times, long now) {
    while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
      times.pollFirst();
    }
  }

  private void forgetIdle(long now) {
    for (String key : events.keySet()) {
      events.computeIfPresent(
          key,
          (k, times) -> {
            expire(times, now);
            return times.isEmpty() ? null : times;
          });
    }
  }
}
