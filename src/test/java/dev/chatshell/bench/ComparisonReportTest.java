package dev.chatshell.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The arithmetic of an IRC comparison: per-connection memory, CPU per 1,000, medians, charts. */
class ComparisonReportTest {
  static final Plan LOAD =
      new Plan(
          1000,
          1,
          Plan.Mode.PLAIN,
          100,
          Duration.ofSeconds(30),
          Duration.ofSeconds(5),
          1000,
          64,
          0,
          0,
          250,
          20_000,
          Duration.ZERO,
          Duration.ZERO,
          ChurnPlan.NONE,
          0,
          Plan.Door.IRC);

  /** A load at {@code rate} msg/s: 999 deliveries each, all in 10 s, p99 {@code p99Millis}. */
  static BenchResult load(Target target, int rate, double p99Millis, double serverCores) {
    Histogram latency = new Histogram(3);
    for (int i = 0; i < 98; i++) {
      latency.recordValue(2_000_000);
    }
    latency.recordValue((long) (p99Millis * 1_000_000));
    latency.recordValue((long) (p99Millis * 1_000_000));
    long deliveries = rate * 999L * 10;
    return new BenchResult(
        target,
        LOAD.with(1000, 1, rate, Duration.ofSeconds(2), Duration.ofSeconds(10)),
        "2026-01-01T00:00:00Z",
        1000,
        0,
        2,
        10,
        rate * 10L,
        deliveries,
        deliveries,
        latency,
        -1,
        -1,
        List.of(),
        serverCores,
        0.5);
  }

  /**
   * 10,000 idle clients that added {@code kib} KiB each, on top of 1 MiB the server spent once with
   * the first fifth.
   */
  static ServerRound.IdleMemory idle(double kib) {
    long before = 8L << 20;
    long partial = before + (1 << 20) + (long) (kib * 1024 * 2_000);
    return new ServerRound.IdleMemory(
        10_000,
        100,
        10_000,
        0,
        12.5,
        10,
        new ServerRound.Reading(0, before, -1),
        new ServerRound.Reading(2_000, partial, -1),
        new ServerRound.Reading(10_000, partial + (long) (kib * 1024 * 8_000), -1));
  }

  static ServerRound round(Target target, int round, double kib, double cores, int best) {
    List<BenchResult> steps =
        List.of(
            load(target, 100, 10, cores),
            load(target, 200, 40, cores * 2),
            load(target, 400, 900, 1.9));
    return new ServerRound(
        target, round, idle(kib), load(target, 100, 12, cores), steps, best, false, null);
  }

  @Test
  void memoryPerIdleConnectionIsTheSlopeFromTheFifthToAll() {
    // 20 clients in, then 80: the server spent 1,000,000 bytes once, then 2,560 a client
    ServerRound.IdleMemory idle =
        new ServerRound.IdleMemory(
            100,
            10,
            80,
            20,
            1,
            10,
            new ServerRound.Reading(0, 5_000_000, 3_000_000),
            new ServerRound.Reading(16, 6_040_960, 3_100_000),
            new ServerRound.Reading(80, 6_204_800, 3_108_000));
    assertEquals(2560, idle.rssPerConnection(), 1e-9); // 163,840 bytes over the 64 between
    assertEquals(125, idle.heapPerConnection(), 1e-9); // 8,000 over 64
    assertEquals(15_060, idle.rssWholePerConnection(), 1e-9); // 1,204,800 over the 80 held
    assertEquals(1_350, idle.heapWholePerConnection(), 1e-9);
    assertEquals(2.5 * 1024, idle(2.5).rssPerConnection(), 1e-6);
    assertEquals(2.5 * 1024 + 1048576 / 10_000.0, idle(2.5).rssWholePerConnection(), 1e-6);
    assertEquals(-1, idle(3).heapPerConnection(), "a server that is not a JVM has no heap figure");
  }

  @Test
  void perClientIsUnknownWithoutBothReadingsOrWithoutNewClients() {
    ServerRound.Reading some = new ServerRound.Reading(10, 1000, 500);
    assertEquals(
        -1, ServerRound.IdleMemory.perClient(null, some, ServerRound.Reading::rss), "no fifth");
    assertEquals(
        -1,
        ServerRound.IdleMemory.perClient(
            new ServerRound.Reading(10, 10, 5), some, ServerRound.Reading::rss),
        "no client came in between");
    assertEquals(
        -1,
        ServerRound.IdleMemory.perClient(
            new ServerRound.Reading(0, -1, 5), some, ServerRound.Reading::rss),
        "RSS not visible");
    assertEquals(
        -50,
        ServerRound.IdleMemory.perClient(
            new ServerRound.Reading(0, 1000, 1000), some, ServerRound.Reading::heap),
        "a server that gave memory back in between has a negative slope, kept in its round");
  }

  @Test
  void cpuPer1000DeliveriesIsServerCpuSecondsOverDeliveriesInMilliseconds() {
    // 0.999 cores for 99,900 deliveries a second: 10 µs each, 10 ms of CPU per 1,000
    ServerRound round = round(Target.NGIRCD, 1, 2.5, 0.999, 200);
    assertEquals(10.0, round.cpuMillisPer1000(), 1e-9);
    assertEquals(199_800, round.sustainedDeliveriesPerSecond(), 1e-6);
    assertEquals(200, round.sustainedStep().plan().rate());
  }

