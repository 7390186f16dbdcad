package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/**
 * {@code AWAY [message]}: marks the user away (shown to whoever sends them a private message, and
 * in /WHO); alone, marks them back.
 */
@SlashCommand(
    name = "AWAY",
    arguments = @Arg(name = "message", optional = true, rest = true),
    summary = "mark yourself away with a message, or back without one",
    privilege = Privilege.ANYONE)
public final class AwayCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().setAway(arguments.rest(0));
  }
}
