package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code LEAVE [channel]}: leaves the current channel, or the one named. */
@SlashCommand(
    name = "LEAVE",
    arguments = @Arg(name = "channel", optional = true, completes = Completion.MY_CHANNEL),
    summary = "leave the current channel, or the one named",
    privilege = Privilege.MEMBER)
public final class LeaveCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().leave(arguments.word(0), null);
  }
}
