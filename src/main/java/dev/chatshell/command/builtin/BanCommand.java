package dev.chatshell.command.builtin;

import dev.chatshell.chat.ChatException;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code BAN [#channel|*] <target> [duration] [reason]}: bans from the current channel (or the one
 * named, or with {@code *} the whole server, operators only), for a duration such as {@code 30m},
 * {@code 2h}, {@code 7d}, {@code 4w}, or for good.
 */
@SlashCommand(
    name = "BAN",
    usage = "[#channel|*] <target> [duration] [reason]",
    summary = "ban a nick, an account or addresses, for a time (30m, 2h, 7d) or for good",
    privilege = Privilege.SECONDARY_ADMIN,
    completes = {Completion.OTHER_MEMBER, Completion.NONE})
public final class BanCommand implements ChatCommand {
  private static final Pattern DURATION = Pattern.compile("([0-9]+)([mhdw])");
  static final Duration LONGEST = Duration.ofDays(3650);

  @Override
  public void run(CommandContext context, Arguments arguments) {
    Scoped scoped = Scoped.of(arguments, "nick, account:name or address to ban");
    String next = arguments.word(scoped.next() + 1);
    Duration duration = next == null ? null : duration(next);
    int reasonAt = scoped.next() + (duration == null ? 1 : 2);
    context
        .chat()
        .ban(context.user(), scoped.scope(), scoped.target(), duration, arguments.rest(reasonAt));
  }

  /** A duration such as 30m, 2h, 7d or 4w; null when {@code word} is not one (it is the reason). */
  static Duration duration(String word) {
    Matcher m = DURATION.matcher(word);
    if (!m.matches()) {
      return null;
    }
    if (m.group(1).length() > 7) {
      throw new ChatException("A ban lasts from 1m to 3650d; leave the duration out for good.");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          case "d" -> Duration.ofDays(n);
          default -> Duration.ofDays(7 * n);
        };
    if (d.isZero() || d.compareTo(LONGEST) > 0) {
      throw new ChatException("A ban lasts from 1m to 3650d; leave the duration out for good.");
    }
    return d;
  }

  /** The optional place ({@code #channel} or {@code *}) and the target of a ban command. */
  record Scoped(String scope, String target, int next) {
    static Scoped of(Arguments arguments, String what) {
      String first = arguments.required(0, what);
      if (first.equals("*") || first.startsWith("#")) {
        return new Scoped(first, arguments.required(1, what), 1);
      }
      return new Scoped(null, first, 0);
    }
  }
}
