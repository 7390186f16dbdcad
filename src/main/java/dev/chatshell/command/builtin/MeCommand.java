package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code ME <action>}: shows an action in the current channel, as {@code * alice waves}. */
@SlashCommand(
    name = "ME",
    arguments = @Arg(name = "action", rest = true, ifMissing = "Say what you do: /ME <action>."),
    summary = "show an action in the channel: * you <action>",
    privilege = Privilege.MEMBER)
public final class MeCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().act(arguments.rest(0));
  }
}
