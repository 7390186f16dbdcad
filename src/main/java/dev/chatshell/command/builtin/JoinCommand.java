package dev.chatshell.command.builtin;

import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code JOIN <channel>}: joins a channel, or creates it and becomes its main admin. */
@SlashCommand(
    name = "JOIN",
    usage = "<channel>",
    summary = "join or create a channel; it becomes current",
    privilege = Privilege.ANYONE,
    completes = Completion.CHANNEL)
public final class JoinCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    arguments.atMost(1);
    context.chat().join(context.user(), arguments.required(0, "channel name"));
  }
}
