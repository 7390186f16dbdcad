package dev.chatshell.command.builtin;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.Member;
import dev.chatshell.chat.Names;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Cost;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code WHO [channel]}: the members of the current channel, or of the one named, with sigils. */
@SlashCommand(
    name = "WHO",
    usage = "[channel]",
    summary = "list a channel's members: ~main admin, @admin",
    privilege = Privilege.MEMBER,
    cost = Cost.NONE,
    completes = Completion.CHANNEL)
public final class WhoCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    arguments.atMost(1);
    String typed = arguments.word(0);
    Channel channel = typed == null ? context.user().current() : context.chat().channel(typed);
    if (channel == null && typed == null) {
      throw new ChatException("You are not in a channel any more."); // kicked just now
    }
    if (channel == null) {
      throw new ChatException(
          "There is no channel " + Names.channel(typed) + "; /LIST shows the channels.");
    }
    int size = channel.size();
    context.reply(channel.name() + " (" + size + "): " + ChatServer.whoLine(channel));
    StringBuilder away = new StringBuilder();
    for (Member member : channel.members()) {
      String why = member.user().away();
      if (why != null) {
        away.append(away.isEmpty() ? "Away: " : "; ")
            .append(member.user().nick())
            .append(" (")
            .append(why)
            .append(')');
      }
    }
    if (!away.isEmpty()) {
      context.reply(away.toString());
    }
  }
}
