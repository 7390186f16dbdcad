package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.FakeContext;
import java.time.Clock;

/** A real chat server and the builtin command table, with users typing through fake contexts. */
abstract class BuiltinFixture {
  final ChatServer server = ChatTestSupport.server(Clock.systemUTC(), 50);
  final CommandTable commands = new CommandTable(BuiltinCommands.all());

  FakeContext connect(String nick) {
    return new FakeContext(server, commands, nick);
  }

  /**
   * Runs {@code command} itself as {@code who}, with {@code arguments} as typed after its name:
   * what the command does once the table has let it through.
   */
  static FakeContext run(ChatCommand command, FakeContext who, String arguments) {
    command.run(who, new Arguments(arguments));
    return who;
  }

  /** What the user is told when {@code command} refuses {@code arguments}. */
  static String refusal(ChatCommand command, FakeContext who, String arguments) {
    return assertThrows(ChatException.class, () -> command.run(who, new Arguments(arguments)))
        .getMessage();
  }
}
