package dev.chatshell.command.builtin;

import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code KILL <nick> [reason]}: disconnects a user from the server. */
@SlashCommand(
    name = "KILL",
    usage = "<nick> [reason]",
    summary = "disconnect a user from the server",
    privilege = Privilege.SERVER_OPERATOR,
    completes = {Completion.NICK, Completion.NONE})
public final class KillCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().kill(context.user(), arguments.required(0, "nick"), arguments.rest(1));
  }
}
