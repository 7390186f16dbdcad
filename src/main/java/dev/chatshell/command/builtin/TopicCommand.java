package dev.chatshell.command.builtin;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.Topic;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code TOPIC [text | -]}: shows the current channel's topic; its admins (every member, once
 * /TOPICLOCK off opened it) set it with a text, or clear it with {@code -}.
 */
@SlashCommand(
    name = "TOPIC",
    arguments = @Arg(name = "text", optional = true, rest = true),
    summary = "show the channel's topic; admins set it, or clear it with -",
    privilege = Privilege.MEMBER)
public final class TopicCommand implements ChatCommand {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Override
  public void run(CommandContext context, Arguments arguments) {
    if (arguments.isEmpty()) {
      Channel channel = context.user().current();
      if (channel == null) {
        throw new ChatException(
            ChatException.Reason.NOT_IN_CHANNEL,
            "You are not in a channel any more."); // kicked just now
      }
      Topic topic = channel.topic();
      context.reply(
          topic == null
              ? channel.name()
                  + " has no topic; "
                  + (channel.isTopicOpen() ? "any member sets" : "its admins set")
                  + " one with /TOPIC <text>."
              : "Topic of "
                  + channel.name()
                  + ": "
                  + topic.text()
                  + " (set by "
                  + topic.by()
                  + ", "
                  + WHEN.format(topic.at())
                  + ")");
      return;
    }
    String text = arguments.rest(0);
    context.chat().setTopic(text.strip().equals("-") ? null : text);
  }
}
