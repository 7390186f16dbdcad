package dev.chatshell.command.builtin;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
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
}
