package dev.chatshell.command.builtin;

import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code GRANT <nick>}: makes a member of the current channel a secondary admin ({@code @}). */
@SlashCommand(
    name = "GRANT",
    usage = "<nick>",
    summary = "make a member a secondary admin (@)",
    privilege = Privilege.MAIN_ADMIN,
    completes = Completion.OTHER_MEMBER)
public final class GrantCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    arguments.atMost(1);
    context.chat().grant(context.user(), arguments.required(0, "nick"));
  }
}
