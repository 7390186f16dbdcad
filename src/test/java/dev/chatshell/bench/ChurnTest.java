package dev.chatshell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.chat.ChannelRegistry;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.ChannelStore;
import dev.chatshell.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code chatshell bench --churn}: what the options turn into, the clients a rate needs, the
 * accounts put in the server's database, and how the churn is reported.
 */
class ChurnTest {

  private static BenchCommand parse(String... args) {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static ChurnPlan churn(String... args) {
    return parse(args).plan().churn();
  }

  @Test
  void noChurnUnlessAsked() {
    assertEquals(ChurnPlan.NONE, churn());
    assertFalse(churn().active());
    assertEquals(ChurnPlan.NONE, churn("--churn", "0"));
    assertEquals(0, ChurnPlan.NONE.sessionsAtMost());
  }

  @Test
  void theRateIsSpreadOverFiveKindsWithOneLoginPerHundredChanges() {
    ChurnPlan churn = churn("--churn", "1000");
    assertEquals(new ChurnPlan(1000, 10), churn);
    assertTrue(churn.active());
    assertEquals(200, churn.perKind());
    for (ChurnKind kind : List.of(ChurnKind.JOIN, ChurnKind.PART, ChurnKind.NICK)) {
      assertEquals(200, churn.asked(kind), kind.label());
    }
    assertEquals(200, churn.asked(ChurnKind.GRANT));
    assertEquals(200, churn.asked(ChurnKind.REVOKE));
    assertEquals(10, churn.asked(ChurnKind.LOGIN));
  }

  @Test
  void loginsCanBeChosen() {
    assertEquals(new ChurnPlan(250, 0), churn("--churn", "250", "--churn-logins", "0"));
    assertEquals(new ChurnPlan(250, 2.5), churn("--churn", "250"));
    assertEquals(new ChurnPlan(10, 1.5), churn("--churn", "10", "--churn-logins", "1.5"));
  }

  @Test
  void eachClientMakesAtMostOneChangeASecond() {
    ChurnPlan churn = new ChurnPlan(1000, 10);
    // join and part: 400 a second, by turns
    assertEquals(402, churn.walkers());
    assertEquals(202, churn.renamers());
    // grant and revoke: 400 a second, one registered channel each
    assertEquals(402, churn.moderators());
    assertEquals(51, churn.targets()); // 8 channels each
    assertEquals(32, churn.loginAccounts()); // each logs in every 3 s at most
    assertEquals(402 + 202 + 402 + 51, churn.standingSessions());
    assertEquals(402 + 202 + 402 + 51 + 32, churn.sessionsAtMost());
    ChurnPlan small = new ChurnPlan(5, 0);
    assertEquals(4, small.walkers());
    assertEquals(3, small.renamers());
    assertEquals(4, small.moderators());
    assertEquals(1, small.targets());
    assertEquals(0, small.loginAccounts());
  }

  @Test
  void namesOfTheChurnsAccountsNicksAndChannels() {
    assertEquals("#churn-7", ChurnPlan.channel(7));
    assertEquals("cm7", ChurnPlan.moderator(7));
    assertEquals("ct0", ChurnPlan.target(0));
    assertEquals("cl3", ChurnPlan.loginAccount(3));
    assertEquals("cw12", ChurnPlan.walker(12));
    assertEquals("cn4", ChurnPlan.renamer(4));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--churn -1 | --churn must be from 0 to 100000",
        "--churn 100001 | --churn must be from 0 to 100000",
        "--churn 10 --churn-logins -1 | --churn-logins must be from 0 to 1000",
        "--churn-logins 3 | --churn-logins goes with --churn",
        "--churn 10 --against both | --churn is for chatshell: use --against chatshell",
        "--churn 10 --against baseline | --churn is for chatshell: use --against chatshell"
      })
  void badChurnIsRefusedNamingTheOption(String args, String message) {
    BenchCommand command = parse(args.strip().split(" "));
    ParameterException e =
        assertThrows(
            ParameterException.class,
            () -> {
              command.plan();
              command.targets();
            });
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void churnWithAServerAlreadyRunningIsRefused(@TempDir Path results) {
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine line = new CommandLine(new BenchCommand());
    line.setErr(new java.io.PrintWriter(err, true));
    assertEquals(
        2,
        line.execute("--churn", "10", "--connect", "127.0.0.1:1", "--results", results.toString()));
    assertTrue(
        err.toString().contains("--churn needs the server the bench starts"), err.toString());
  }

  @Test
  void theServerHasRoomForTheChurnsConnections() {
    BenchCommand command = parse("--sessions", "19000", "--churn", "1000");
    Map<String, String> settings = command.serverSettings(command.plan(), Path.of("w"));
    assertTrue(
        Integer.parseInt(settings.get("limits.connections")) >= 19_000 + 1089, settings.toString());
  }

  @Test
  void accountsAndRegisteredChannelsAreSeededOnceAndReused(@TempDir Path work) throws Exception {
    ChurnPlan churn = new ChurnPlan(20, 1);
    Map<String, String> settings = Map.of("data.dir", work.resolve("var").toString());
    ChurnAccounts.seed(churn, settings, work);
    Path file = work.resolve("var").resolve("chatshell.db");
    try (Database database = Database.open(null, file)) {
      new ChannelStore(database).addAdmin("#churn-0", "ct0"); // as a run that stopped granted
    }
    ChurnAccounts.seed(churn, settings, work); // the same label again: nothing is duplicated
    try (Database database = Database.open(null, file)) {
      List<String> accounts =
          new AccountStore(database).list().stream().map(AccountStore.Account::name).toList();
      assertEquals(churn.moderators() + churn.targets() + churn.loginAccounts(), accounts.size());
      AccountStore.Account moderator = new AccountStore(database).find("cm0").orElseThrow();
      assertTrue(PasswordHash.verify(ChurnPlan.PASSWORD.toCharArray(), moderator.passwordHash()));
      assertEquals(
          ChurnAccounts.HASH_ITERATIONS, PasswordHash.iterations(moderator.passwordHash()));
      List<ChannelRegistry.Registered> channels = new ChannelStore(database).load();
      assertEquals(churn.moderators(), channels.size());
      for (ChannelRegistry.Registered channel : channels) {
        int index = Integer.parseInt(channel.name().substring("#churn-".length()));
        assertEquals(ChurnPlan.moderator(index), channel.founder());
        assertEquals(Set.of(), channel.admins(), channel.name() + " starts with no kept admins");
      }
    }
  }

  @Test
  void theReportGivesEachKindsRateAndAnswerTimes() {
    Map<ChurnKind, ChurnResult.Kind> kinds = new EnumMap<>(ChurnKind.class);
    for (ChurnKind kind : ChurnKind.values()) {
      Histogram latency = new Histogram(3);
      for (int ms = 1; ms <= 100; ms++) {
        latency.recordValue(ms * 1_000_000L);
      }
      long done = kind == ChurnKind.LOGIN ? 20 : 2000;
      kinds.put(kind, new ChurnResult.Kind(kind == ChurnKind.LOGIN ? 2 : 200, done, 1, latency));
    }
    ChurnResult result = new ChurnResult(new ChurnPlan(1000, 2), 1057, 12.5, 10, kinds);
    assertEquals(200, result.perSecond(ChurnKind.JOIN));
    assertEquals(1000, result.changesPerSecond());
    List<String> lines = result.summary();
    assertEquals(
        "  churn: 1000 changes/s asked (200 each of join, part, nick, grant, revoke) and 2"
            + " logins/s; 1057 churning sessions, set up in 12.5 s",
        lines.get(0));
    assertEquals(
        "  churn answered: 1000.0 changes/s (logins apart); answer times from when each was due:",
        lines.get(1));
    assertEquals(
        "    login      2.0/s of 2, p50 50.00 ms  p99 99.02 ms  max 100.01 ms, 1 failed",
        lines.get(2));
    assertEquals(
        "    revoke   200.0/s of 200, p50 50.00 ms  p99 99.02 ms  max 100.01 ms, 1 failed",
        lines.get(7));
    Map<String, Object> fields = result.fields();
    assertEquals(1000, fields.get("churnAsked"));
    assertEquals(1000.0, fields.get("churnChangesPerSecond"));
    assertEquals(200.0, fields.get("churnGrantPerSecond"));
    assertEquals(2000L, fields.get("churnGrantAnswered"));
    assertEquals(1L, fields.get("churnNickFailed"));
    assertTrue(fields.containsKey("churnLoginP99Ms"), fields.toString());
  }

  @Test
  void aRunWithChurnWritesItInItsJson() {
    Map<ChurnKind, ChurnResult.Kind> kinds = new EnumMap<>(ChurnKind.class);
    for (ChurnKind kind : ChurnKind.values()) {
      kinds.put(kind, new ChurnResult.Kind(1, 10, 0, new Histogram(3)));
    }
    Plan plan =
        new Plan(
            10,
            1,
            Plan.Mode.CHAR,
            10,
            Duration.ofSeconds(10),
            Duration.ofSeconds(1),
            100,
            64,
            0,
            0,
            250,
            100,
            Duration.ZERO,
            Duration.ZERO,
            new ChurnPlan(5, 1));
    BenchResult result =
        new BenchResult(
            Target.CHATSHELL,
            plan,
            "now",
            10,
            0,
            1,
            10,
            100,
            900,
            900,
            new Histogram(3),
            -1,
            -1,
            List.of(),
            -1,
            -1,
            new ChurnResult(plan.churn(), 16, 1, 10, kinds));
    String json = result.json();
    assertTrue(json.contains("\n  \"churnAsked\": 5,\n"), json);
    assertTrue(json.contains("\n  \"churnJoinPerSecond\": 1,\n"), json);
    assertTrue(json.endsWith("]\n}\n"), json);
    assertTrue(
        result.summary().stream().anyMatch(line -> line.startsWith("  churn: 5 changes/s")),
        result.summary().toString());
  }
}
