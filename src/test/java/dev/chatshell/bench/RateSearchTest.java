package dev.chatshell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The rates the search for the highest sustained rate tries, and what counts as sustained. */
class RateSearchTest {

  /** Runs a search against a server that sustains exactly the rates {@code keepsUp} accepts. */
  private static List<Integer> run(RateSearch search, IntPredicate keepsUp) {
    List<Integer> tried = new ArrayList<>();
    while (search.next() > 0) {
      int rate = search.next();
      tried.add(rate);
      search.record(rate, keepsUp.test(rate));
    }
    return tried;
  }

  @Test
  void doublesUntilARateFailsThenHalvesTheGap() {
    RateSearch search = new RateSearch(50, 3200, 2);
    assertEquals(List.of(50, 100, 200, 400, 300, 250), run(search, rate -> rate <= 260));
    assertEquals(250, search.best());
    assertFalse(search.cappedAtMax());
  }

  @Test
  void stopsAtTheMaximumWhenTheServerKeepsUp() {
    RateSearch search = new RateSearch(50, 300, 2);
    assertEquals(List.of(50, 100, 200, 300), run(search, rate -> true));
    assertEquals(300, search.best());
    assertTrue(search.cappedAtMax());
  }

  @Test
  void goesBelowTheStartWhenEvenThatFails() {
    RateSearch search = new RateSearch(50, 3200, 3);
    assertEquals(List.of(50, 25, 12, 6), run(search, rate -> rate <= 10));
    assertEquals(6, search.best());
  }

  @Test
  void reportsNothingSustainedWhenNothingIs() {
    RateSearch search = new RateSearch(4, 100, 5);
    assertEquals(List.of(4, 2, 1), run(search, rate -> false));
    assertEquals(0, search.best());
  }

  @Test
  void noRefinementEndsAtTheFirstFailure() {
    RateSearch search = new RateSearch(10, 1000, 0);
    assertEquals(List.of(10, 20, 40), run(search, rate -> rate < 30));
    assertEquals(20, search.best());
  }

  @Test
  void refusesANonsensicalRange() {
    assertThrows(IllegalArgumentException.class, () -> new RateSearch(0, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> new RateSearch(20, 10, 1));
  }

  private static final Plan PLAN =
      new Plan(
          100,
          1,
          Plan.Mode.PLAIN,
          100,
          Duration.ofSeconds(10),
          Duration.ofSeconds(2),
          1000,
          64,
          0,
          0,
          250,
          20_000,
          Duration.ZERO,
          Duration.ZERO);

  private static BenchResult step(int held, long expected, long delivered, long p99Millis) {
    Histogram latency = new Histogram(3);
    for (int i = 0; i < 99; i++) {
      latency.recordValue(1_000_000);
    }
    latency.recordValue(p99Millis * 1_000_000);
    latency.recordValue(p99Millis * 1_000_000);
    return new BenchResult(
        Target.NGIRCD,
        PLAN,
        "2026-01-01T00:00:00Z",
        held,
        0,
        1,
        10,
        1000,
        expected,
        delivered,
        latency,
        -1,
        -1,
        List.of(),
        0.5,
        0.5);
  }

  @Test
  void sustainedMeansEveryoneStayedEverythingArrivedAndTheP99IsUnderTheLimit() {
    assertTrue(RateSearch.sustained(step(100, 99_000, 99_000, 50), 100, 100));
    assertFalse(RateSearch.sustained(step(100, 99_000, 99_000, 150), 100, 100), "p99 over");
    assertFalse(RateSearch.sustained(step(99, 99_000, 99_000, 50), 100, 100), "a member dropped");
    assertFalse(RateSearch.sustained(step(100, 99_000, 98_000, 50), 100, 100), "1 % lost");
    assertFalse(RateSearch.sustained(step(100, 0, 0, 1), 100, 100), "nothing sent");
  }
}
