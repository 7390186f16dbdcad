package dev.chatshell.bench;

import java.util.List;

/**
 * What one server did in one round of an IRC comparison: the memory its idle clients took, the
 * fixed-rate load, and the steps of the search for its highest sustained rate.
 *
 * @param idle the idle-clients phase; null when it was not run or the server did not start
 * @param fixed the fixed-rate load (its rate, members and duration are in its plan); null when not
 *     run
 * @param steps the search's steps, in the order run (each a short fixed-rate load)
 * @param sustainedRate the highest rate (messages a second) the search found sustained; 0 if none
 * @param cappedAtMax whether the search stopped at its highest rate with the server keeping up
 * @param error why the round stopped early (the server would not start, say); null when it did not
 */
record ServerRound(
    Target target,
    int round,
    IdleMemory idle,
    BenchResult fixed,
    List<BenchResult> steps,
    int sustainedRate,
    boolean cappedAtMax,
    String error) {

  /**
   * The idle phase: {@code asked} clients registered and in their channels, nobody talking.
   *
   * @param rssBefore the server's resident memory before the first client came, in bytes; -1 when
   *     not visible
   * @param rssAfter once they were all in and had been idle for a moment
   * @param heapBefore a JVM server's live heap before (after a full GC); -1 for other servers
   * @param heapAfter a JVM server's live heap with them in
   */
  record IdleMemory(
      int asked,
      int channels,
      int held,
      int failures,
      double rampSeconds,
      long rssBefore,
      long rssAfter,
      long heapBefore,
      long heapAfter) {

    /** Resident memory the idle clients added, per client held, in bytes; -1 when unknown. */
    double rssPerConnection() {
      return rssBefore < 0 || rssAfter < 0 || held <= 0
          ? -1
          : (rssAfter - rssBefore) / (double) held;
    }

    /** Live heap they added, per client held, in bytes; -1 when unknown (not a JVM). */
    double heapPerConnection() {
      return heapBefore < 0 || heapAfter < 0 || held <= 0
          ? -1
          : (heapAfter - heapBefore) / (double) held;
    }
  }

  /**
   * Server CPU-seconds per 1,000 deliveries at the fixed rate, in milliseconds (the same number as
   * microseconds per delivery); -1 when unknown.
   */
  double cpuMillisPer1000() {
    return fixed == null ? -1 : fixed.serverMicrosPerDelivery();
  }

  /** The step run at the sustained rate, or null when none was sustained. */
  BenchResult sustainedStep() {
    BenchResult found = null;
    for (BenchResult step : steps) {
      if (step.plan().rate() == sustainedRate) {
        found = step;
      }
    }
    return found;
  }

  /** Deliveries a second measured at the sustained rate; 0 when none was sustained. */
  double sustainedDeliveriesPerSecond() {
    BenchResult step = sustainedStep();
    return step == null ? 0 : step.deliveriesPerSecond();
  }
}
