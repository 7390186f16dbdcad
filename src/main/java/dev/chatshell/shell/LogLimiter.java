package dev.chatshell.shell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps repeated log lines of one kind from filling the operational log: whoever can make the
 * server log a line per connection could otherwise fill the disk through the log. The first line of
 * a kind is written; the next ones within the interval are only counted, and the count is written
 * once per interval ("... repeated N more times in the last 30 s"), by {@link #flush} or before the
 * next line of that kind, which is then written in full again.
 *
 * <p>Threading: safe from any thread; the lock is held only to count, never while writing.
 */
public final class LogLimiter {
  /** Kinds tracked at once; past that, lines are written as they come rather than remembered. */
  private static final int MAX_KINDS = 256;

  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Kind> kinds = new HashMap<>();

  private static final class Kind {
    final long since;
    final Consumer<String> sink;
    long held;

    Kind(long since, Consumer<String> sink) {
      this.since = since;
      this.sink = sink;
    }
  }

  private record Summary(Consumer<String> sink, String line) {}

  /**
   * @param interval how long lines of one kind are counted instead of written
   * @param nanoClock {@link System#nanoTime()}, or a hand-moved clock in tests
   */
  public LogLimiter(Duration interval, LongSupplier nanoClock) {
    this.intervalNanos = interval.toNanos();
    this.nanoClock = nanoClock;
  }

  /**
   * Writes {@code line} to {@code sink} (for example {@code log::warn}) unless a line of the same
   * {@code kind} was written less than an interval ago; then it is only counted. The kind is what
   * makes two lines "the same" (the reason, not the address); it starts the count's line.
   */
  public void log(String kind, String line, Consumer<String> sink) {
    Summary summary = null;
    boolean write;
    synchronized (this) {
      long now = nanoClock.getAsLong();
      Kind known = kinds.get(kind);
      if (known != null && now - known.since < intervalNanos) {
        known.held++;
        write = false;
      } else {
        if (known != null && known.held > 0) {
          summary = summary(kind, known, now);
        }
        if (known != null || kinds.size() < MAX_KINDS || evictExpired(now)) {
          kinds.put(kind, new Kind(now, sink));
        }
        write = true;
      }
    }
    if (summary != null) {
      summary.sink().accept(summary.line());
    }
    if (write) {
      sink.accept(line);
    }
  }

  /** Writes the counts of kinds whose interval is over; called now and then by a timer. */
  public void flush() {
    List<Summary> due = new ArrayList<>();
    synchronized (this) {
      long now = nanoClock.getAsLong();
      for (Iterator<Map.Entry<String, Kind>> it = kinds.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Kind> entry = it.next();
        Kind kind = entry.getValue();
        if (now - kind.since >= intervalNanos) {
          if (kind.held > 0) {
            due.add(summary(entry.getKey(), kind, now));
          }
          it.remove();
        }
      }
    }
    due.forEach(s -> s.sink().accept(s.line()));
  }

  /** Forgets kinds whose interval is over and nothing was held; true if room was made. */
  private boolean evictExpired(long now) {
    kinds.values().removeIf(k -> k.held == 0 && now - k.since >= intervalNanos);
    return kinds.size() < MAX_KINDS;
  }

  private static Summary summary(String kind, Kind state, long now) {
    long seconds = Math.max(1, (now - state.since) / 1_000_000_000L);
    String times = state.held == 1 ? " more time" : " more times";
    return new Summary(
        state.sink,
        kind + " ... repeated " + state.held + times + " in the last " + seconds + " s");
  }
}
