package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code REVOKE <nick>}: makes a secondary admin of the current channel a member again. */
@SlashCommand(
    name = "REVOKE",
    arguments = @Arg(name = "nick", completes = Completion.MEMBER),
    summary = "take secondary-admin rights away",
    privilege = Privilege.MAIN_ADMIN)
public final class RevokeCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().revoke(arguments.word(0));
  }
}
