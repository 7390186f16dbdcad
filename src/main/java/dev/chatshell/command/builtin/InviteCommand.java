package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code INVITE <nick>}: lets someone into the current channel at their next /JOIN. */
@SlashCommand(
    name = "INVITE",
    arguments = @Arg(name = "nick", completes = Completion.NICK),
    summary = "invite someone: their next /JOIN lets them in, even when private",
    privilege = Privilege.SECONDARY_ADMIN)
public final class InviteCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().invite(arguments.word(0));
  }
}
