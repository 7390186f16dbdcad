package dev.chatshell.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The figures of an IRC comparison, server by server: the median over rounds of each measure, the
 * table the bench prints (Markdown, ready for BENCHMARKS.md), a JSON file, and the points its
 * charts draw. Pure arithmetic on finished rounds.
 */
final class ComparisonReport {
  private final List<Target> order;
  private final List<ServerRound> rounds;

  /**
   * @param order the servers, in the order they ran
   * @param rounds every server's rounds
   */
  ComparisonReport(List<Target> order, List<ServerRound> rounds) {
    this.order = List.copyOf(order);
    this.rounds = List.copyOf(rounds);
  }

  /**
   * One server's figures, each the median of its rounds (rounds where a figure is missing are left
   * out of that figure's median); -1 where no round has it. The memory per idle connection is the
   * settled slope ({@link ServerRound.IdleMemory#rssPerConnection}); the "whole" figures are the
   * growth over the whole idle phase per client, one-off costs included.
   */
  record Summary(
      Target target,
      int rounds,
      double rssPerIdleConnection,
      double heapPerIdleConnection,
      double rssWholePerIdleConnection,
      double heapWholePerIdleConnection,
      int fixedRate,
      double deliveriesPerSecond,
      double p50Millis,
      double p99Millis,
      double cpuMillisPer1000,
      double sustainedRate,
      double sustainedDeliveriesPerSecond,
      boolean cappedAtMax,
      String error) {}

  List<ServerRound> rounds() {
    return rounds;
  }

  List<Target> order() {
    return order;
  }

  /** The rounds of one server, in order. */
  List<ServerRound> of(Target target) {
    return rounds.stream().filter(r -> r.target() == target).toList();
  }

  /** Every server's medians, in the order they ran. */
  List<Summary> summaries() {
    List<Summary> summaries = new ArrayList<>();
    for (Target target : order) {
      List<ServerRound> mine = of(target);
      List<Double> rss = new ArrayList<>();
      List<Double> heap = new ArrayList<>();
      List<Double> rssWhole = new ArrayList<>();
      List<Double> heapWhole = new ArrayList<>();
      List<Double> rate = new ArrayList<>();
      List<Double> p50 = new ArrayList<>();
      List<Double> p99 = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      List<Double> sustained = new ArrayList<>();
      List<Double> sustainedRate = new ArrayList<>();
      int fixedRate = 0;
      boolean capped = false;
      String error = null;
      for (ServerRound round : mine) {
        if (round.error() != null) {
          error = round.error();
        }
        if (round.idle() != null) {
          rss.add(round.idle().rssPerConnection());
          heap.add(round.idle().heapPerConnection());
          rssWhole.add(round.idle().rssWholePerConnection());
          heapWhole.add(round.idle().heapWholePerConnection());
        }
        if (round.fixed() != null && round.fixed().expected() > 0) {
          fixedRate = round.fixed().plan().rate();
          rate.add(round.fixed().deliveriesPerSecond());
          p50.add(round.fixed().percentileMillis(50));
          p99.add(round.fixed().percentileMillis(99));
          cpu.add(round.cpuMillisPer1000());
        }
        if (!round.steps().isEmpty()) {
          sustainedRate.add((double) round.sustainedRate());
          sustained.add(round.sustainedDeliveriesPerSecond());
          capped |= round.cappedAtMax();
        }
      }
      summaries.add(
          new Summary(
              target,
              mine.size(),
              median(rss),
              median(heap),
              median(rssWhole),
              median(heapWhole),
              fixedRate,
              median(rate),
              median(p50),
              median(p99),
              median(cpu),
              median(sustainedRate),
              median(sustained),
              capped,
              error));
    }
    return summaries;
  }

  /** The median of the values that are known (not negative); -1 when none is. */
  static double median(List<Double> values) {
    double[] known = values.stream().mapToDouble(Double::doubleValue).filter(v -> v >= 0).toArray();
    if (known.length == 0) {
      return -1;
    }
    Arrays.sort(known);
    int middle = known.length / 2;
    return known.length % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
  }

  /**
   * The latency curve of each server for its chart: at each rate asked (the fixed rate and every
   * step), the median over rounds of the deliveries a second measured and of the p99 in
   * milliseconds, as {x, y} points in rising order.
   */
  Map<Target, List<double[]>> latencyCurves() {
    Map<Target, List<double[]>> curves = new LinkedHashMap<>();
    for (Target target : order) {
      Map<Integer, List<BenchResult>> byRate = new TreeMap<>();
      for (ServerRound round : of(target)) {
        List<BenchResult> all = new ArrayList<>(round.steps());
        if (round.fixed() != null) {
          all.add(round.fixed());
        }
        for (BenchResult step : all) {
          if (step.delivered() > 0) {
            byRate.computeIfAbsent(step.plan().rate(), r -> new ArrayList<>()).add(step);
          }
        }
      }
      List<double[]> points = new ArrayList<>();
      byRate.forEach(
          (rate, steps) ->
              points.add(
                  new double[] {
                    median(steps.stream().map(BenchResult::deliveriesPerSecond).toList()),
                    median(steps.stream().map(s -> s.percentileMillis(99)).toList())
                  }));
      if (!points.isEmpty()) {
        curves.put(target, points);
      }
    }
    return curves;
  }

