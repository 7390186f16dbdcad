package dev.chatshell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTableTest {

  @SlashCommand(
      name = "ECHO",
      usage = "<word> [more]",
      summary = "say it back",
      privilege = Privilege.ANYONE,
      completes = {Completion.NICK, Completion.CHANNEL})
  static final class EchoCommand implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {
      arguments.required(0, "word");
      context.reply("echo: " + arguments.rest(0));
    }
  }

  /** Counts its runs, so a test can see whether the table let it run at all. */
  abstract static class Probe implements ChatCommand {
    int runs;

    @Override
    public void run(CommandContext context, Arguments arguments) {
      runs++;
    }
  }

  @SlashCommand(name = "MEMBERONLY", summary = "members only", privilege = Privilege.MEMBER)
  static final class MemberProbe extends Probe {}

  @SlashCommand(name = "ADMINONLY", summary = "admins only", privilege = Privilege.SECONDARY_ADMIN)
  static final class AdminProbe extends Probe {}

  @SlashCommand(name = "OWNERONLY", summary = "main admin only", privilege = Privilege.MAIN_ADMIN)
  static final class OwnerProbe extends Probe {}

  @SlashCommand(
      name = "OPERONLY",
      summary = "operators only",
      privilege = Privilege.SERVER_OPERATOR)
  static final class OperProbe extends Probe {}

  @SlashCommand(name = "NOPE", summary = "always refuses", privilege = Privilege.ANYONE)
  static final class RefusingCommand implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {
      throw new ChatException("Not today; try tomorrow.");
    }
  }

  @SlashCommand(name = "BOOM", summary = "has a bug", privilege = Privilege.ANYONE)
  static final class BuggyCommand implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {
      throw new IllegalStateException("bug in BOOM");
    }
  }

  static final class UndeclaredCommand implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {}
  }

  @SlashCommand(name = "ECHO", summary = "another echo", privilege = Privilege.ANYONE)
  static final class SecondEchoCommand implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {}
  }

  @SlashCommand(name = "echo", summary = "lower case", privilege = Privilege.ANYONE)
  static final class LowerCaseName implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {}
  }

  @SlashCommand(name = "ABCDEFGHIJKLMNOPQ", summary = "17 letters", privilege = Privilege.ANYONE)
  static final class TooLongName implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {}
  }

  @SlashCommand(name = "9LIVES", summary = "starts with a digit", privilege = Privilege.ANYONE)
  static final class DigitFirstName implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {}
  }

  @SlashCommand(name = "/SLASH", summary = "has its slash", privilege = Privilege.ANYONE)
  static final class SlashInName implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {}
  }

  @SlashCommand(name = "", summary = "no name", privilege = Privilege.ANYONE)
  static final class EmptyName implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {}
  }

  @SlashCommand(name = "ABCDEFGHIJKLMNOP", summary = "16 letters", privilege = Privilege.ANYONE)
  static final class LongestName implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {}
  }

  @SlashCommand(name = "QUIET", summary = " ", privilege = Privilege.ANYONE)
  static final class BlankSummary implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {}
  }

  private final MemberProbe memberProbe = new MemberProbe();
  private final AdminProbe adminProbe = new AdminProbe();
  private final OwnerProbe ownerProbe = new OwnerProbe();
  private final OperProbe operProbe = new OperProbe();
  private final CommandTable table =
      new CommandTable(
          List.of(
              new EchoCommand(),
              memberProbe,
              adminProbe,
              ownerProbe,
              operProbe,
              new RefusingCommand(),
              new BuggyCommand()));
  private final ChatServer server = ChatTestSupport.server(Clock.systemUTC(), 50);

  private FakeContext user(String nick) {
    return new FakeContext(server, table, nick);
  }

  @Test
  void listsEntriesByName() {
    assertEquals(
        List.of("ADMINONLY", "BOOM", "ECHO", "MEMBERONLY", "NOPE", "OPERONLY", "OWNERONLY"),
        table.entries().stream().map(CommandTable.Entry::name).toList());
    assertThrows(UnsupportedOperationException.class, () -> table.entries().clear());
  }

  @Test
  void refusesTwoCommandsWithOneName() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CommandTable(List.of(new EchoCommand(), new SecondEchoCommand())));

    String message = thrown.getMessage();
    assertTrue(message.contains("/ECHO"), message);
    assertTrue(message.contains(EchoCommand.class.getName()), message);
    assertTrue(message.contains(SecondEchoCommand.class.getName()), message);
  }

  @Test
  void refusesACommandWithoutDeclaration() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CommandTable(List.of(new UndeclaredCommand())));

    assertTrue(thrown.getMessage().contains("@SlashCommand"), thrown.getMessage());
  }

  @Test
  void refusesALambdaCommandWhichCannotBeDeclared() {
    ChatCommand lambda = (context, arguments) -> {};

    assertThrows(IllegalArgumentException.class, () -> new CommandTable(List.of(lambda)));
  }

  static Stream<ChatCommand> badlyNamed() {
    return Stream.of(
        new LowerCaseName(),
        new TooLongName(),
        new DigitFirstName(),
        new SlashInName(),
        new EmptyName());
  }

  @ParameterizedTest
  @MethodSource("badlyNamed")
  void refusesInvalidNames(ChatCommand command) {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> CommandTable.entryFor(command));

    assertTrue(thrown.getMessage().contains("upper-case"), thrown.getMessage());
  }

  @Test
  void acceptsSixteenCharacterNames() {
    assertEquals("ABCDEFGHIJKLMNOP", CommandTable.entryFor(new LongestName()).name());
  }

  @Test
  void refusesABlankSummary() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class, () -> CommandTable.entryFor(new BlankSummary()));

    assertTrue(thrown.getMessage().contains("summary"), thrown.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ECHO", "echo", "Echo", "/echo", "/ECHO", "/eChO"})
  void findsCommandsInAnyCaseWithOrWithoutSlash(String typed) {
    CommandTable.Entry entry = table.find(typed);

    assertEquals("ECHO", entry.name());
    assertSame(table.find("ECHO"), entry);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/", "ECH", "ECHOO", "//echo", " echo"})
  void findsNothingForOtherNames(String typed) {
    assertNull(table.find(typed));
  }

  @Test
  void synopsisIsSlashNameAndUsage() {
    assertEquals("/ECHO <word> [more]", table.find("ECHO").synopsis());
    assertEquals("/MEMBERONLY", table.find("MEMBERONLY").synopsis());
  }

  @Test
  void completionRepeatsTheLastDeclaredKind() {
    CommandTable.Entry echo = table.find("ECHO");

    assertEquals(Completion.NICK, echo.completes(0));
    assertEquals(Completion.CHANNEL, echo.completes(1));
    assertEquals(Completion.CHANNEL, echo.completes(7));
    assertEquals(Completion.NONE, table.find("MEMBERONLY").completes(0));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ANYONE          | BOOM ECHO NOPE",
        "MEMBER          | BOOM ECHO MEMBERONLY NOPE",
        "SECONDARY_ADMIN | ADMINONLY BOOM ECHO MEMBERONLY NOPE",
        "MAIN_ADMIN      | ADMINONLY BOOM ECHO MEMBERONLY NOPE OWNERONLY",
        "SERVER_OPERATOR | ADMINONLY BOOM ECHO MEMBERONLY NOPE OPERONLY OWNERONLY",
      })
  void visibleToShowsOnlyWhatThePrivilegeCovers(Privilege privilege, String names) {
    assertEquals(
        List.of(names.split(" ")),
        table.visibleTo(privilege).stream().map(CommandTable.Entry::name).toList());
  }

  @Test
  void executeRunsTheCommandWithTheRestOfTheLine() {
    FakeContext alice = user("alice").run("/echo   hello  world ");

    assertEquals(List.of("echo: hello  world"), alice.replies());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void executeAcceptsALineWithoutTheSlash() {
    FakeContext alice = user("alice").run("ECHO hi");

    assertEquals(List.of("echo: hi"), alice.replies());
  }

  @Test
  void anUnknownCommandIsOneErrorPointingToHelp() {
    FakeContext alice = user("alice").run("/frobnicate now");

    assertEquals(
        List.of("Unknown command /frobnicate; type /HELP for the commands you can use."),
        alice.errors());
    assertEquals(List.of(), alice.replies());
  }

  @Test
  void anUnknownCommandNameIsShownSafely() {
    FakeContext alice = user("alice").run("/\u001b[2J");

    assertEquals(1, alice.errors().size());
    assertTrue(alice.errors().get(0).startsWith("Unknown command /^[[2J;"), alice.errors().get(0));
  }

  @Test
  void aMemberCommandIsRefusedBeforeItRunsWhenTheUserIsInNoChannel() {
    FakeContext alice = user("alice").run("/MEMBERONLY");

    assertEquals(0, memberProbe.runs);
    assertEquals(List.of("/MEMBERONLY needs a current channel: /JOIN one first."), alice.errors());
  }

  @Test
  void anAdminCommandIsRefusedBeforeItRunsForAUserInNoChannel() {
    FakeContext alice = user("alice").run("/adminonly");

    assertEquals(0, adminProbe.runs);
    assertEquals(
        List.of("/ADMINONLY is for admins of the current channel; you are in no channel."),
        alice.errors());
  }

  @Test
  void aMainAdminCommandIsRefusedBeforeItRunsForAMember() {
    FakeContext alice = user("alice");
    FakeContext bob = user("bob");
    server.join(alice.user(), "#a");
    server.join(bob.user(), "#a");

    bob.run("/OWNERONLY").run("/ADMINONLY");

    assertEquals(0, ownerProbe.runs);
    assertEquals(0, adminProbe.runs);
    assertEquals(
        List.of(
            "/OWNERONLY is for the main admin of the current channel; you are not.",
            "/ADMINONLY is for admins of the current channel; you are not."),
        bob.errors());
  }

  @Test
  void commandsWithinThePrivilegeRun() {
    FakeContext alice = user("alice");
    server.join(alice.user(), "#a");

    alice.run("/MEMBERONLY").run("/ADMINONLY").run("/OWNERONLY").run("/OPERONLY");

    assertEquals(1, memberProbe.runs);
    assertEquals(1, adminProbe.runs);
    assertEquals(1, ownerProbe.runs);
    assertEquals(0, operProbe.runs);
    assertEquals(List.of("/OPERONLY is for server operators; you are not."), alice.errors());
  }

  @Test
  void aServerOperatorInAChannelMayRunEverything() {
    FakeContext root = user("root").actingAs(Privilege.SERVER_OPERATOR);
    server.join(root.user(), "#anywhere");

    root.run("/OPERONLY").run("/OWNERONLY").run("/ADMINONLY").run("/MEMBERONLY");

    assertEquals(List.of(), root.errors());
    assertEquals(1, operProbe.runs);
    assertEquals(1, ownerProbe.runs);
    assertEquals(1, adminProbe.runs);
    assertEquals(1, memberProbe.runs);
  }

  @Test
  void channelCommandsNeedAChannelEvenForAServerOperator() {
    FakeContext root = user("root").actingAs(Privilege.SERVER_OPERATOR);

    root.run("/OPERONLY").run("/MEMBERONLY").run("/OWNERONLY");

    assertEquals(1, operProbe.runs, "operator commands need no channel");
    assertEquals(0, memberProbe.runs);
    assertEquals(0, ownerProbe.runs);
    assertEquals(
        List.of(
            "/MEMBERONLY needs a current channel: /JOIN one first.",
            "/OWNERONLY needs a current channel: /JOIN one first."),
        root.errors());
    assertEquals(
        List.of("OPERONLY"),
        table.visibleTo(Privilege.SERVER_OPERATOR, false).stream()
            .map(CommandTable.Entry::name)
            .filter(n -> n.endsWith("ONLY"))
            .toList(),
        "and /HELP does not offer them");
  }

  @Test
  void aUsageExceptionBecomesAnErrorWithTheUsageLine() {
    FakeContext alice = user("alice").run("/ECHO");

    assertEquals(List.of("Missing word. Usage: /ECHO <word> [more]"), alice.errors());
    assertEquals(List.of(), alice.replies());
  }

  @Test
  void aChatExceptionBecomesItsMessage() {
    FakeContext alice = user("alice").run("/NOPE");

    assertEquals(List.of("Not today; try tomorrow."), alice.errors());
  }

  @Test
  void aBugBecomesAGenericErrorAndTheTableKeepsWorking() {
    FakeContext alice = user("alice");

    alice.run("/BOOM");
    alice.run("/ECHO still alive");

    assertEquals(
        List.of("/BOOM failed because of a server error; it has been logged."), alice.errors());
    assertEquals(List.of("echo: still alive"), alice.replies());
  }
}
