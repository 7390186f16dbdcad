package dev.chatshell.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one run measured, and how it is reported: a few lines for people, a JSON file for plots and
 * comparisons, and the latency histogram in HdrHistogram's percentile format (values in
 * milliseconds), which its plotter reads.
 */
record BenchResult(
    Target target,
    Plan plan,
    String startedAt,
    int sessionsHeld,
    int loginFailures,
    double rampSeconds,
    double measuredSeconds,
    long messages,
    long expected,
    long delivered,
    Histogram latency,
    long heapIdle,
    long heapWithSessions,
    List<HeapSample> heapSamples,
    double serverCores,
    double clientCores,
    ChurnResult churn,
    List<DoorResult> doors) {

  /** A run with churn, or not, and telnet members only. */
  BenchResult(
      Target target,
      Plan plan,
      String startedAt,
      int sessionsHeld,
      int loginFailures,
      double rampSeconds,
      double measuredSeconds,
      long messages,
      long expected,
      long delivered,
      Histogram latency,
      long heapIdle,
      long heapWithSessions,
      List<HeapSample> heapSamples,
      double serverCores,
      double clientCores,
      ChurnResult churn) {
    this(
        target,
        plan,
        startedAt,
        sessionsHeld,
        loginFailures,
        rampSeconds,
        measuredSeconds,
        messages,
        expected,
        delivered,
        latency,
        heapIdle,
        heapWithSessions,
        heapSamples,
        serverCores,
        clientCores,
        churn,
        List.of());
  }

  /**
   * One door's members in a run with SSH members: their ramp, the heap they added, and what they
   * received in their own slices of the sending.
   *
   * @param asked members of this door asked for
   * @param held still open at the end of measuring
   * @param rampSeconds from the first connection to the last one in its channel (for SSH: key
   *     exchange, public-key login, shell with pty, /JOIN)
   * @param rampCpuSeconds server CPU time during the ramp, or -1 when not visible (or not read)
   * @param heapBefore server live heap before this door's members came
   * @param heapAfter server live heap once they were all in and idle
   * @param seconds measured time in this door's slices
   * @param cpuSeconds server CPU time in this door's slices, or -1 when not visible
   * @param idleCores the server's CPU with every session in and nobody sending, or -1
   * @param cipher the key exchange and cipher negotiated (server to client), or "none"
   */
  record DoorResult(
      Plan.Door door,
      int asked,
      int held,
      int failures,
      double rampSeconds,
      double rampCpuSeconds,
      long heapBefore,
      long heapAfter,
      double seconds,
      long expected,
      long delivered,
      Histogram latency,
      double cpuSeconds,
      double idleCores,
      String cipher) {

    String name() {
      return door.name().toLowerCase(Locale.ROOT);
    }

    /** Members logged in (and in their channel) per second of the ramp. */
    double loginsPerSecond() {
      return rampSeconds <= 0 ? 0 : (asked - failures) / rampSeconds;
    }

    /** Server CPU per login during the ramp, in milliseconds, or -1 when not read. */
    double serverMillisPerLogin() {
      int in = asked - failures;
      return rampCpuSeconds < 0 || in <= 0 ? -1 : rampCpuSeconds * 1e3 / in;
    }

    /** Heap the door's sessions added, per session, or -1 when not visible. */
    long bytesPerSession() {
      int in = asked - failures;
      return heapBefore < 0 || heapAfter < 0 || in <= 0 ? -1 : (heapAfter - heapBefore) / in;
    }

    double deliveriesPerSecond() {
      return seconds <= 0 ? 0 : delivered / seconds;
    }

    /** Server CPU per delivery in this door's slices, in microseconds, or -1. */
    double serverMicrosPerDelivery() {
      return cpuSeconds < 0 || delivered <= 0 ? -1 : cpuSeconds * 1e6 / delivered;
    }

    /**
     * Server CPU per delivery above what the server spends with nobody sending, in microseconds, or
     * -1: at low rates the idle part (keepalives, the collector) is a good share of the figure and
     * the same for both doors, so this is the one to compare them by.
     */
    double serverMicrosPerDeliveryAboveIdle() {
      if (cpuSeconds < 0 || idleCores < 0 || delivered <= 0) {
        return -1;
      }
      return Math.max(0, cpuSeconds - idleCores * seconds) * 1e6 / delivered;
    }

    double serverCores() {
      return cpuSeconds < 0 || seconds <= 0 ? -1 : cpuSeconds / seconds;
    }

    double percentileMillis(double percentile) {
      return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / MS;
    }

    /** The report's lines for this door. */
    List<String> summary() {
      List<String> lines = new java.util.ArrayList<>();
      lines.add(
          String.format(
              Locale.ROOT,
              "  %s members: %d of %d held, %d failed; ramp %.1f s: %.0f logins/s%s%s",
              name(),
              held,
              asked,
              failures,
              rampSeconds,
              loginsPerSecond(),
              serverMillisPerLogin() < 0
                  ? ""
                  : String.format(
                      Locale.ROOT, ", server CPU %.2f ms per login", serverMillisPerLogin()),
              door == Plan.Door.SSH ? " (public key, pty; " + cipher + ")" : ""));
      if (bytesPerSession() >= 0) {
        lines.add(
            String.format(
                Locale.ROOT,
                "    server heap: %.1f → %.1f MiB: %.1f KiB per idle %s session",
                heapBefore / 1048576.0,
                heapAfter / 1048576.0,
                bytesPerSession() / 1024.0,
                name()));
      }
      if (expected > 0) {
        lines.add(
            String.format(
                Locale.ROOT,
                "    in its %.1f s of slices: %d of %d deliveries: %.0f deliveries/s; latency ms:"
                    + " p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f",
                seconds,
                delivered,
                expected,
                deliveriesPerSecond(),
                percentileMillis(50),
                percentileMillis(99),
                percentileMillis(99.9),
                latency.getMaxValue() / MS));
        if (cpuSeconds >= 0) {
          lines.add(
              String.format(
                  Locale.ROOT,
                  "    server CPU in its slices: %.2f cores, %.2f µs per delivery%s",
                  serverCores(),
                  serverMicrosPerDelivery(),
                  idleCores < 0
                      ? ""
                      : String.format(
                          Locale.ROOT,
                          " (%.2f µs above the %.2f cores it uses idle)",
                          serverMicrosPerDeliveryAboveIdle(),
                          idleCores)));
        }
      }
      return lines;
    }

    /** The door's figures for the JSON file, each name prefixed with the door. */
    java.util.Map<String, Object> fields() {
      java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
      String p = name();
      fields.put(p + "Sessions", asked);
      fields.put(p + "SessionsHeld", held);
      fields.put(p + "LoginFailures", failures);
      fields.put(p + "RampSeconds", rampSeconds);
      fields.put(p + "LoginsPerSecond", loginsPerSecond());
      fields.put(p + "ServerMillisPerLogin", serverMillisPerLogin());
      fields.put(p + "HeapBytesPerSession", bytesPerSession());
      fields.put(p + "MeasuredSeconds", seconds);
      fields.put(p + "DeliveriesExpected", expected);
      fields.put(p + "Deliveries", delivered);
      fields.put(p + "DeliveriesPerSecond", deliveriesPerSecond());
      fields.put(p + "LatencyP50Ms", percentileMillis(50));
      fields.put(p + "LatencyP99Ms", percentileMillis(99));
      fields.put(p + "LatencyP99_9Ms", percentileMillis(99.9));
      fields.put(p + "LatencyMaxMs", latency.getMaxValue() / MS);
      fields.put(p + "ServerCpuSeconds", cpuSeconds);
      fields.put(p + "ServerMicrosPerDelivery", serverMicrosPerDelivery());
      fields.put(p + "ServerMicrosPerDeliveryAboveIdle", serverMicrosPerDeliveryAboveIdle());
      fields.put(p + "ServerIdleCores", idleCores);
      fields.put(p + "Cipher", cipher);
      return fields;
    }
  }

  /**
   * SSH against telnet, when both came: the ratio of server CPU per delivery and the two p99s; null
   * otherwise.
   */
  String doorsLine() {
    if (doors.size() != 2 || doors.get(0).expected() == 0 || doors.get(1).expected() == 0) {
      return null; // nothing was sent: the heap and logins are in each door's lines
    }
    DoorResult telnet = doors.get(0);
    DoorResult ssh = doors.get(1);
    double t = telnet.serverMicrosPerDelivery();
    double h = ssh.serverMicrosPerDelivery();
    double ti = telnet.serverMicrosPerDeliveryAboveIdle();
    double hi = ssh.serverMicrosPerDeliveryAboveIdle();
    return String.format(
        Locale.ROOT,
        "  ssh/telnet: server CPU per delivery %.2f / %.2f µs = %.2f×%s; p99 %.2f ms vs %.2f ms",
        h,
        t,
        t > 0 && h >= 0 ? h / t : 0,
        ti > 0 && hi >= 0
            ? String.format(Locale.ROOT, " (above idle: %.2f / %.2f µs = %.2f×)", hi, ti, hi / ti)
            : "",
        ssh.percentileMillis(99),
        telnet.percentileMillis(99));
  }

  /** A run without churn. */
  BenchResult(
      Target target,
      Plan plan,
      String startedAt,
      int sessionsHeld,
      int loginFailures,
      double rampSeconds,
      double measuredSeconds,
      long messages,
      long expected,
      long delivered,
      Histogram latency,
      long heapIdle,
      long heapWithSessions,
      List<HeapSample> heapSamples,
      double serverCores,
      double clientCores) {
    this(
        target,
        plan,
        startedAt,
        sessionsHeld,
        loginFailures,
        rampSeconds,
        measuredSeconds,
        messages,
        expected,
        delivered,
        latency,
        heapIdle,
        heapWithSessions,
        heapSamples,
        serverCores,
        clientCores,
        null);
  }

  /** The server's live heap at a moment of the sending phase. */
  record HeapSample(double seconds, long bytes) {}

  private static final double MS = 1_000_000.0;

  double deliveriesPerSecond() {
    return measuredSeconds <= 0 ? 0 : delivered / measuredSeconds;
  }

  /** Heap per held session, in bytes, or -1 when the server's memory was not visible. */
  long bytesPerSession() {
    if (heapIdle < 0 || heapWithSessions < 0 || sessionsHeld == 0) {
      return -1;
    }
    return (heapWithSessions - heapIdle) / sessionsHeld;
  }

  /**
   * Server CPU time per delivery while sending, in microseconds, or -1 when the server's CPU was
   * not visible or nothing arrived. Unlike latency, it hardly moves when other programs share the
   * machine, so two builds can be compared on a busy one.
   */
  double serverMicrosPerDelivery() {
    double rate = deliveriesPerSecond();
    return !(serverCores >= 0) || rate <= 0 ? -1 : serverCores * 1e6 / rate;
  }

  double percentileMillis(double percentile) {
    return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile) / MS;
  }

  /** The human summary, one fact per line. */
  List<String> summary() {
    String name = target.name().toLowerCase(Locale.ROOT);
    List<String> lines = new java.util.ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%s: %d of %d sessions held (%s mode, %d channels), %d failed to log in, ramp %.1f s",
            name,
            sessionsHeld,
            plan.members(),
            plan.mode().name().toLowerCase(Locale.ROOT),
            plan.channels(),
            loginFailures,
            rampSeconds));
    if (bytesPerSession() >= 0) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  server heap: %.1f MiB idle, %.1f MiB with sessions: %.1f KiB per session",
              heapIdle / 1048576.0,
              heapWithSessions / 1048576.0,
              bytesPerSession() / 1024.0));
    }
    if (messages > 0) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  sent %d messages in %.1f s (%s), %d of %d deliveries arrived: %.0f deliveries/s",
              messages,
              measuredSeconds,
              plan.rate() == 0 ? "full speed" : plan.rate() + "/s asked",
              delivered,
              expected,
              deliveriesPerSecond()));
      lines.add(
          String.format(
              Locale.ROOT,
              "  latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f",
              percentileMillis(50),
              percentileMillis(90),
              percentileMillis(99),
              percentileMillis(99.9),
              latency.getMaxValue() / MS));
    }
    if (serverCores >= 0 && messages > 0) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  server CPU while sending: %.2f cores (the load client: %.2f), %.2f µs per"
                  + " delivery",
              serverCores,
              clientCores,
              serverMicrosPerDelivery()));
    }
    if (!heapSamples.isEmpty()) {
      HeapSample first = heapSamples.getFirst();
      HeapSample last = heapSamples.getLast();
      lines.add(
          String.format(
              Locale.ROOT,
              "  live heap while sending: %.1f MiB at %.0f s, %.1f MiB at %.0f s (%d samples)",
              first.bytes() / 1048576.0,
              first.seconds(),
              last.bytes() / 1048576.0,
              last.seconds(),
              heapSamples.size()));
    }
    if (churn != null) {
      lines.addAll(churn.summary());
    }
    for (DoorResult door : doors) {
      lines.addAll(door.summary());
    }
    String comparison = doorsLine();
    if (comparison != null) {
      lines.add(comparison);
    }
    return lines;
  }

  /** The result as one JSON object. */
  String json() {
    StringBuilder json = new StringBuilder("{\n");
    field(json, "target", target.name().toLowerCase(Locale.ROOT));
    field(json, "startedAt", startedAt);
    field(json, "mode", plan.mode().name().toLowerCase(Locale.ROOT));
    field(json, "sessions", plan.sessions());
    field(json, "channels", plan.channels());
    field(json, "rate", plan.rate());
    field(json, "messageBytes", plan.messageBytes());
    field(json, "stalled", plan.stalled());
    field(json, "flooders", plan.flooders());
    field(json, "sessionsHeld", sessionsHeld);
    field(json, "loginFailures", loginFailures);
    field(json, "rampSeconds", rampSeconds);
    field(json, "measuredSeconds", measuredSeconds);
    field(json, "messages", messages);
    field(json, "deliveriesExpected", expected);
    field(json, "deliveries", delivered);
    field(json, "deliveriesPerSecond", deliveriesPerSecond());
    field(json, "latencyCount", latency.getTotalCount());
    for (double p : new double[] {50, 90, 99, 99.9}) {
      field(json, "latencyP" + format(p).replace(".", "_") + "Ms", percentileMillis(p));
    }
    field(json, "latencyMaxMs", latency.getMaxValue() / MS);
    field(json, "heapIdleBytes", heapIdle);
    field(json, "heapWithSessionsBytes", heapWithSessions);
    field(json, "heapBytesPerSession", bytesPerSession());
    field(json, "serverCores", serverCores);
    field(json, "clientCores", clientCores);
    field(json, "serverMicrosPerDelivery", serverMicrosPerDelivery());
    if (churn != null) {
      churn.fields().forEach((name, value) -> field(json, name, value));
    }
    if (plan.sshSessions() > 0) {
      field(json, "sshSessions", plan.sshSessions());
    }
    for (DoorResult door : doors) {
      door.fields().forEach((name, value) -> field(json, name, value));
    }
    json.append("  \"heapSamples\": [");
    for (int i = 0; i < heapSamples.size(); i++) {
      HeapSample sample = heapSamples.get(i);
      json.append(i == 0 ? "" : ", ")
          .append("{\"seconds\": ")
          .append(format(sample.seconds()))
          .append(", \"bytes\": ")
          .append(sample.bytes())
          .append('}');
    }
    return json.append("]\n}\n").toString();
  }

  /**
   * Writes {@code <stem>.json} and {@code <stem>.hgrm} into {@code directory}; returns the JSON
   * file.
   */
  Path write(Path directory, String stem) throws IOException {
    Files.createDirectories(directory);
    Path json = directory.resolve(stem + ".json");
    Files.writeString(json, json());
    try (PrintStream out =
        new PrintStream(
            Files.newOutputStream(directory.resolve(stem + ".hgrm")),
            false,
            StandardCharsets.UTF_8)) {
      latency.outputPercentileDistribution(out, MS);
    }
    return json;
  }

  private static void field(StringBuilder json, String name, Object value) {
    json.append("  \"").append(name).append("\": ");
    if (value instanceof String text) {
      json.append('"');
      for (char c : text.toCharArray()) {
        if (c == '"' || c == '\\') {
          json.append('\\').append(c);
        } else if (c < 0x20) {
          json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        } else {
          json.append(c);
        }
      }
      json.append('"');
    } else if (value instanceof Double number) {
      json.append(format(number));
    } else {
      json.append(value);
    }
    json.append(",\n");
  }

  private static String format(double number) {
    if (Double.isNaN(number) || Double.isInfinite(number)) {
      return "null";
    }
    String text = String.format(Locale.ROOT, "%.3f", number);
    text = text.replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
