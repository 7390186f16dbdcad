package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code DENY <nick> [reason]}: turns down a request to join the current channel. */
@SlashCommand(
    name = "DENY",
    arguments = {@Arg(name = "nick"), @Arg(name = "reason", optional = true, rest = true)},
    summary = "turn down a request to join the channel",
    privilege = Privilege.SECONDARY_ADMIN)
public final class DenyCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().deny(arguments.word(0), arguments.rest(1));
  }
}
