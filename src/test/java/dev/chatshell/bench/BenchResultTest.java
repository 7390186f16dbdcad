package dev.chatshell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a run's figures are computed and reported: the summary lines, the JSON, the files. */
class BenchResultTest {
  private static final long MIB = 1024 * 1024;
  private static final long HEAP_IDLE = 10 * MIB;
  private static final long HEAP_WITH_SESSIONS = HEAP_IDLE + 90 * 30 * 1024; // 30 KiB each

  private static final Plan PLAN =
      new Plan(
          100,
          10,
          Plan.Mode.MIXED,
          50,
          Duration.ofSeconds(4),
          Duration.ofSeconds(1),
          1000,
          64,
          2,
          3,
          250,
          20_000,
          Duration.ZERO,
          Duration.ZERO);

  /** Latencies of 1, 2, ... 1000 ms. */
  private static Histogram oneToThousandMillis() {
    Histogram histogram = new Histogram(3);
    for (long ms = 1; ms <= 1000; ms++) {
      histogram.recordValue(ms * 1_000_000);
    }
    return histogram;
  }

  private static BenchResult result(Histogram latency, long heapIdle, long heapWithSessions) {
    return new BenchResult(
        Target.CHATSHELL,
        PLAN,
        "2025-01-02T03:04:05Z",
        90,
        10,
        2.5,
        4.0,
        200,
        2000,
        1800,
        latency,
        heapIdle,
        heapWithSessions,
        List.of(
            new BenchResult.HeapSample(1.0, 12_000_000), new BenchResult.HeapSample(3.0, 13 * MIB)),
        1.5,
        0.25);
  }

  private static BenchResult known() {
    return result(oneToThousandMillis(), HEAP_IDLE, HEAP_WITH_SESSIONS);
  }

  /** A result with only the fields that the line comparing two runs uses. */
  private static BenchResult deliveries(Target target, long delivered, double seconds, long ms) {
    Histogram latency = new Histogram(3);
    if (ms > 0) {
      latency.recordValue(ms * 1_000_000);
    }
    return new BenchResult(
        target, PLAN, "now", 100, 0, 1, seconds, 10, delivered, delivered, latency, -1, -1,
        List.of(), -1, -1);
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  // ---- figures ----

  @Test
  void deliveriesPerSecondIsDeliveriesOverMeasuredTime() {
    assertEquals(450.0, known().deliveriesPerSecond(), 1e-9);
    assertEquals(0.0, deliveries(Target.CHATSHELL, 500, 0, 1).deliveriesPerSecond());
  }

  @Test
  void bytesPerSessionIsTheHeapGrowthOverSessionsHeld() {
    assertEquals(30 * 1024, known().bytesPerSession());
  }

  @Test
  void bytesPerSessionIsUnknownWithoutTheServersHeap() {
    Histogram latency = oneToThousandMillis();
    assertEquals(-1, result(latency, -1, -1).bytesPerSession());
    assertEquals(-1, result(latency, HEAP_IDLE, -1).bytesPerSession());
    assertEquals(-1, result(latency, -1, HEAP_WITH_SESSIONS).bytesPerSession());
    BenchResult none =
        new BenchResult(
            Target.CHATSHELL,
            PLAN,
            "now",
            0,
            100,
            1,
            0,
            0,
            0,
            0,
            latency,
            HEAP_IDLE,
            HEAP_WITH_SESSIONS,
            List.of(),
            -1,
            -1);
    assertEquals(-1, none.bytesPerSession(), "no session held");
  }

  @Test
  void percentilesAreInMilliseconds() {
    BenchResult result = known();
    Histogram latency = result.latency();
    for (double p : new double[] {50, 90, 99, 99.9}) {
      assertEquals(latency.getValueAtPercentile(p) / 1e6, result.percentileMillis(p), 1e-9);
    }
    // HdrHistogram keeps 3 significant digits: within 0.1 %
    assertEquals(500, result.percentileMillis(50), 0.5);
    assertEquals(900, result.percentileMillis(90), 0.9);
    assertEquals(990, result.percentileMillis(99), 1.0);
    assertEquals(999, result.percentileMillis(99.9), 1.0);
    assertEquals(1, result.percentileMillis(0), 0.01);
  }

  @Test
  void percentilesOfNoLatencyAreZero() {
    assertEquals(0.0, result(new Histogram(3), -1, -1).percentileMillis(99));
  }

  // ---- summary ----

  @Test
  void summaryGivesEveryFigure() {
    BenchResult result = known();
    List<String> lines = result.summary();
    assertEquals(6, lines.size(), String.join("\n", lines));
    assertEquals(
        "chatshell: 90 of 100 sessions held (mixed mode, 10 channels), 10 failed to log in,"
            + " ramp 2.5 s",
        lines.get(0));
    assertEquals(
        "  server heap: 10.0 MiB idle, 12.6 MiB with sessions: 30.0 KiB per session", lines.get(1));
    assertEquals(
        "  sent 200 messages in 4.0 s (50/s asked), 1800 of 2000 deliveries arrived:"
            + " 450 deliveries/s",
        lines.get(2));
    assertEquals(
        "  latency ms: p50 "
            + ms(result.percentileMillis(50))
            + "  p90 "
            + ms(result.percentileMillis(90))
            + "  p99 "
            + ms(result.percentileMillis(99))
            + "  p99.9 "
            + ms(result.percentileMillis(99.9))
            + "  max "
            + ms(result.latency().getMaxValue() / 1e6),
        lines.get(3));
    assertTrue(lines.get(3).startsWith("  latency ms: p50 500."), lines.get(3));
    assertTrue(lines.get(3).contains(" max 1000."), lines.get(3));
    assertEquals(
        "  server CPU while sending: 1.50 cores (the load client: 0.25), 3333.33 µs per delivery",
        lines.get(4));
    assertEquals(
        "  live heap while sending: 11.4 MiB at 1 s, 13.0 MiB at 3 s (2 samples)", lines.get(5));
  }

  @Test
  void summaryLeavesOutWhatWasNotMeasured() {
    BenchResult holdOnly =
        new BenchResult(
            Target.BASELINE,
            PLAN,
            "now",
            100,
            0,
            0.5,
            0,
            0,
            0,
            0,
            new Histogram(3),
            -1,
            -1,
            List.of(),
            -1,
            -1);
    assertEquals(
        List.of(
            "baseline: 100 of 100 sessions held (mixed mode, 10 channels), 0 failed to log in,"
                + " ramp 0.5 s"),
        holdOnly.summary());
  }

  @Test
  void summarySaysFullSpeed() {
    Plan fullSpeed =
        new Plan(
            20,
            1,
            Plan.Mode.PLAIN,
            0,
            Duration.ofSeconds(2),
            Duration.ZERO,
            1000,
            48,
            0,
            0,
            250,
            20_000,
            Duration.ZERO,
            Duration.ZERO);
    BenchResult result =
        new BenchResult(
            Target.CHATSHELL,
            fullSpeed,
            "now",
            20,
            0,
            0.1,
            2.0,
            1000,
            19_000,
            19_000,
            oneToThousandMillis(),
            -1,
            -1,
            List.of(),
            -1,
            -1);
    List<String> lines = result.summary();
    assertEquals(3, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).contains("(plain mode, 1 channels)"), lines.get(0));
    assertEquals(
        "  sent 1000 messages in 2.0 s (full speed), 19000 of 19000 deliveries arrived:"
            + " 9500 deliveries/s",
        lines.get(1));
  }

