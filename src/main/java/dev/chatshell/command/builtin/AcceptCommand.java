package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code ACCEPT <nick>}: lets someone who asked to join the current (private) channel in. */
@SlashCommand(
    name = "ACCEPT",
    arguments = @Arg(name = "nick"),
    summary = "let in someone who asked to join the channel",
    privilege = Privilege.SECONDARY_ADMIN)
public final class AcceptCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().accept(arguments.word(0));
  }
}
