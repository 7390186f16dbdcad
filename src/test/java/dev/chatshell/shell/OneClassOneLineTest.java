package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.Completion;
import dev.chatshell.command.FakeContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import dev.chatshell.command.builtin.BuiltinCommands;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a new command whose domain operation exists is one class and one registration line.
 * /BOOT is declared here, in the test, and registered with one line next to the built-in commands;
 * nothing else in the server knows it, yet /HELP lists it with its usage, TAB completes its
 * argument, the table refuses it with a word missing or one too many before it runs, and it runs.
 */
class OneClassOneLineTest {

  /** The one class: a kick without a reason, from its declaration and one call to the domain. */
  @SlashCommand(
      name = "BOOT",
      arguments = @Arg(name = "nick", completes = Completion.OTHER_MEMBER),
      summary = "put a member out of the channel, no questions asked",
      privilege = Privilege.SECONDARY_ADMIN)
  static final class BootCommand implements ChatCommand {
    @Override
    public void run(CommandContext context, Arguments arguments) {
      context.chat().kick(arguments.word(0), "");
    }
  }

  /** The built-in commands as the server registers them, and the one line that adds /BOOT. */
  private static List<ChatCommand> commandsWithBoot() {
    List<ChatCommand> commands = new ArrayList<>(BuiltinCommands.all());
    commands.add(new BootCommand()); // the registration line
    return commands;
  }

  private final ChatServer chat = ChatTestSupport.server(Clock.systemUTC(), 50);
  private final CommandTable commands = new CommandTable(commandsWithBoot());
  private final FakeContext alice = new FakeContext(chat, commands, "alice");
  private final FakeContext bob = new FakeContext(chat, commands, "bob");

  private boolean bobIsIn() {
    return chat.channel("#a").contains(bob.user());
  }

  @Test
  void nothingElseKnowsTheCommand() {
    assertNull(new CommandTable(BuiltinCommands.all()).find("BOOT"), "no built-in /BOOT");
    assertEquals(BuiltinCommands.all().size() + 1, commands.entries().size());
  }

  @Test
  void helpListsItWithTheUsageItsDeclarationGives() {
    alice.run("/JOIN #a").run("/HELP");

    assertTrue(
        alice.replies().stream().anyMatch(l -> l.startsWith("/BOOT <nick> ")),
        alice.replies().toString());

    int listed = alice.replies().size();
    alice.run("/HELP boot");
    List<String> explained = alice.replies().subList(listed, alice.replies().size());

    assertEquals("/BOOT <nick>", explained.get(0));
    assertTrue(explained.get(1).contains("no questions asked"), explained.toString());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void tabCompletesTheOtherMembers() {
    alice.run("/JOIN #a");
    bob.run("/JOIN #a");
    ChatCompleter completer = new ChatCompleter(chat, commands, alice::user);
    DefaultParser parser = new DefaultParser();
    List<Candidate> candidates = new ArrayList<>();

    completer.complete(null, parser.parse("/boot ", 6, Parser.ParseContext.COMPLETE), candidates);

    assertEquals(List.of("bob"), candidates.stream().map(Candidate::value).toList());
  }

  @Test
  void theTableRefusesTheWrongNumberOfWordsBeforeItRuns() {
    alice.run("/JOIN #a");
    bob.run("/JOIN #a");

    alice.run("/BOOT").run("/BOOT bob now");

    assertEquals(
        List.of("Missing nick. Usage: /BOOT <nick>", "Too many arguments. Usage: /BOOT <nick>"),
        alice.errors());
    assertTrue(bobIsIn());
  }

  @Test
  void itRunsWithinThePrivilegeTheTableChecks() {
    alice.run("/JOIN #a");
    bob.run("/JOIN #a").run("/BOOT alice");

    assertEquals(List.of("/BOOT is for admins of the current channel; you are not."), bob.errors());

    alice.run("/boot bob");

    assertEquals(List.of(), alice.errors());
    assertFalse(bobIsIn());
  }
}
