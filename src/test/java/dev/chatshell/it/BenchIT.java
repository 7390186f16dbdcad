package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chatshell bench} end to end: it starts real servers in child JVMs, logs sessions in,
 * sends, and reports. Only what the run did is checked (sessions held, deliveries counted, files
 * written), never how fast: the machine running the tests is not a benchmark machine.
 */
class BenchIT {

  /** Runs the bench in this JVM, as {@code chatshell bench args...} would; returns its report. */
  private static Run bench(String... args) {
    PrintStream stdout = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      String[] line = new String[args.length + 1];
      line[0] = "bench";
      System.arraycopy(args, 0, line, 1, args.length);
      code = Main.commandLine().setErr(new PrintWriter(err, true)).execute(line);
    } finally {
      System.setOut(stdout);
    }
    String report = out.toString(StandardCharsets.UTF_8);
    stdout.print(report);
    return new Run(code, report, err.toString());
  }

  private record Run(int code, String report, String errors) {
    @Override
    public String toString() {
      return "exit " + code + "\n" + report + errors;
    }
  }

  /** A number field of the bench's JSON. */
  private static long field(String json, String name) {
    Matcher m = Pattern.compile("\\n  \"" + name + "\": (-?[0-9]+)[,\\n]").matcher(json);
    assertTrue(m.find(), name + " in\n" + json);
    return Long.parseLong(m.group(1));
  }

  private static String text(String json, String name) {
    Matcher m = Pattern.compile("\\n  \"" + name + "\": \"([^\"]*)\"").matcher(json);
    assertTrue(m.find(), name + " in\n" + json);
    return m.group(1);
  }

  /** What every completed run must show: everyone in, every message to everyone else. */
  private static String assertComplete(Path json, String target, String mode) throws Exception {
    assertTrue(Files.isRegularFile(json), json + " written");
    String text = Files.readString(json);
    assertTrue(text.startsWith("{\n") && text.endsWith("}\n"), text);
    assertEquals(target, text(text, "target"));
    assertEquals(mode, text(text, "mode"));
    assertEquals(12, field(text, "sessions"));
    assertEquals(12, field(text, "sessionsHeld"), text);
    assertEquals(0, field(text, "loginFailures"), text);
    long expected = field(text, "deliveriesExpected");
    assertTrue(field(text, "messages") > 0, text);
    // 6 sessions in each channel: each message reaches the 5 others
    assertEquals(5 * field(text, "messages"), expected, text);
    assertEquals(expected, field(text, "deliveries"), text);
    assertEquals(expected, field(text, "latencyCount"), text);
    String stem = json.getFileName().toString().replace(".json", "");
    String hgrm = Files.readString(json.resolveSibling(stem + ".hgrm"));
    assertTrue(hgrm.contains("Value     Percentile"), hgrm);
    return text;
  }

  @Test
  @Timeout(120)
  void benchRunsAgainstChatshellAndTheBaseline(@TempDir Path results) throws Exception {
    Run run =
        bench(
            "--sessions",
            "12",
            "--channels",
            "2",
            "--rate",
            "20",
            "--duration",
            "2s",
            "--warmup",
            "1s",
            "--against",
            "both",
            "--results",
            results.toString(),
            "--label",
            "it");
    assertEquals(0, run.code(), run.toString());
    String chatshell = assertComplete(results.resolve("it-chatshell.json"), "chatshell", "char");
    assertTrue(field(chatshell, "heapWithSessionsBytes") > 0, chatshell);
    assertTrue(field(chatshell, "heapIdleBytes") > 0, chatshell);
    assertComplete(results.resolve("it-baseline.json"), "baseline", "char");
    assertTrue(
        run.report().contains("chatshell: 12 of 12 sessions held (char mode, 2 channels)"),
        run.toString());
    assertTrue(
        run.report().contains("baseline: 12 of 12 sessions held (char mode, 2 channels)"),
        run.toString());
    assertTrue(
        run.report().contains("  results: " + results.resolve("it-chatshell.json")),
        run.toString());
    assertTrue(run.report().contains("chatshell/baseline deliveries per second: "), run.toString());
    assertTrue(
        Files.isRegularFile(results.resolve("it-chatshell-server/chatshell-server.log")),
        "the server's output is kept");
  }

  @Test
  @Timeout(120)
  void benchRunsPlainSessions(@TempDir Path results) throws Exception {
    Run run =
        bench(
            "--sessions",
            "12",
            "--channels",
            "2",
            "--mode",
            "plain",
            "--rate",
            "20",
            "--duration",
            "2s",
            "--warmup",
            "1s",
            "--results",
            results.toString(),
            "--label",
            "plain");
    assertEquals(0, run.code(), run.toString());
    String chatshell =
        assertComplete(results.resolve("plain-chatshell.json"), "chatshell", "plain");
    assertTrue(field(chatshell, "heapWithSessionsBytes") > 0, chatshell);
    assertTrue(
        run.report().contains("chatshell: 12 of 12 sessions held (plain mode, 2 channels)"),
        run.toString());
    assertTrue(Files.notExists(results.resolve("plain-baseline.json")), "chatshell only");
    assertTrue(
        !run.report().contains("chatshell/baseline"), "no comparison without a baseline run");
  }

  @Test
  @Timeout(180)
  void ircBenchReadsIdleMemoryAtAFifthOfTheClientsAndAtAll(@TempDir Path results) throws Exception {
    Run run =
        bench(
            "--protocol",
            "irc",
            "--against",
            "chatshell",
            "--idle-clients",
            "50",
            "--idle-channels",
            "5",
            "--idle-settle",
            "0",
            "--sessions",
            "6",
            "--rate",
            "5",
            "--duration",
            "1s",
            "--warmup",
            "0",
            "--search-from",
            "0",
            "--results",
            results.toString(),
            "--label",
            "irc");
    assertEquals(0, run.code(), run.toString());
    String json = Files.readString(results.resolve("irc-irc.json"));
    for (String figure :
        new String[] {
          "\"idleClientsBefore\": 0,",
          "\"idleClientsPartial\": 10,",
          "\"idleClientsAfter\": 50,",
          "\"idleSettleSeconds\": 0.000,"
        }) {
      assertTrue(json.contains(figure), figure + " in\n" + json);
    }
    for (String reading : new String[] {"rssBeforeBytes", "rssPartialBytes", "rssAfterBytes"}) {
      Matcher m = Pattern.compile("\"" + reading + "\": ([0-9]+),").matcher(json);
      assertTrue(m.find() && Long.parseLong(m.group(1)) > 0, reading + " in\n" + json);
    }
    assertTrue(json.contains("\"rssBytesPerIdleConnectionWhole\": "), json);
    // the figures themselves are not checked: with 50 clients the resident memory is noise
    assertTrue(run.report().contains("| chatshell | 1 | "), run.toString());
  }

  @Test
  @Timeout(120)
  void benchChurnsWhileAChannelChats(@TempDir Path results) throws Exception {
    Run run =
        bench(
            "--sessions",
            "6",
            "--rate",
            "10",
            "--duration",
            "3s",
            "--warmup",
            "1s",
            "--churn",
            "10",
            "--churn-logins",
            "1",
            "--results",
            results.toString(),
            "--label",
            "churn");
    assertEquals(0, run.code(), run.toString());
    String json = Files.readString(results.resolve("churn-chatshell.json"));
    assertEquals(6, field(json, "sessionsHeld"), json);
    assertEquals(field(json, "deliveriesExpected"), field(json, "deliveries"), json);
    assertEquals(10, field(json, "churnAsked"), json);
    // 2 a second of each kind for 3 s, 1 login a second: every one made, none refused
    for (String kind : new String[] {"Join", "Part", "Nick", "Grant", "Revoke", "Login"}) {
      assertTrue(field(json, "churn" + kind + "Answered") > 0, kind + " in\n" + json);
      assertEquals(0, field(json, "churn" + kind + "Failed"), kind + " in\n" + json);
    }
    // 6 walkers, 4 renamers, 6 moderators (each with its registered channel), 1 target
    assertEquals(17, field(json, "churnSessions"), json);
    assertTrue(run.report().contains("  churn answered: "), run.toString());
  }
}
