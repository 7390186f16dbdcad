package dev.chatshell.transport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Lets one caller through per period: rate-limits log lines an attacker could trigger. */
public final class OncePer {
  private final long periodNanos;
  private final AtomicLong next = new AtomicLong();

  public OncePer(Duration period) {
    this.periodNanos = period.toNanos();
  }

  public boolean tryAcquire() {
    long now = System.nanoTime();
    long due = next.get();
    return now - due >= 0 && next.compareAndSet(due, now + periodNanos);
  }
}
