package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code MSG <nick>[;<nick>...] <text>}: a private message to one or several users. */
@SlashCommand(
    name = "MSG",
    arguments = {
      @Arg(name = "nick", completes = Completion.NICK_LIST),
      @Arg(name = "text", what = "message text", rest = true)
    },
    summary = "send a private message to one or more users",
    privilege = Privilege.ANYONE)
public final class MsgCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    context.chat().sendPrivate(arguments.word(0), arguments.rest(1));
  }
}
