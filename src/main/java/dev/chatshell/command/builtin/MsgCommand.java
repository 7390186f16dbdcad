package dev.chatshell.command.builtin;

import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import dev.chatshell.command.UsageException;

/** {@code MSG <nick>[;<nick>...] <text>}: a private message to one or several users. */
@SlashCommand(
    name = "MSG",
    usage = "<nick>[;<nick>...] <text>",
    summary = "send a private message to one or more users",
    privilege = Privilege.ANYONE,
    completes = {Completion.NICK_LIST, Completion.NONE})
public final class MsgCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    String recipients = arguments.required(0, "nick");
    String text = arguments.rest(1);
    if (text.isBlank()) {
      throw new UsageException("Missing message text.");
    }
    context.chat().sendPrivate(context.user(), recipients, text);
  }
}
