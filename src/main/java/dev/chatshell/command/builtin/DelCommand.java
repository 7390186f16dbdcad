package dev.chatshell.command.builtin;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.Names;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/**
 * {@code DEL <channel> [reason]}: deletes the current channel, named again so that it is never
 * deleted by a slip: everyone in it is taken out, and a registered channel is forgotten.
 */
@SlashCommand(
    name = "DEL",
    arguments = {
      @Arg(
          name = "channel",
          what = "channel name (the current channel, to confirm)",
          completes = Completion.MY_CHANNEL),
      @Arg(name = "reason", optional = true, rest = true)
    },
    summary =
        "delete the current channel (type its name to confirm); a registered one is forgotten",
    privilege = Privilege.MAIN_ADMIN)
public final class DelCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    String typed = arguments.word(0);
    Channel current = context.user().current();
    if (current == null) {
      throw new ChatException(
          ChatException.Reason.NOT_IN_CHANNEL,
          "You are not in a channel any more."); // kicked just now
    }
    if (!Names.key(Names.channel(typed)).equals(Names.key(current.name()))) {
      throw new ChatException(
          ChatException.Reason.INVALID,
          "/DEL deletes your current channel, "
              + current.name()
              + "; type /DEL "
              + current.name()
              + " to confirm (/CURRENT switches channels).",
          current.name());
    }
    context.chat().deleteChannel(current.name(), arguments.rest(1));
  }
}
