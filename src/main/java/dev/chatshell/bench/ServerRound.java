package dev.chatshell.bench;

import java.util.List;
import java.util.function.ToLongFunction;

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
   * The server's memory at one point of the idle phase, read in this order: resident memory first,
   * then a JVM's live heap (reading it makes a full GC, which may give memory back).
   *
   * @param clients idle clients connected at that point
   * @param rss resident memory in bytes; -1 when not visible
   * @param heap a JVM server's live heap after a full GC, in bytes; -1 for other servers
   */
  record Reading(int clients, long rss, long heap) {}

  /**
   * The idle phase: {@code asked} clients registered and in their channels, nobody talking, the
   * server read before the first came, once a fifth of them were in, and once all were.
   *
   * @param settleSeconds how long the server was left idle before each of the last two readings
   * @param before before the first client came
   * @param partial with a fifth of the clients in, after the settle time; null when not measured
   * @param after with them all in, after the settle time
   */
  record IdleMemory(
      int asked,
      int channels,
      int held,
      int failures,
      double rampSeconds,
      double settleSeconds,
      Reading before,
      Reading partial,
      Reading after) {

    /**
     * Resident memory per idle connection, in bytes: the slope between the fifth and the whole, so
     * that what a server spends once (a JVM's compiled code, metaspace, the first collections'
     * leftovers) is not counted per connection; -1 when unknown.
     */
    double rssPerConnection() {
      return perClient(partial, after, Reading::rss);
    }

    /** Live heap per idle connection, the same slope; -1 when unknown (not a JVM). */
    double heapPerConnection() {
      return perClient(partial, after, Reading::heap);
    }

    /**
     * Resident memory the idle clients added over the whole phase, per client held, in bytes (the
     * older figure, one-off costs included); -1 when unknown.
     */
    double rssWholePerConnection() {
      return perClient(before, after, Reading::rss);
    }

    /** Live heap they added over the whole phase, per client held; -1 when unknown. */
    double heapWholePerConnection() {
      return perClient(before, after, Reading::heap);
    }

    /**
     * What a figure grew by from {@code from} to {@code to}, per client that came in between; -1
     * when a reading is missing or no client came.
     */
    static double perClient(Reading from, Reading to, ToLongFunction<Reading> figure) {
      if (from == null || to == null) {
        return -1;
      }
      long a = figure.applyAsLong(from);
      long b = figure.applyAsLong(to);
      int clients = to.clients() - from.clients();
      return a < 0 || b < 0 || clients <= 0 ? -1 : (b - a) / (double) clients;
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
