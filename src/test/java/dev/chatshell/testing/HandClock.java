package dev.chatshell.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock in UTC that tests move by hand; a ticking one also moves on by a millisecond each time it
 * is read, so that everything stamped with it has a time of its own.
 */
public final class HandClock extends Clock {
  private final AtomicReference<Instant> now;
  private final Duration tick;

  private HandClock(Instant start, Duration tick) {
    this.now = new AtomicReference<>(start);
    this.tick = tick;
  }

  /** A clock that stands at {@code start} until it is moved. */
  public HandClock(Instant start) {
    this(start, Duration.ZERO);
  }

  /** A clock that moves on by a millisecond each time it is read. */
  public static HandClock ticking(Instant start) {
    return new HandClock(start, Duration.ofMillis(1));
  }

  public void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  @Override
  public Instant instant() {
    return now.getAndUpdate(t -> t.plus(tick));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
