package dev.chatshell.command.builtin;

import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code REVOKE <nick>}: makes a secondary admin of the current channel a member again. */
@SlashCommand(
    name = "REVOKE",
    usage = "<nick>",
    summary = "take secondary-admin rights away",
    privilege = Privilege.MAIN_ADMIN,
    completes = Completion.MEMBER)
public final class RevokeCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    arguments.atMost(1);
    context.chat().revoke(context.user(), arguments.required(0, "nick"));
  }
}
