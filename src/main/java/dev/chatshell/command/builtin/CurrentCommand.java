package dev.chatshell.command.builtin;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.User;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Cost;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.util.stream.Collectors;

/** {@code CURRENT [channel]}: shows the current channel, or switches to another of one's own. */
@SlashCommand(
    name = "CURRENT",
    arguments = @Arg(name = "channel", optional = true, completes = Completion.MY_CHANNEL),
    summary = "show or switch your current channel",
    privilege = Privilege.ANYONE,
    cost = Cost.NONE)
public final class CurrentCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    User user = context.user();
    if (!arguments.isEmpty()) {
      Channel channel = context.chat().switchTo(arguments.word(0));
      context.reply("Your current channel is now " + channel.name() + ".");
      return;
    }
    Channel current = user.current();
    if (current == null) {
      context.reply("You are not in a channel; /JOIN one.");
      return;
    }
    String all = user.channels().stream().map(Channel::name).collect(Collectors.joining(" "));
    context.reply(
        "Your current channel is "
            + current.name()
            + ", where you are "
            + (current.roleOf(user) == ChannelRole.MEMBER ? "a " : "the ")
            + current.roleOf(user).title()
            + ". Your channels: "
            + all);
  }
}
