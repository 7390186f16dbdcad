package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Cost;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code BYE [reason]}: disconnects; the user's channels are told, with the reason. */
@SlashCommand(
    name = "BYE",
    arguments = @Arg(name = "reason", optional = true, rest = true),
    summary = "disconnect; your channels are told why",
    privilege = Privilege.ANYONE,
    cost = Cost.NONE)
public final class ByeCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.disconnect(arguments.rest(0));
  }
}
