package dev.chatshell.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing: after each failure for a key (an address, an account name from an
 * address) the next attempt must wait twice as long as the last time, from {@code first} up to
 * {@code max}; a success clears the key. A key's failures are forgotten {@link #FORGET_AFTER} after
 * its last one, so {@link #recentFailures} says whether an address has been guessing lately. Memory
 * is bounded: past {@code maxKeys} keys, forgotten failures are dropped, then those whose wait is
 * over, and new keys are not recorded until there is room.
 *
 * <p>Threading: safe for any number of threads.
 */
public final class LoginThrottle {
  /** How long after its last failure a key's failures are forgotten. */
  public static final Duration FORGET_AFTER = Duration.ofMinutes(15);

  private record Penalty(int failures, long until, long last) {}

  private final Map<String, Penalty> penalties = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;
  private final long firstNanos;
  private final long maxNanos;
  private final int maxKeys;

  /**
   * @param nanoClock a monotonic clock in nanoseconds ({@link System#nanoTime} outside tests)
   */
  public LoginThrottle(LongSupplier nanoClock, Duration first, Duration max, int maxKeys) {
    this.nanoClock = nanoClock;
    this.firstNanos = first.toNanos();
    this.maxNanos = max.toNanos();
    this.maxKeys = maxKeys;
  }

  /** The usual throttle: from 1 s to 5 min, for up to 10,000 keys. */
  public static LoginThrottle standard() {
    return standard(System::nanoTime);
  }

  /** The usual throttle on another clock: a test's hand clock. */
  public static LoginThrottle standard(LongSupplier nanoClock) {
    return new LoginThrottle(nanoClock, Duration.ofSeconds(1), Duration.ofMinutes(5), 10_000);
  }

  /** A limit of {@code count} events per {@code window} for each key, on this throttle's clock. */
  public RateLimit rateLimit(int count, Duration window) {
    return new RateLimit(nanoClock, count, window, maxKeys);
  }

  /**
   * The key for failures from one peer address: an IPv4 address, or the /64 of an IPv6 one (a host
   * usually owns a whole /64, so keying single addresses would let it rotate past the throttle).
   */
  public static String byAddress(String address) {
    if (address.indexOf(':') >= 0) {
      try {
        byte[] bytes = java.net.InetAddress.getByName(address).getAddress(); // a literal: no DNS
        if (bytes.length == 16) {
          java.util.Arrays.fill(bytes, 8, 16, (byte) 0);
          return "address:" + java.net.InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        }
      } catch (java.net.UnknownHostException e) {
        // not an address literal: keyed as it is
      }
    }
    return "address:" + address;
  }

  /** How long {@code key} must still wait before another attempt; zero when it may try now. */
  public Duration waitFor(String key) {
    Penalty penalty = penalties.get(key);
    long left = penalty == null ? 0 : penalty.until() - nanoClock.getAsLong();
    return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
  }

  /** The longest wait of any of {@code keys}. */
  public Duration waitFor(String... keys) {
    Duration longest = Duration.ZERO;
    for (String key : keys) {
      Duration wait = waitFor(key);
      if (wait.compareTo(longest) > 0) {
        longest = wait;
      }
    }
    return longest;
  }

  /** The failures of {@code key} not yet forgotten (none after {@link #FORGET_AFTER} of quiet). */
  public int recentFailures(String key) {
    Penalty penalty = penalties.get(key);
    return penalty == null || stale(penalty, nanoClock.getAsLong()) ? 0 : penalty.failures();
  }

  /** Records a failed attempt for each of {@code keys}. */
  public void failed(String... keys) {
    for (String key : keys) {
      failed(key);
    }
  }

  /** Forgets the failures of each of {@code keys} after a success. */
  public void succeeded(String... keys) {
    for (String key : keys) {
      succeeded(key);
    }
  }

  /** Records a failed attempt for {@code key}. */
  public void failed(String key) {
    if (penalties.size() >= maxKeys && !penalties.containsKey(key)) {
      long now = nanoClock.getAsLong();
      penalties.values().removeIf(p -> stale(p, now));
      if (penalties.size() >= maxKeys) {
        // Then those whose wait is over, though that forgets that some addresses were guessing.
        penalties.values().removeIf(p -> p.until() - now < 0);
      }
      if (penalties.size() >= maxKeys) {
        return; // full of live penalties: the other limits (connections, flood) still hold
      }
    }
    penalties.compute(
        key,
        (k, old) -> {
          long now = nanoClock.getAsLong();
          int failures = old == null || stale(old, now) ? 1 : old.failures() + 1;
          long delay = firstNanos << Math.min(failures - 1, 30);
          return new Penalty(failures, now + Math.min(delay, maxNanos), now);
        });
  }

  /** Forgets the failures of {@code key} after a success. */
  public void succeeded(String key) {
    penalties.remove(key);
  }

  private static boolean stale(Penalty penalty, long now) {
    return now - penalty.last() >= FORGET_AFTER.toNanos();
  }
}
