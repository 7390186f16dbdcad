package dev.chatshell.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What the churn of one run measured: per kind of change, how many a second were made (of those due
 * in the measured window and answered), how many failed, and how long the answers took.
 *
 * @param plan what was asked
 * @param sessions standing churn clients that were set up
 * @param setUpSeconds how long setting them up took
 * @param measuredSeconds the measured window
 * @param kinds per kind of change
 */
record ChurnResult(
    ChurnPlan plan,
    int sessions,
    double setUpSeconds,
    double measuredSeconds,
    Map<ChurnKind, Kind> kinds) {

  /**
   * One kind of change.
   *
   * @param asked per second
   * @param done answered, of those due in the measured window
   * @param failed refused, or not answered within the timeout
   * @param latency from when each was due to its answer, in nanoseconds
   */
  record Kind(double asked, long done, long failed, Histogram latency) {
    double percentileMillis(double percentile) {
      return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1e6;
    }
  }

  /** Changes made per second of {@code kind}. */
  double perSecond(ChurnKind kind) {
    return measuredSeconds <= 0 ? 0 : kinds.get(kind).done() / measuredSeconds;
  }

  /** Membership changes made per second, over every kind but logins. */
  double changesPerSecond() {
    double total = 0;
    for (ChurnKind kind : ChurnKind.values()) {
      if (kind != ChurnKind.LOGIN) {
        total += perSecond(kind);
      }
    }
    return total;
  }

  /** The report's lines. */
  List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "  churn: %d changes/s asked (%s each of join, part, nick, grant, revoke) and %s"
                + " logins/s; %d churning sessions, set up in %.1f s",
            plan.rate(),
            number(plan.perKind()),
            number(plan.logins()),
            sessions,
            setUpSeconds));
    lines.add(
        String.format(
            Locale.ROOT,
            "  churn made: %.1f changes/s (logins apart); answers, from when each was due:",
            changesPerSecond()));
    for (ChurnKind kind : ChurnKind.values()) {
      Kind k = kinds.get(kind);
      if (k.asked() <= 0) {
        continue;
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "    %-6s %7.1f/s of %s, p50 %.2f ms  p99 %.2f ms  max %.2f ms, %d failed",
              kind.label(),
              perSecond(kind),
              number(k.asked()),
              k.percentileMillis(50),
              k.percentileMillis(99),
              k.latency().getMaxValue() / 1e6,
              k.failed()));
    }
    return lines;
  }

  /** The fields of the run's JSON object, in order. */
  Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("churnAsked", plan.rate());
    fields.put("churnLoginsAsked", plan.logins());
    fields.put("churnSessions", sessions);
    fields.put("churnSetUpSeconds", setUpSeconds);
    fields.put("churnChangesPerSecond", changesPerSecond());
    for (ChurnKind kind : ChurnKind.values()) {
      Kind k = kinds.get(kind);
      String name = "churn" + kind.name().charAt(0) + kind.label().substring(1);
      fields.put(name + "Asked", k.asked());
      fields.put(name + "Done", k.done());
      fields.put(name + "Failed", k.failed());
      fields.put(name + "PerSecond", perSecond(kind));
      fields.put(name + "P50Ms", k.percentileMillis(50));
      fields.put(name + "P99Ms", k.percentileMillis(99));
      fields.put(name + "MaxMs", k.latency().getMaxValue() / 1e6);
    }
    return fields;
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