  // ---- JSON ----

  @Test
  void jsonHasEveryField() {
    BenchResult result = known();
    String json = result.json();
    for (String field :
        List.of(
            "\"target\": \"chatshell\"",
            "\"startedAt\": \"2025-01-02T03:04:05Z\"",
            "\"mode\": \"mixed\"",
            "\"sessions\": 100",
            "\"channels\": 10",
            "\"rate\": 50",
            "\"messageBytes\": 64",
            "\"stalled\": 2",
            "\"flooders\": 3",
            "\"sessionsHeld\": 90",
            "\"loginFailures\": 10",
            "\"rampSeconds\": 2.5",
            "\"measuredSeconds\": 4",
            "\"messages\": 200",
            "\"deliveriesExpected\": 2000",
            "\"deliveries\": 1800",
            "\"deliveriesPerSecond\": 450",
            "\"latencyCount\": 1000",
            "\"heapIdleBytes\": 10485760",
            "\"heapWithSessionsBytes\": 13250560",
            "\"heapBytesPerSession\": 30720",
            "\"serverCores\": 1.5",
            "\"clientCores\": 0.25",
            "\"serverMicrosPerDelivery\": 3333.333",
            "\"heapSamples\": [{\"seconds\": 1, \"bytes\": 12000000},"
                + " {\"seconds\": 3, \"bytes\": 13631488}]")) {
      assertTrue(
          json.contains("  " + field + (field.startsWith("\"heapSamples") ? "\n" : ",\n")),
          field + " in\n" + json);
    }
    assertTrue(json.contains("  \"latencyP50Ms\": " + number(result.percentileMillis(50)) + ",\n"));
    assertTrue(json.contains("  \"latencyP90Ms\": " + number(result.percentileMillis(90)) + ",\n"));
    assertTrue(json.contains("  \"latencyP99Ms\": " + number(result.percentileMillis(99)) + ",\n"));
    assertTrue(
        json.contains("  \"latencyP99_9Ms\": " + number(result.percentileMillis(99.9)) + ",\n"),
        json);
    assertTrue(
        json.contains("  \"latencyMaxMs\": " + number(result.latency().getMaxValue() / 1e6)), json);
  }

