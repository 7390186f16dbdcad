package dev.chatshell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatTestSupport;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What one declaration of a command's arguments gives: usage, completion, the count of words. */
class SignatureTest {
  private abstract static class Declared implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {}
  }

  @SlashCommand(
      name = "SAY",
      arguments = {
        @Arg(name = "nick", completes = Completion.NICK_LIST),
        @Arg(name = "text", what = "message text", rest = true)
      },
      summary = "a required rest of line",
      privilege = Privilege.ANYONE)
  static final class Say extends Declared {}

  @SlashCommand(
      name = "SWEEP",
      arguments = {
        @Arg(name = "target", completes = Completion.OTHER_MEMBER),
        @Arg(name = "reason", optional = true, rest = true)
      },
      summary = "a place named first, then a target",
      privilege = Privilege.SECONDARY_ADMIN,
      channelArgument = ChannelArgument.SCOPE)
  static final class Sweep extends Declared {}

  @SlashCommand(
      name = "PEEK",
      summary = "a channel named first, nothing else",
      privilege = Privilege.MEMBER,
      channelArgument = ChannelArgument.FIRST)
  static final class Peek extends Declared {}

  @SlashCommand(
      name = "COUNT",
      arguments = {
        @Arg(name = "nick", optional = true, completes = Completion.NICK, pattern = "[a-z]*"),
        @Arg(name = "n", optional = true)
      },
      summary = "an optional argument that gives way to a number",
      privilege = Privilege.ANYONE)
  static final class Count extends Declared {}

  @SlashCommand(
      name = "SIGH",
      arguments = @Arg(name = "why", rest = true, ifMissing = "Sigh about something: /SIGH <why>."),
      summary = "its own words when the argument is missing",
      privilege = Privilege.ANYONE)
  static final class Sigh extends Declared {}

  private static Signature signature(ChatCommand command) {
    return CommandTable.entryFor(command).signature();
  }

  private static String refusal(ChatCommand command, String line) {
    return signature(command).refusal(new Arguments(line), "/X");
  }

  @Test
  void theUsageShowsRequiredOptionalListsAndTheChannelNamedFirst() {
    assertEquals("<nick>[;<nick>...] <text>", signature(new Say()).usage());
    assertEquals("[#channel|*] <target> [reason]", signature(new Sweep()).usage());
    assertEquals("[channel]", signature(new Peek()).usage());
    assertEquals("[nick] [n]", signature(new Count()).usage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "SAY   | ''              | Missing nick. Usage: /X",
        "SAY   | bob             | Missing message text. Usage: /X",
        "SAY   | 'bob   '        | Missing message text. Usage: /X",
        "SAY   | bob hi there    | -",
        "SWEEP | ''              | Missing target. Usage: /X",
        "SWEEP | '#c'            | Missing target. Usage: /X",
        "SWEEP | *               | Missing target. Usage: /X",
        "SWEEP | bob             | -",
        "SWEEP | #c bob for good | -",
        "PEEK  | ''              | -",
        "PEEK  | rust            | -",
        "PEEK  | #a #b           | Too many arguments. Usage: /X",
        "COUNT | ''              | -",
        "COUNT | alice 5         | -",
        "COUNT | 5               | -",
        "COUNT | 5 6             | Too many arguments. Usage: /X",
        "SIGH  | ''              | Sigh about something: /SIGH <why>.",
        "SIGH  | loudly          | -",
      })
  void theWordsMustFitTheDeclaration(String name, String line, String refused) {
    ChatCommand command =
        Stream.of(new Say(), new Sweep(), new Peek(), new Count(), new Sigh())
            .filter(c -> CommandTable.entryFor(c).name().equals(name))
            .findFirst()
            .orElseThrow();

    assertEquals(refused, refusal(command, line));
  }

  @Test
  void completionFollowsTheWordsTypedSoFar() {
    Signature sweep = signature(new Sweep());
    Signature count = signature(new Count());
    Signature peek = signature(new Peek());

    assertEquals(Completion.OTHER_MEMBER, sweep.completes(List.of("")));
    assertEquals(Completion.OTHER_MEMBER, sweep.completes(List.of("#c", "")), "after the place");
    assertEquals(Completion.NONE, sweep.completes(List.of("bob", "")), "the reason");
    assertEquals(Completion.NICK, count.completes(List.of("")));
    assertEquals(Completion.NONE, count.completes(List.of("5")), "a number is the count");
    assertEquals(Completion.CHANNEL, peek.completes(List.of("#r")));
    assertEquals(Completion.NONE, peek.completes(List.of("#rust", "")), "past the last one");
  }

  @SlashCommand(
      name = "BAD",
      arguments = {@Arg(name = "text", rest = true), @Arg(name = "more")},
      summary = "rest before the end",
      privilege = Privilege.ANYONE)
  static final class RestNotLast extends Declared {}

  @SlashCommand(
      name = "BAD",
      arguments = {@Arg(name = "maybe", optional = true), @Arg(name = "surely")},
      summary = "which word is which?",
      privilege = Privilege.ANYONE)
  static final class RequiredAfterOptional extends Declared {}

  @SlashCommand(
      name = "BAD",
      arguments = @Arg(name = "two words"),
      summary = "a name with a space",
      privilege = Privilege.ANYONE)
  static final class SpacedName extends Declared {}

  @SlashCommand(
      name = "BAD",
      arguments = {@Arg(name = "a", optional = true, pattern = "("), @Arg(name = "b")},
      summary = "a pattern that is none",
      privilege = Privilege.ANYONE)
  static final class BrokenPattern extends Declared {}

  static Stream<ChatCommand> badlyDeclared() {
    return Stream.of(
        new RestNotLast(), new RequiredAfterOptional(), new SpacedName(), new BrokenPattern());
  }

  @ParameterizedTest
  @MethodSource("badlyDeclared")
  void theTableRefusesArgumentsItCouldNotTellApart(ChatCommand command) {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> CommandTable.entryFor(command));

    assertTrue(thrown.getMessage().startsWith(command.getClass().getName()), thrown.getMessage());
  }

  @Test
  void aRefusedLineNeverReachesTheCommand() {
    int[] runs = {0};
    @SlashCommand(
        name = "ONE",
        arguments = @Arg(name = "word"),
        summary = "exactly one word",
        privilege = Privilege.ANYONE)
    final class One implements ChatCommand {
      @Override
      public void run(CommandContext context, Arguments arguments) {
        runs[0]++;
      }
    }
    CommandTable table = new CommandTable(List.of(new One()));
    FakeContext alice =
        new FakeContext(ChatTestSupport.server(Clock.systemUTC(), 5), table, "alice");

    alice.run("/ONE").run("/ONE two words").run("/ONE fine");

    assertEquals(1, runs[0]);
    assertEquals(
        List.of("Missing word. Usage: /ONE <word>", "Too many arguments. Usage: /ONE <word>"),
        alice.errors());
    assertNull(table.find("ONE").signature().refusal(new Arguments("fine"), "/ONE <word>"));
  }
}
