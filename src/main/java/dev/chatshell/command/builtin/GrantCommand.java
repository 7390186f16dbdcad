package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code GRANT <nick>}: makes a member of the current channel a secondary admin ({@code @}). */
@SlashCommand(
    name = "GRANT",
    arguments = @Arg(name = "nick", completes = Completion.OTHER_MEMBER),
    summary = "make a member a secondary admin (@)",
    privilege = Privilege.MAIN_ADMIN)
public final class GrantCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().grant(arguments.word(0));
  }
}
