package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code KILL <nick> [reason]}: disconnects a user from the server. */
@SlashCommand(
    name = "KILL",
    arguments = {
      @Arg(name = "nick", completes = Completion.NICK),
      @Arg(name = "reason", optional = true, rest = true)
    },
    summary = "disconnect a user from the server",
    privilege = Privilege.SERVER_OPERATOR)
public final class KillCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().kill(arguments.word(0), arguments.rest(1));
  }
}
