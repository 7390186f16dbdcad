package dev.chatshell.command.builtin;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.Topic;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Cost;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.util.List;

/**
 * {@code LIST}: the channels with their member counts, registered ones marked {@code (registered)},
 * and their topics.
 */
@SlashCommand(
    name = "LIST",
    summary = "list the channels with their member counts and topics",
    privilege = Privilege.ANYONE,
    cost = Cost.NONE)
public final class ListCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    List<Channel> channels = context.chat().channels();
    if (channels.isEmpty()) {
      context.reply("No channels yet; /JOIN #name creates one.");
      return;
    }
    int width = channels.stream().mapToInt(c -> c.name().length()).max().orElse(0);
    context.reply(channels.size() + (channels.size() == 1 ? " channel:" : " channels:"));
    for (Channel channel : channels) {
      int members = channel.size();
      Topic topic = channel.topic();
      context.reply(
          "  "
              + channel.name()
              + " ".repeat(width - channel.name().length() + 2)
              + members
              + (members == 1 ? " member" : " members")
              + (channel.isRegistered() ? " (registered)" : "")
              + (topic == null ? "" : "  " + topic.text()));
    }
  }
}
