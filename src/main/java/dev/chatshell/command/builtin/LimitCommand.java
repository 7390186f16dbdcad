package dev.chatshell.command.builtin;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatException;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/**
 * {@code LIMIT [n]}: shows the most members the current channel lets in; its admins set it with a
 * number, or lift it with {@code 0}. A /JOIN into a full channel is refused, whoever types it.
 */
@SlashCommand(
    name = "LIMIT",
    arguments = @Arg(name = "members", optional = true, what = "a number of members"),
    summary = "show the channel's member limit; admins set it, or lift it with 0",
    privilege = Privilege.MEMBER)
public final class LimitCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    if (arguments.isEmpty()) {
      Channel channel = context.user().current();
      if (channel == null) {
        throw new ChatException(
            ChatException.Reason.NOT_IN_CHANNEL,
            "You are not in a channel any more."); // kicked just now
      }
      int limit = channel.memberLimit();
      context.reply(
          limit == 0
              ? channel.name() + " has no member limit; its admins set one with /LIMIT <members>."
              : channel.name()
                  + " lets in at most "
                  + limit
                  + (limit == 1 ? " member" : " members")
                  + " ("
                  + channel.size()
                  + " now); /LIMIT 0 lifts the limit.");
      return;
    }
    String typed = arguments.word(0);
    int limit;
    try {
      limit = Integer.parseInt(typed);
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 0) {
      throw new ChatException(
          ChatException.Reason.INVALID,
          "Type /LIMIT and a number of members, or /LIMIT 0 to lift the limit.",
          typed);
    }
    context.chat().setMemberLimit(limit);
  }
}
