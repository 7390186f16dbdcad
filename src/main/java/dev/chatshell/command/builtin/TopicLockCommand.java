package dev.chatshell.command.builtin;

import dev.chatshell.chat.ChatException;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.util.Locale;

/**
 * {@code TOPICLOCK on|off}: locks the current channel's topic for its admins (as a channel starts)
 * or opens it, so that every member may set it with /TOPIC.
 */
@SlashCommand(
    name = "TOPICLOCK",
    arguments = @Arg(name = "on-or-off", what = "on or off"),
    summary = "let only admins set the topic (on), or every member (off)",
    privilege = Privilege.SECONDARY_ADMIN)
public final class TopicLockCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    boolean locked =
        switch (arguments.word(0).toLowerCase(Locale.ROOT)) {
          case "on" -> true;
          case "off" -> false;
          default ->
              throw new ChatException(
                  ChatException.Reason.INVALID, "Type /TOPICLOCK on or /TOPICLOCK off.");
        };
    context.chat().setTopicLocked(locked);
  }
}
