package dev.chatshell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code chatshell bench}'s command line: what it turns into, and what it refuses. */
class BenchCommandTest {

  /** A bench command with {@code args} parsed into it, as picocli does before calling it. */
  private static BenchCommand parse(String... args) {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static Plan plan(String... args) {
    return parse(args).plan();
  }

  /** The error {@code plan()} or {@code targets()} gives for {@code args}. */
  private static String refused(String... args) {
    BenchCommand command = parse(args);
    ParameterException e =
        assertThrows(
            ParameterException.class,
            () -> {
              command.plan();
              command.targets();
            });
    return e.getMessage();
  }

  @Test
  void defaults() {
    Plan plan = plan();
    assertEquals(100, plan.sessions());
    assertEquals(1, plan.channels());
    assertEquals(Plan.Mode.CHAR, plan.mode());
    assertEquals(10, plan.rate());
    assertEquals(Duration.ofSeconds(30), plan.duration());
    assertEquals(Duration.ofSeconds(5), plan.warmup());
    assertEquals(1000, plan.rampRate());
    assertEquals(64, plan.messageBytes());
    assertEquals(0, plan.stalled());
    assertEquals(0, plan.flooders());
    assertEquals(250, plan.sourceAddresses());
    assertEquals(20_000, plan.window());
    assertEquals(Duration.ZERO, plan.heapEvery());
    assertEquals(Duration.ZERO, plan.hold());
    assertEquals(300, plan.plannedMessages());
    assertEquals(List.of(Target.CHATSHELL), parse().targets());
  }

  @Test
  void everyOptionReachesThePlan() {
    Plan plan =
        plan(
            "--sessions",
            "40",
            "--channels",
            "4",
            "--mode",
            "MIXED",
            "--rate",
            "25",
            "--duration",
            "3",
            "--warmup",
            "2s",
            "--ramp-rate",
            "77",
            "--message-bytes",
            "100",
            "--stalled",
            "2",
            "--flooders",
            "3",
            "--source-addresses",
            "9",
            "--window",
            "500",
            "--heap-every",
            "250ms",
            "--hold",
            "1m");
    assertEquals(
        new Plan(
            40,
            4,
            Plan.Mode.MIXED,
            25,
            Duration.ofSeconds(3),
            Duration.ofSeconds(2),
            77,
            100,
            2,
            3,
            9,
            500,
            Duration.ofMillis(250),
            Duration.ofMinutes(1)),
        plan);
    assertEquals(75, plan.plannedMessages());
  }

  @Test
  void modesAreCaseInsensitive() {
    assertEquals(Plan.Mode.PLAIN, plan("--mode", "plain").mode());
    assertEquals(Plan.Mode.CHAR, plan("--mode", "Char").mode());
    assertEquals(Plan.Mode.MIXED, plan("--mode", "mixed").mode());
  }

  @Test
  void rateMaxMeansFullSpeed() {
    Plan plan = plan("--rate", "max");
    assertEquals(0, plan.rate());
    assertEquals(-1, plan.plannedMessages());
    assertEquals(0, plan("--rate", "MAX").rate());
  }

  @ParameterizedTest
  @CsvSource({
    "90, PT1M30S",
    "90s, PT1M30S",
    "500ms, PT0.5S",
    "10m, PT10M",
    "1h, PT1H",
    "0, PT0S",
    "' 7s ', PT7S"
  })
  void durations(String text, String expected) {
    assertEquals(Duration.parse(expected), plan("--duration", text).duration());
    assertEquals(Duration.parse(expected), parse().duration("--warmup", text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--rate abc | --rate must be a whole number or 'max', not 'abc'",
        "--rate 0 | --rate must be at least 1, not 0",
        "--rate -5 | --rate must be at least 1, not -5",
        "--mode foo | --mode must be plain, char or mixed, not 'foo'",
        "--duration 5x | --duration must be a time such as 90, 90s, 500ms or 10m, not '5x'",
        "--warmup soon | --warmup must be a time such as 90, 90s, 500ms or 10m, not 'soon'",
        "--heap-every 1d | --heap-every must be a time",
        "--hold -1 | --hold must be a time",
        "--channels 5 --sessions 2 | --channels cannot be more than --sessions (2)",
        "--sessions 0 | --sessions must be at least 1, not 0",
        "--channels 0 | --channels must be at least 1, not 0",
        "--ramp-rate 0 | --ramp-rate must be at least 1, not 0",
        "--window 0 | --window must be at least 1, not 0",
        "--source-addresses 0 | --source-addresses must be at least 1, not 0",
        "--source-addresses 62501 | --source-addresses is at most 62500",
        "--message-bytes 10 | --message-bytes must be from 48",
        "--message-bytes 4001 | --message-bytes must be from 48",
        "--stalled -1 | --stalled and --flooders cannot be negative",
        "--flooders -2 | --stalled and --flooders cannot be negative",
        "--against nope | --against must be chatshell, baseline or both, not 'nope'"
      })
  void badValuesAreRefusedNamingTheOption(String args, String message) {
    String error = refused(args.strip().split(" "));
    assertTrue(error.startsWith(message), error);
  }

  @Test
  void limitsOfMessageBytesAreAccepted() {
    assertEquals(48, plan("--message-bytes", "48").messageBytes());
    assertEquals(4000, plan("--message-bytes", "4000").messageBytes());
    assertEquals(62_500, plan("--source-addresses", "62500").sourceAddresses());
    assertEquals(3, plan("--sessions", "3", "--channels", "3").channels());
  }

  @Test
  void refusalsAreUsageErrorsOnTheCommandLine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    assertEquals(2, line.execute("bench", "--rate", "abc"));
    assertTrue(err.toString().contains("--rate must be a whole number"), err.toString());
  }

  @Test
  void aServerThatCannotBeReachedIsExitOneWithTheReason(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path results) throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort(); // free again once closed: nobody listens there
    }
    StringWriter err = new StringWriter();
    CommandLine line = Main.commandLine();
    line.setErr(new PrintWriter(err, true));
    assertEquals(
        1,
        line.execute("bench", "--connect", "127.0.0.1:" + closed, "--results", results.toString()));
    assertTrue(err.toString().contains("cannot reach"), err.toString());
  }

  @Test
  void helpListsTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine line = Main.commandLine();
    line.setOut(new PrintWriter(out, true));
    assertEquals(0, line.execute("bench", "--help"));
    for (String option :
        List.of("--sessions", "--channels", "--mode", "--rate", "--against", "--results")) {
      assertTrue(out.toString().contains(option), out.toString());
    }
  }

  @Test
  void targets() {
    assertEquals(List.of(Target.CHATSHELL), parse("--against", "chatshell").targets());
    assertEquals(List.of(Target.BASELINE), parse("--against", "baseline").targets());
    assertEquals(List.of(Target.CHATSHELL, Target.BASELINE), parse("--against", "BOTH").targets());
  }

  @Test
  void serverSettingsAreLocalQuietAndSizedForTheLoad() {
    BenchCommand command = parse("--sessions", "30000", "--stalled", "400", "--flooders", "50");
    Path work = Path.of("results", "run-chatshell-server");
    Map<String, String> settings = command.serverSettings(command.plan(), work);
    assertEquals("127.0.0.1", settings.get("bind"));
    assertEquals("false", settings.get("console"));
    assertEquals(work.resolve("var").toAbsolutePath().toString(), settings.get("data.dir"));
    assertEquals(
        work.resolve("commands").toAbsolutePath().toString(), settings.get("commands.dir"));
    assertEquals(work.resolve("motd.txt").toAbsolutePath().toString(), settings.get("motd.file"));
    int connections = Integer.parseInt(settings.get("limits.connections"));
    assertTrue(connections >= 30_000 + 400 + 50, "limits.connections " + connections);
    assertEquals("1000000", settings.get("limits.connections-per-address"));
  }

  @Test
  void smallLoadsStillGetRoomForConnections() {
    BenchCommand command = parse("--sessions", "12", "--stalled", "1", "--flooders", "1");
    Map<String, String> settings = command.serverSettings(command.plan(), Path.of("w"));
    assertTrue(Integer.parseInt(settings.get("limits.connections")) >= 14, settings.toString());
  }

  @Test
  void serverSettingOptionsOverrideAndAdd() {
    BenchCommand command =
        parse(
            "--server-setting",
            "limits.connections=5",
            "--server-setting",
            "shell.history=0",
            "--server-setting",
            "console=true");
    Map<String, String> settings = command.serverSettings(command.plan(), Path.of("w"));
    assertEquals("5", settings.get("limits.connections"));
    assertEquals("0", settings.get("shell.history"));
    assertEquals("true", settings.get("console"));
    assertEquals("127.0.0.1", settings.get("bind"));
  }

  @Test
  void channelsAreRoundRobin() {
    Plan plan = plan("--sessions", "10", "--channels", "3");
    assertEquals("#bench-0", plan.channelOf(0));
    assertEquals("#bench-1", plan.channelOf(1));
    assertEquals("#bench-2", plan.channelOf(2));
    assertEquals("#bench-0", plan.channelOf(3));
    assertEquals("#bench-1", plan.channelOf(7));
    assertEquals("#bench-0", plan("--sessions", "10").channelOf(9));
  }

  @Test
  void modeSaysWhichSessionsAreCharacterMode() {
    for (int i = 0; i < 4; i++) {
      assertTrue(Plan.Mode.CHAR.character(i), "char " + i);
      assertFalse(Plan.Mode.PLAIN.character(i), "plain " + i);
    }
    assertFalse(Plan.Mode.MIXED.character(0));
    assertTrue(Plan.Mode.MIXED.character(1));
    assertFalse(Plan.Mode.MIXED.character(2));
    assertTrue(Plan.Mode.MIXED.character(3));
  }
}
