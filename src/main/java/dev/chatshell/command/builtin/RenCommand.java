package dev.chatshell.command.builtin;

import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code REN <new-name>}: renames the current channel; members and roles stay. */
@SlashCommand(
    name = "REN",
    usage = "<new-name>",
    summary = "rename the current channel; members are told",
    privilege = Privilege.MAIN_ADMIN)
public final class RenCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    arguments.atMost(1);
    context.chat().rename(context.user(), arguments.required(0, "new channel name"));
  }
}
