package dev.chatshell.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The search for the highest message rate a server sustains: double the rate from {@code start}
 * while the server keeps up (up to {@code max}), then halve the gap between the last rate it kept
 * up with and the first it did not, {@code refinements} times. Each rate is one timed step of the
 * bench; this class only chooses the rates and remembers the answers, so it can be tested without a
 * clock.
 */
final class RateSearch {
  private final int start;
  private final int max;
  private final int refinements;
  private int low; // highest rate sustained so far; 0: none yet
  private int high; // lowest rate not sustained so far; 0: none yet
  private int refined;
  private int next;
  private final List<int[]> tried = new ArrayList<>();

  RateSearch(int start, int max, int refinements) {
    if (start <= 0 || max < start || refinements < 0) {
      throw new IllegalArgumentException("start " + start + ", max " + max);
    }
    this.start = start;
    this.max = max;
    this.refinements = refinements;
    this.next = start;
  }

  /** The rate to try next, in messages a second; 0 when the search is over. */
  int next() {
    return next;
  }

  /** What the step at {@code rate} (the one {@link #next} gave) showed. */
  void record(int rate, boolean sustained) {
    tried.add(new int[] {rate, sustained ? 1 : 0});
    if (sustained) {
      low = Math.max(low, rate);
    } else {
      high = high == 0 ? rate : Math.min(high, rate);
    }
    if (high == 0) {
      // still going up
      next = rate >= max ? 0 : Math.min(max, rate * 2);
      return;
    }
    if (refined >= refinements) {
      next = 0;
      return;
    }
    int middle = (low + high) / 2;
    if (middle <= low || middle >= high) {
      next = 0; // the gap is a single rate: nothing between to try
      return;
    }
    refined++;
    next = middle;
  }

  /** The highest rate sustained, 0 when none was (not even {@code start}'s, if it was tried). */
  int best() {
    return low;
  }

  /** Whether the search ended at {@code max} with the server still keeping up. */
  boolean cappedAtMax() {
    return high == 0 && low >= max;
  }

  /** Every rate tried, in order, with whether it was sustained (1) or not (0). */
  List<int[]> tried() {
    return List.copyOf(tried);
  }

  int start() {
    return start;
  }

  /**
   * Whether a step kept up: every member still there, (almost) every delivery arrived, and the p99
   * latency (from the time each message was due, so a server that falls behind shows) under {@code
   * p99LimitMillis}.
   */
  static boolean sustained(BenchResult step, int members, double p99LimitMillis) {
    if (step.expected() <= 0 || step.sessionsHeld() < members) {
      return false;
    }
    boolean arrived = step.delivered() >= step.expected() * 0.999;
    return arrived && step.percentileMillis(99) < p99LimitMillis;
  }
}
