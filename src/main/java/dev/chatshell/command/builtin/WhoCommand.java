package dev.chatshell.command.builtin;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.Member;
import dev.chatshell.chat.Names;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChannelArgument;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Cost;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.util.List;

/**
 * {@code WHO [channel]}: the members of the current channel, or of any channel named, with their
 * sigils, highest rank first and alphabetically within; server operators marked {@code *} after the
 * nick. Who is away follows, with why.
 */
@SlashCommand(
    name = "WHO",
    summary = "list a channel's members: ~main admin, @admin, *server operator",
    privilege = Privilege.MEMBER,
    cost = Cost.NONE,
    channelArgument = ChannelArgument.FIRST)
public final class WhoCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    String typed = arguments.word(0);
    Channel channel = typed == null ? context.user().current() : context.chat().channel(typed);
    if (channel == null && typed == null) {
      throw new ChatException(
          ChatException.Reason.NOT_IN_CHANNEL,
          "You are not in a channel any more."); // kicked just now
    }
    if (channel == null) {
      throw new ChatException(
          ChatException.Reason.NO_SUCH_CHANNEL,
          "There is no channel " + Names.channel(typed) + "; /LIST shows the channels.",
          Names.channel(typed));
    }
    List<Member> members = context.chat().membersSeenBy(channel);
    members.sort(Member.BY_RANK);
    StringBuilder line = new StringBuilder(channel.name() + " (" + members.size() + "):");
    for (Member member : members) {
      line.append(' ').append(member.listed());
    }
    context.reply(line.toString());
    if (members.stream().anyMatch(member -> member.user().isOperator())) {
      context.reply(Member.OPERATOR_MARK + " marks server operators.");
    }
    StringBuilder away = new StringBuilder();
    for (Member member : members) {
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
