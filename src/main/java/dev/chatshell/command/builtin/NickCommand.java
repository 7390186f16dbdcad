package dev.chatshell.command.builtin;

import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code NICK <nick>}: changes the user's nickname. */
@SlashCommand(
    name = "NICK",
    usage = "<nick>",
    summary = "change your nickname",
    privilege = Privilege.ANYONE)
public final class NickCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    arguments.atMost(1);
    context.chat().changeNick(context.user(), arguments.required(0, "new nickname"));
  }
}
