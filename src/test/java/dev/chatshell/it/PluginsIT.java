package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.CommandTable;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.builtin.BuiltinCommands;
import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example plugin as users meet it: the real {@code target/chatshell-minigames.jar} built by
 * {@code mvn package}, dropped with a broken jar into a server's commands directory, and played
 * over real sockets. Dice and the revolver are random, so the tests check the shape and arithmetic
 * of results, never their values.
 */
class PluginsIT {
  private static final Path MINIGAMES = Path.of("target", "chatshell-minigames.jar");
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static ChatshellServer server;
  private static String startupLog;

  @BeforeAll
  static void start() throws Exception {
    assertTrue(
        Files.isRegularFile(MINIGAMES),
        MINIGAMES.toAbsolutePath()
            + " is missing: integration tests run after `mvn package` builds the example plugin");
    Path commands = Files.createTempDirectory("chatshell-plugins");
    Files.copy(MINIGAMES, commands.resolve("chatshell-minigames.jar"));
    byte[] noise = new byte[2048];
    new Random(7).nextBytes(noise);
    Files.write(commands.resolve("broken.jar"), noise);
    PrintStream stderr = System.err; // the server logs there: keep what start-up says
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      server =
          TestServer.start(
              Map.of(
                  Setting.COMMANDS_DIR, commands.toString(),
                  Setting.FLOOD_RATE, "50",
                  Setting.FLOOD_BURST, "100"));
    } finally {
      System.setErr(stderr);
      startupLog = log.toString(StandardCharsets.UTF_8);
      stderr.print(startupLog);
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Waits until {@code pattern} has matched {@code count} times in what the client received. */
  private static List<MatchResult> awaitMatches(TestClient client, Pattern pattern, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<MatchResult> found = new ArrayList<>();
      Matcher matcher = pattern.matcher(client.text());
      while (matcher.find()) {
        found.add(matcher.toMatchResult());
      }
      if (found.size() >= count) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Expected " + count + " match(es) of " + pattern + "; got:\n" + client.text());
      }
      Thread.sleep(20);
    }
  }

  private static MatchResult awaitMatch(TestClient client, Pattern pattern)
      throws InterruptedException {
    return awaitMatches(client, pattern, 1).getFirst();
  }

  /** Checks "a + b + c = total" (or a lone number for one die) against the dice thrown. */
  private static void assertDice(int count, int sides, String faces, String total) {
    String[] each = faces.split(" \\+ ");
    assertEquals(count, each.length, faces);
    int sum = 0;
    for (String face : each) {
      int value = Integer.parseInt(face);
      assertTrue(value >= 1 && value <= sides, face + " is a face of a d" + sides);
      sum += value;
    }
    assertEquals(sum, Integer.parseInt(total), faces + " = " + total);
  }

  /** What /HELP shows, up to its closing line. */
  private static String help(TestClient client) throws Exception {
    client.send("/help");
    return client.expect("Text that does not start with / goes to your current channel");
  }

  @Test
  void theRealJarIsLoadedInItsOwnClassLoaderAndTheBrokenJarIsSkipped() {
    CommandTable table = server.commands();
    assertEquals(BuiltinCommands.all().size() + 2, table.entries().size(), "built-ins + 2 games");
    CommandTable.Entry roll = table.find("ROLL");
    CommandTable.Entry roulette = table.find("roulette");
    assertNotNull(roll, "/ROLL from the minigames jar");
    assertNotNull(roulette, "/ROULETTE from the minigames jar");
    assertEquals("dev.chatshell.games.RollCommand", roll.command().getClass().getName());
    assertEquals("dev.chatshell.games.RouletteCommand", roulette.command().getClass().getName());
    assertEquals(Privilege.ANYONE, roll.spec().privilege());
    assertEquals(Privilege.MEMBER, roulette.spec().privilege());
    assertNotSame(
        CommandTable.class.getClassLoader(),
        roll.command().getClass().getClassLoader(),
        "loaded from the jar, not from the server's class path");
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("dev.chatshell.games.RollCommand"),
        "the games are not part of the server: only the plugin jar provides them");
    assertTrue(
        startupLog.contains("Skipping command plugin broken.jar: not a readable jar"), startupLog);
    assertTrue(
        startupLog.contains("Loaded 2 command(s) from plugin chatshell-minigames.jar"), startupLog);
  }

  @Test
  void helpListsRollForEveryoneAndRouletteOnlyForMembers() throws Exception {
    try (TestClient hanna = TestClient.plain(server.port())) {
      login(hanna, "hanna");
      String outside = help(hanna);
      assertTrue(outside.contains("/ROLL [NdM]"), outside);
      String rollSummary = server.commands().find("ROLL").spec().summary();
      assertTrue(outside.contains(rollSummary), outside);
      assertTrue(outside.contains("[needs a current channel]"), "members only: " + outside);
      hanna.send("/help roulette");
      hanna.expect("/ROULETTE");
      hanna.expect("Not for you here: needs a current channel.");
      hanna.send("/help roll");
      hanna.expect("/ROLL [NdM]");
      hanna.expect("(for everyone)");

      hanna.send("/join #helpful");
      hanna.expect("You created #helpful");
      String inside = help(hanna);
      assertTrue(inside.contains("/ROLL [NdM]"), inside);
      assertTrue(inside.contains("/ROULETTE"), inside);
      assertTrue(inside.contains(server.commands().find("ROULETTE").spec().summary()), inside);
      hanna.send("/help ROULETTE");
      hanna.expect("(for members of a channel)");
    }
  }

  @Test
  void aRollInAChannelIsSeenByEveryMemberAndAddsUp() throws Exception {
    try (TestClient alice = TestClient.plain(server.port());
        TestClient bob = TestClient.plain(server.port());
        TestClient carol = TestClient.plain(server.port())) {
      login(alice, "alice");
      login(bob, "bob");
      login(carol, "carol");
      bob.send("/join #dice");
      bob.expect("You created #dice");
      alice.send("/join #dice");
      alice.expect("You joined #dice");
      bob.expect("alice has joined #dice");

      alice.send("/roll 2d6");
      Pattern twoDice = Pattern.compile("-!- alice rolls 2d6: (\\d+ \\+ \\d+) = (\\d+)\n");
      MatchResult seen = awaitMatch(bob, twoDice);
      assertDice(2, 6, seen.group(1), seen.group(2));
      MatchResult own = awaitMatch(alice, twoDice);
      assertEquals(seen.group(), own.group(), "everyone sees the same roll");

      alice.send("/roll");
      MatchResult one = awaitMatch(bob, Pattern.compile("-!- alice rolls 1d6: (\\d+)\n"));
      assertDice(1, 6, one.group(1), one.group(1));
      alice.send("/ROLL d20");
      MatchResult d20 = awaitMatch(bob, Pattern.compile("-!- alice rolls 1d20: (\\d+)\n"));
      assertDice(1, 20, d20.group(1), d20.group(1));
      alice.send("/roll 20D1000");
      MatchResult many =
          awaitMatch(bob, Pattern.compile("-!- alice rolls 20d1000: ([\\d +]+) = (\\d+)\n"));
      assertDice(20, 1000, many.group(1), many.group(2));

      // Outside a channel only the player sees the roll.
      carol.send("/roll 3d4");
      MatchResult alone =
          awaitMatch(
              carol, Pattern.compile("(?m)^carol rolls 3d4: (\\d+ \\+ \\d+ \\+ \\d+) = (\\d+)\n"));
      assertDice(3, 4, alone.group(1), alone.group(2));
      assertFalse(
          carol.text().contains("-!- carol rolls"), "a private reply, not a channel notice");
      carol.send("/msg alice;bob after my roll");
      alice.expect("after my roll");
      bob.expect("after my roll");
      assertFalse(alice.text().contains("carol rolls"), alice.text());
      assertFalse(bob.text().contains("carol rolls"), bob.text());
    }
  }

  @Test
  void impossibleRollsAreErrors() throws Exception {
    try (TestClient dan = TestClient.plain(server.port())) {
      login(dan, "dan");
      dan.send("/roll 7d0");
      dan.expect("Error: Roll 1 to 20 dice of 2 to 1000 sides.");
      dan.send("/roll banana");
      dan.expect("Error: Say how many dice of how many sides, like 2d6 or d20.");
      dan.send("/roll 21d6");
      dan.expect("Error: Roll 1 to 20 dice of 2 to 1000 sides.");
      dan.send("/roll 0d6");
      dan.expect("Error: Roll 1 to 20 dice of 2 to 1000 sides.");
      dan.send("/roll 1d6 2d6");
      dan.expect("Error: Too many arguments. Usage: /ROLL [NdM]");
      dan.send("/help");
      dan.expect("Text that does not start with /");
      assertFalse(dan.text().contains("dan rolls"), dan.text());
      assertFalse(dan.text().contains("server error"), dan.text());
    }
  }

  @Test
  void rouletteOutsideAChannelIsRefusedByTheTable() throws Exception {
    try (TestClient erin = TestClient.plain(server.port())) {
      login(erin, "erin");
      erin.send("/roulette");
      erin.expect("Error: /ROULETTE needs a current channel: /JOIN one first.");
      assertFalse(erin.text().contains("pulls the trigger"), erin.text());
    }
  }

  @Test
  void rouletteEndsWithABangWithinSixPullsAndTheLoserLeaves() throws Exception {
    try (TestClient frank = TestClient.plain(server.port());
        TestClient gina = TestClient.plain(server.port())) {
      login(frank, "frank");
      login(gina, "gina");
      gina.send("/join #russian");
      gina.expect("You created #russian");
      frank.send("/join #russian");
      frank.expect("You joined #russian");
      gina.expect("frank has joined #russian");

      Pattern pull =
          Pattern.compile(
              "-!- frank pulls the trigger\\.\\.\\. (click\\. frank lives\\.|BANG! frank is out\\.)\n");
      boolean bang = false;
      int pulls = 0;
      while (!bang && pulls < 6) {
        frank.send("/roulette");
        pulls++;
        List<MatchResult> results = awaitMatches(frank, pull, pulls);
        assertEquals(pulls, results.size(), "one result per pull");
        bang = results.getLast().group(1).startsWith("BANG!");
        List<MatchResult> watched = awaitMatches(gina, pull, pulls);
        assertEquals(results.getLast().group(), watched.getLast().group(), "gina sees the pull");
      }
      assertTrue(bang, "one chamber in six is loaded: the sixth pull at the latest fires");
      for (MatchResult earlier : awaitMatches(frank, pull, pulls).subList(0, pulls - 1)) {
        assertTrue(earlier.group(1).startsWith("click."), "only the last pull fires");
      }

      gina.expect("frank has left #russian (lost at roulette)");
      frank.expect("You left #russian.");
      gina.send("/who #russian");
      gina.expect("#russian (1): ~gina");
      frank.send("/roulette");
      frank.expect("Error: /ROULETTE needs a current channel: /JOIN one first.");
      frank.send("hello?");
      frank.expect("Error: You are not in a channel");
      assertFalse(gina.text().contains("<frank> hello?"), gina.text());
    }
  }

  @Test
  void tabCompletesThePluginCommandsTheUserMayRun() throws Exception {
    try (TestClient ivy = TestClient.telnet(server.port(), "xterm", 200, 24)) {
      login(ivy, "ivy");
      ivy.type("/ro\t"); // outside a channel /ROULETTE is hidden: /ROLL is the only match
      ivy.expect("/roll "); // in the case typed
      ivy.send("2d6");
      awaitMatch(ivy, Pattern.compile("ivy rolls 2d6: \\d+ \\+ \\d+ = \\d+\n"));
      ivy.send("/join #spin");
      ivy.expect("You created #spin");
      ivy.type("/rou\t");
      ivy.expect("/roulette ");
      ivy.type("\u0015"); // Ctrl-U: nobody pulls the trigger here
      ivy.type("/help rou\t");
      ivy.expect("/help roulette ");
      ivy.send("");
      ivy.expect("(for members of"); // the line is wrapped for the terminal's 80 columns
    }
  }
}
