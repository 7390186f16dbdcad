package dev.chatshell.command.builtin;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.HistoryEntry;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Cost;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.time.Instant;
import java.util.List;

/**
 * {@code HISTORY [nick] [n]}: the last lines of the current channel, or of the private conversation
 * with {@code nick} (kept for accounts only).
 */
@SlashCommand(
    name = "HISTORY",
    arguments = {
      @Arg(
          name = "nick",
          optional = true,
          completes = Completion.NICK,
          pattern = HistoryCommand.NOT_A_COUNT),
      @Arg(name = "n", optional = true)
    },
    summary = "show the channel's last lines, or your private messages with a nick",
    privilege = Privilege.ANYONE,
    cost = Cost.NONE)
public final class HistoryCommand implements ChatCommand {
  /** A number, signed or not, is a line count: "-3" is a count to refuse, not a nick. */
  static final String COUNT = "[-+]?[0-9]+";

  /** Any word but a count; the nick is left out when the first word is one. */
  static final String NOT_A_COUNT = "(?!" + COUNT + "$).*";

  static final int DEFAULT_LINES = 20;
  static final int MAX_LINES = 200;

  @Override
  public void run(CommandContext context, Arguments arguments) {
    String first = arguments.word(0);
    String nick = null;
    String count = null;
    if (first != null && first.matches(COUNT)) {
      count = first; // the table let no word follow it
    } else {
      nick = first;
      count = arguments.word(1);
    }
    int lines = lines(count);
    List<HistoryEntry> entries;
    String what;
    if (nick == null) {
      if (context.user().current() == null) {
        throw new ChatException(
            ChatException.Reason.NOT_IN_CHANNEL,
            "You are not in a channel: /JOIN one, or /HISTORY <nick> for private messages.");
      }
      what = context.user().current().name();
      entries = context.chat().channelHistory(lines);
    } else {
      what = "your private messages with " + nick;
      entries = context.chat().conversation(nick, lines);
    }
    if (entries.isEmpty()) {
      context.reply("Nothing kept for " + what + ".");
      return;
    }
    context.reply(
        (entries.size() == 1 ? "The last line of " : "The last " + entries.size() + " lines of ")
            + what
            + " (times in UTC):");
    Instant now = Instant.now();
    for (HistoryEntry entry : entries) {
      context.reply(entry.line(now, false));
    }
  }

  private static int lines(String typed) {
    if (typed == null) {
      return DEFAULT_LINES;
    }
    int lines;
    try {
      lines = Integer.parseInt(typed);
    } catch (NumberFormatException e) {
      lines = -1;
    }
    if (lines < 1 || lines > MAX_LINES) {
      throw new ChatException(
          ChatException.Reason.INVALID,
          "Ask for 1 to " + MAX_LINES + " lines: /HISTORY [nick] [n].",
          MAX_LINES);
    }
    return lines;
  }
}
