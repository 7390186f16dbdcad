package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code JOIN <channel>}: joins a channel, or creates it and becomes its main admin. */
@SlashCommand(
    name = "JOIN",
    arguments = @Arg(name = "channel", what = "channel name", completes = Completion.CHANNEL),
    summary = "join or create a channel; it becomes current",
    privilege = Privilege.ANYONE)
public final class JoinCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().join(arguments.word(0));
  }
}
