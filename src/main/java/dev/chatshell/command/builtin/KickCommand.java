package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/**
 * {@code KICK <nick> [reason]}: removes a user from the current channel. Who may kick whom is the
 * domain's rule (admins kick members, the main admin also secondary admins, only operators the main
 * admin).
 */
@SlashCommand(
    name = "KICK",
    arguments = {
      @Arg(name = "nick", completes = Completion.OTHER_MEMBER),
      @Arg(name = "reason", optional = true, rest = true)
    },
    summary = "remove a user from the current channel",
    privilege = Privilege.SECONDARY_ADMIN)
public final class KickCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().kick(arguments.word(0), arguments.rest(1));
  }
}
