package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code UNIGNORE <nick>}: shows what an ignored nick says again. */
@SlashCommand(
    name = "UNIGNORE",
    arguments = @Arg(name = "nick"),
    summary = "show what an ignored nick says again",
    privilege = Privilege.ANYONE)
public final class UnignoreCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().ignore(arguments.word(0), false);
  }
}