  /**
   * Memory per idle connection (resident, KiB, the settled slope) of each server that has it, for
   * its chart.
   */
  Map<Target, Double> memoryBars() {
    Map<Target, Double> bars = new LinkedHashMap<>();
    for (Summary summary : summaries()) {
      if (summary.rssPerIdleConnection() >= 0) {
        bars.put(summary.target(), summary.rssPerIdleConnection() / 1024);
      }
    }
    return bars;
  }

  /** The comparison as a Markdown table, one row a server, then a line per server not measured. */
  List<String> table() {
    List<String> lines = new ArrayList<>();
    List<Summary> summaries = summaries();
    int fixedRate = summaries.stream().mapToInt(Summary::fixedRate).max().orElse(0);
    lines.add(
        "| server | rounds | RSS per idle connection (whole) | deliveries/s at "
            + fixedRate
            + " msg/s | p50 | p99 | server CPU per 1,000 deliveries | highest rate with p99 under"
            + " the limit |");
    lines.add("|---|---|---|---|---|---|---|---|");
    for (Summary s : summaries) {
      lines.add(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s | %s | %s | %s |",
              s.target().label(),
              s.rounds(),
              memoryCell(s),
              s.deliveriesPerSecond() < 0
                  ? "–"
                  : String.format(Locale.ROOT, "%,.0f", s.deliveriesPerSecond()),
              s.p50Millis() < 0 ? "–" : String.format(Locale.ROOT, "%.2f ms", s.p50Millis()),
              s.p99Millis() < 0
                  ? "–"
                  : String.format(Locale.ROOT, "%.2f ms", s.p99Millis())
                      + each(
                          s.target(),
                          r ->
                              r.fixed() == null || r.fixed().expected() == 0
                                  ? -1
                                  : r.fixed().percentileMillis(99),
                          "%.1f"),
              s.cpuMillisPer1000() < 0
                  ? "–"
                  : String.format(Locale.ROOT, "%.2f ms", s.cpuMillisPer1000()),
              s.sustainedRate() < 0
                  ? "–"
                  : String.format(
                          Locale.ROOT,
                          "%s%.0f msg/s (%,.0f deliveries/s)",
                          s.cappedAtMax() ? "≥ " : "",
                          s.sustainedRate(),
                          s.sustainedDeliveriesPerSecond())
                      + each(
                          s.target(), r -> r.steps().isEmpty() ? -1 : r.sustainedRate(), "%.0f")));
    }
    for (Summary s : summaries) {
      if (s.error() != null) {
        lines.add("");
        lines.add(s.target().label() + ": " + s.error());
      }
    }
    return lines;
  }

  /**
   * "2.7 KiB (whole 3.1 KiB)", with the live heap's two figures for a JVM: "21.6 KiB, heap 6.9 KiB
   * (whole 22.6 KiB, heap 7.0 KiB)"; "–" when unknown.
   */
  private static String memoryCell(Summary s) {
    if (s.rssPerIdleConnection() < 0 && s.rssWholePerIdleConnection() < 0) {
      return "–";
    }
    return kib(s.rssPerIdleConnection())
        + (s.heapPerIdleConnection() < 0 ? "" : ", heap " + kib(s.heapPerIdleConnection()))
        + " (whole "
        + kib(s.rssWholePerIdleConnection())
        + (s.heapWholePerIdleConnection() < 0
            ? ""
            : ", heap " + kib(s.heapWholePerIdleConnection()))
        + ")";
  }

  private static String kib(double bytes) {
    return bytes < 0 ? "–" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
  }

  /**
   * With more than one round, each round's value of a figure, so the table shows the spread behind
   * a median: " (rounds: 12, 25)"; empty with one round.
   */
  private String each(Target target, ToDoubleFunction<ServerRound> figure, String format) {
    List<ServerRound> mine = of(target);
    if (mine.size() < 2) {
      return "";
    }
    StringBuilder text = new StringBuilder(" (rounds: ");
    for (int i = 0; i < mine.size(); i++) {
      double value = figure.applyAsDouble(mine.get(i));
      text.append(i == 0 ? "" : ", ")
          .append(value < 0 ? "–" : String.format(Locale.ROOT, format, value));
    }
    return text.append(')').toString();
  }

  /** Every round's figures as one JSON document. */
  String json() {
    StringBuilder json = new StringBuilder("{\n  \"rounds\": [\n");
    for (int i = 0; i < rounds.size(); i++) {
      ServerRound r = rounds.get(i);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("target", r.target().label());
      fields.put("round", r.round());
      if (r.idle() != null) {
        fields.put("idleClients", r.idle().asked());
        fields.put("idleChannels", r.idle().channels());
        fields.put("idleHeld", r.idle().held());
        fields.put("idleRampSeconds", r.idle().rampSeconds());
        fields.put("idleSettleSeconds", r.idle().settleSeconds());
        reading(fields, "Before", r.idle().before());
        reading(fields, "Partial", r.idle().partial());
        reading(fields, "After", r.idle().after());
        // the settled slope between the partial and the last reading
        fields.put("rssBytesPerIdleConnection", r.idle().rssPerConnection());
        fields.put("heapBytesPerIdleConnection", r.idle().heapPerConnection());
        // the growth over the whole idle phase per client, one-off costs included
        fields.put("rssBytesPerIdleConnectionWhole", r.idle().rssWholePerConnection());
        fields.put("heapBytesPerIdleConnectionWhole", r.idle().heapWholePerConnection());
      }
      if (r.fixed() != null) {
        BenchResult f = r.fixed();
        fields.put("members", f.plan().sessions());
        fields.put("fixedRate", f.plan().rate());
        fields.put("fixedDeliveriesExpected", f.expected());
        fields.put("fixedDeliveries", f.delivered());
        fields.put("fixedDeliveriesPerSecond", f.deliveriesPerSecond());
        fields.put("fixedP50Ms", f.percentileMillis(50));
        fields.put("fixedP99Ms", f.percentileMillis(99));
        fields.put("fixedServerCores", f.serverCores());
        fields.put("fixedClientCores", f.clientCores());
        fields.put("serverCpuMillisPer1000Deliveries", r.cpuMillisPer1000());
      }
      fields.put("sustainedRate", r.sustainedRate());
      fields.put("sustainedDeliveriesPerSecond", r.sustainedDeliveriesPerSecond());
      fields.put("cappedAtMax", r.cappedAtMax());
      StringBuilder steps = new StringBuilder("[");
      for (int k = 0; k < r.steps().size(); k++) {
        BenchResult s = r.steps().get(k);
        steps
            .append(k == 0 ? "" : ", ")
            .append(
                String.format(
                    Locale.ROOT,
                    "{\"rate\": %d, \"deliveriesPerSecond\": %.1f, \"expected\": %d, \"delivered\":"
                        + " %d, \"p50Ms\": %.3f, \"p99Ms\": %.3f, \"serverCores\": %.3f}",
                    s.plan().rate(),
                    s.deliveriesPerSecond(),
                    s.expected(),
                    s.delivered(),
                    s.percentileMillis(50),
                    s.percentileMillis(99),
                    s.serverCores()));
      }
      fields.put("steps", new Raw(steps.append(']').toString()));
      if (r.error() != null) {
        fields.put("error", r.error());
      }
      json.append("    {");
      int n = 0;
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        json.append(n++ == 0 ? "" : ", ").append('"').append(field.getKey()).append("\": ");
        json.append(value(field.getValue()));
      }
      json.append(i + 1 < rounds.size() ? "},\n" : "}\n");
    }
    return json.append("  ]\n}\n").toString();
  }

  /** One idle-phase reading as fields: idleClientsAfter, rssAfterBytes, heapAfterBytes. */
  private static void reading(Map<String, Object> fields, String when, ServerRound.Reading r) {
    if (r != null) {
      fields.put("idleClients" + when, r.clients());
      fields.put("rss" + when + "Bytes", r.rss());
      fields.put("heap" + when + "Bytes", r.heap());
    }
  }

  /** JSON text put in as it is. */
  private record Raw(String text) {}

  private static String value(Object value) {
    if (value instanceof Raw raw) {
      return raw.text();
    }
    if (value instanceof String text) {
      StringBuilder quoted = new StringBuilder("\"");
      for (char c : text.toCharArray()) {
        if (c == '"' || c == '\\') {
          quoted.append('\\').append(c);
        } else if (c < 0x20) {
          quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          quoted.append(c);
        }
      }
      return quoted.append('"').toString();
    }
    if (value instanceof Double number) {
      return Double.isFinite(number) ? String.format(Locale.ROOT, "%.3f", number) : "null";
    }
    return String.valueOf(value);
  }
}