  /** What a reader of the JSON gets back: the number to three decimals. */
  private static String number(double value) {
    return new java.math.BigDecimal(value)
        .setScale(3, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static final Pattern JSON_LINE =
      Pattern.compile("  \"[A-Za-z0-9_]+\": (-?[0-9]+(\\.[0-9]+)?|null|\"([^\"\\\\]|\\\\.)*\"),");

  @Test
  void jsonIsOneObjectOfFieldsPerLine() {
    assertWellFormed(known().json());
    assertWellFormed(deliveries(Target.BASELINE, 0, 0, 0).json());
  }

  private static void assertWellFormed(String json) {
    assertTrue(json.startsWith("{\n"), json);
    assertTrue(json.endsWith("]\n}\n"), json);
    List<String> lines = json.lines().toList();
    assertEquals("{", lines.getFirst());
    assertEquals("}", lines.getLast());
    List<String> fields = lines.subList(1, lines.size() - 2);
    assertEquals(29, fields.size(), json);
    for (String line : fields) {
      assertTrue(JSON_LINE.matcher(line).matches(), line);
    }
    assertTrue(
        lines.get(lines.size() - 2).matches("  \"heapSamples\": \\[(\\{[^}]*\\}(, )?)*\\]"),
        lines.get(lines.size() - 2));
  }

  @Test
  void jsonEscapesTextAndWritesNullForNotANumber() {
    BenchResult odd =
        new BenchResult(
            Target.BASELINE,
            PLAN,
            "a\"b\\c\nd",
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            new Histogram(3),
            -1,
            -1,
            List.of(),
            Double.NaN,
            Double.NaN);
    String json = odd.json();
    assertTrue(json.contains("  \"startedAt\": \"a\\\"b\\\\c\\u000ad\",\n"), json);
    assertTrue(json.contains("  \"serverCores\": null,\n"), json);
    assertTrue(json.contains("  \"serverMicrosPerDelivery\": -1,\n"), json);
    assertTrue(json.contains("  \"target\": \"baseline\",\n"), json);
    assertTrue(json.contains("  \"heapBytesPerSession\": -1,\n"), json);
    assertTrue(json.contains("  \"latencyP99Ms\": 0,\n"), json);
    assertTrue(json.contains("  \"heapSamples\": []\n"), json);
    assertWellFormed(json);
  }

  // ---- files ----

  @Test
  void writeCreatesTheJsonAndTheHistogram(@TempDir Path dir) throws Exception {
    BenchResult result = known();
    Path results = dir.resolve("bench-results/nested");
    Path json = result.write(results, "run-chatshell");
    assertEquals(results.resolve("run-chatshell.json"), json);
    assertEquals(result.json(), Files.readString(json));
    String hgrm = Files.readString(results.resolve("run-chatshell.hgrm"));
    assertTrue(hgrm.contains("Value     Percentile"), hgrm);
    assertTrue(hgrm.contains("Total count    =         1000"), hgrm);
    // values in milliseconds: the mean of 1..1000 ms is 500.5 ms
    assertTrue(hgrm.contains("#[Mean    =      500.5"), hgrm);
    assertFalse(hgrm.contains("500500"), "not in nanoseconds");
  }

  @Test
  void writeReplacesAnEarlierRun(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("again.json"), "x".repeat(10_000));
    known().write(dir, "again");
    assertEquals(known().json(), Files.readString(dir.resolve("again.json")));
  }

  // ---- comparison ----

  @Test
  void ratioLineGivesThePercentage() {
    BenchResult chatshell = deliveries(Target.CHATSHELL, 1800, 4.0, 5);
    BenchResult baseline = deliveries(Target.BASELINE, 3000, 4.0, 2);
    assertEquals(
        "chatshell/baseline deliveries per second: 450 / 750 = 60 %; p99 "
            + ms(chatshell.percentileMillis(99))
            + " ms vs "
            + ms(baseline.percentileMillis(99))
            + " ms",
        BenchCommand.ratioLine(chatshell, baseline));
    assertTrue(BenchCommand.ratioLine(chatshell, baseline).endsWith("p99 5.00 ms vs 2.00 ms"));
  }

  @Test
  void ratioLineAgainstABaselineThatDeliveredNothing() {
    BenchResult chatshell = deliveries(Target.CHATSHELL, 1800, 4.0, 5);
    BenchResult baseline = deliveries(Target.BASELINE, 0, 4.0, 0);
    assertTrue(
        BenchCommand.ratioLine(chatshell, baseline)
            .startsWith(
                "chatshell/baseline deliveries per second: 450 / 0 = 0 %; p99 5.00 ms vs"
                    + " 0.00 ms"),
        BenchCommand.ratioLine(chatshell, baseline));
  }
}
