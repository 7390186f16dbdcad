package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code REN <new-name>}: renames the current channel; members and roles stay. */
@SlashCommand(
    name = "REN",
    arguments = @Arg(name = "new-name", what = "new channel name"),
    summary = "rename the current channel; members are told",
    privilege = Privilege.MAIN_ADMIN)
public final class RenCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().rename(arguments.word(0));
  }
}
