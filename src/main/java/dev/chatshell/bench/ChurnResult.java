package dev.chatshell.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What the churn of one run measured: per kind of change, how many were answered a second in the
 * measured window, and of those due in it, how many failed and how long the answers took.
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
   * @param answered answers that arrived in the measured window
   * @param failed of those due in the window: refused, or not answered within the timeout
   * @param latency of those due in the window: from when each was due to its answer, in nanoseconds
   */
  record Kind(double asked, long answered, long failed, Histogram latency) {
    double percentileMillis(double percentile) {
      return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / 1e6;
    }
  }

  /** Changes of {@code kind} answered per second in the measured window. */
  double perSecond(ChurnKind kind) {
    return measuredSeconds <= 0 ? 0 : kinds.get(kind).answered() / measuredSeconds;
  }

  /** Membership changes answered per second, over every kind but logins. */
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
            "  churn answered: %.1f changes/s (logins apart); answer times from when each was due:",
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
      fields.put(name + "Answered", k.answered());
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