  @Test
  void eachFigureIsTheMedianOfTheRounds() {
    ComparisonReport report =
        new ComparisonReport(
            List.of(Target.NGIRCD, Target.ERGO),
            List.of(
                round(Target.NGIRCD, 1, 2.0, 0.5, 200),
                round(Target.ERGO, 1, 25, 1.2, 100),
                round(Target.NGIRCD, 2, 3.0, 0.7, 400),
                round(Target.ERGO, 2, 27, 1.4, 200),
                round(Target.NGIRCD, 3, 9.0, 0.6, 200),
                round(Target.ERGO, 3, 26, 1.3, 100)));
    ComparisonReport.Summary ngircd = report.summaries().get(0);
    assertEquals(Target.NGIRCD, ngircd.target());
    assertEquals(3, ngircd.rounds());
    assertEquals(3.0 * 1024, ngircd.rssPerIdleConnection(), 1);
    assertEquals(0.6e6 / 99_900, ngircd.cpuMillisPer1000(), 1e-6);
    assertEquals(200, ngircd.sustainedRate());
    assertEquals(12, ngircd.p99Millis(), 0.1);
    assertEquals(100, ngircd.fixedRate());
    assertEquals(99_900, ngircd.deliveriesPerSecond(), 1e-6);
    assertNull(ngircd.error());
    assertEquals(26 * 1024, report.summaries().get(1).rssPerIdleConnection(), 1);
    assertEquals(
        Map.of(Target.NGIRCD, 3.0, Target.ERGO, 26.0).keySet(), report.memoryBars().keySet());
    String row = report.table().get(2);
    assertTrue(row.contains("| 12.00 ms (rounds: 12.0, 12.0, 12.0) |"), row);
    assertTrue(row.endsWith("200 msg/s (199,800 deliveries/s) (rounds: 200, 400, 200) |"), row);
  }

  @Test
  void medianIgnoresUnknownFigures() {
    assertEquals(2, ComparisonReport.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, ComparisonReport.median(List.of(1.0, 2.0, 3.0, 4.0)));
    assertEquals(4, ComparisonReport.median(List.of(-1.0, 4.0)));
    assertEquals(-1, ComparisonReport.median(List.of(-1.0)));
    assertEquals(-1, ComparisonReport.median(List.of()));
  }

  @Test
  void latencyCurveHasOnePointPerRateInRisingOrder() {
    ComparisonReport report =
        new ComparisonReport(
            List.of(Target.INSPIRCD), List.of(round(Target.INSPIRCD, 1, 3, 0.4, 200)));
    List<double[]> curve = report.latencyCurves().get(Target.INSPIRCD);
    assertEquals(3, curve.size(), "the fixed load at 100 msg/s and the step at 100 share a point");
    assertArrayEquals(new double[] {99_900, 11}, curve.get(0), 1.1); // median of 10 and 12 ms
    assertEquals(199_800, curve.get(1)[0], 1e-6);
    assertEquals(900, curve.get(2)[1], 1);
  }

  @Test
  void aServerThatFailedIsNamedWithItsReason() {
    ServerRound failed =
        new ServerRound(Target.ERGO, 1, null, null, List.of(), 0, false, "cannot start ergo");
    ComparisonReport report =
        new ComparisonReport(
            List.of(Target.NGIRCD, Target.ERGO),
            List.of(round(Target.NGIRCD, 1, 2, 0.5, 200), failed));
    List<String> table = report.table();
    assertTrue(
        table.get(2).startsWith("| ngircd | 1 | 2.0 KiB (whole 2.1 KiB) | 99,900 | "),
        table.get(2));
    assertTrue(table.get(3).startsWith("| ergo | 1 | – | – |"), table.get(3));
    assertTrue(table.contains("ergo: cannot start ergo"));
    assertTrue(report.json().contains("\"error\": \"cannot start ergo\""));
    assertTrue(report.json().contains("\"steps\": [{\"rate\": 100, "));
  }

  @Test
  void chartsAreWrittenAsPngFiles(@TempDir Path dir) throws Exception {
    ComparisonReport report =
        new ComparisonReport(
            List.of(Target.NGIRCD, Target.ERGO),
            List.of(round(Target.NGIRCD, 1, 2.7, 0.5, 200), round(Target.ERGO, 1, 26, 1.2, 100)));
    List<Path> files = BenchCharts.write(report, dir.resolve("charts"), "a test", 100);
    assertEquals(
        List.of(
            dir.resolve("charts").resolve(BenchCharts.LATENCY_FILE),
            dir.resolve("charts").resolve(BenchCharts.MEMORY_FILE)),
        files);
    for (Path file : files) {
      byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 8);
      assertArrayEquals(
          new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, head, file.toString());
      javax.imageio.ImageIO.read(file.toFile()); // a whole image, not just a header
    }
  }
}
