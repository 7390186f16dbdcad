package dev.chatshell.command.builtin;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.Text;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChannelArgument;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code BAN [#channel|*] <target> [duration] [reason]}: bans from the current channel (or the one
 * named, or with {@code *} the whole server, operators only), for a duration such as {@code 30m},
 * {@code 2h}, {@code 7d}, {@code 4w} (or {@code 10 minutes}, {@code 2 hours}...), or for good. A
 * word after the target that starts with a digit is a duration or an error, never the reason.
 */
@SlashCommand(
    name = "BAN",
    arguments = {
      @Arg(
          name = "target",
          what = "nick, account:name or address to ban",
          completes = Completion.OTHER_MEMBER),
      @Arg(name = "duration", optional = true),
      @Arg(name = "reason", optional = true, rest = true)
    },
    summary = "ban a nick, an account or addresses, for a time (30m, 2h, 7d) or for good",
    privilege = Privilege.SECONDARY_ADMIN,
    channelArgument = ChannelArgument.SCOPE)
public final class BanCommand implements ChatCommand {
  private static final Pattern NUMBER_AND_UNIT = Pattern.compile("([0-9]+)([a-z]*)");
  static final Duration LONGEST = Duration.ofDays(3650);
  static final String FORMS =
      "30m, 2h, 7d or 4w (also \"10 minutes\", \"2 hours\", \"1 day\", \"3 weeks\"), at most"
          + " 3650d; leave it out to ban for good";

  @Override
  public void run(CommandContext context, Arguments arguments) {
    Scoped scoped = Scoped.of(arguments);
    int at = scoped.next() + 1;
    String first = arguments.word(at);
    String second = arguments.word(at + 1);
    if ("for".equalsIgnoreCase(first) && second != null && looksLikeANumber(second)) {
      at++; // "for 2 hours" says a duration as well as "2 hours"
    }
    Timing timing = timing(arguments.word(at), arguments.word(at + 1));
    context
        .chat()
        .ban(
            scoped.scope(),
            scoped.target(),
            timing.duration(),
            arguments.rest(at + timing.words()));
  }

  /** How long a ban lasts ({@code null}: for good) and how many words said so (0, 1 or 2). */
  record Timing(Duration duration, int words) {}

  /**
   * The duration typed after the target: {@code word} alone ({@code 30m}), or with the word after
   * it ({@code 10 minutes}). A word that does not start with a digit is no duration (it starts the
   * reason); one that does must be a valid duration, or the ban is refused: a mistyped duration
   * would otherwise ban for good, with the typo for its reason.
   */
  static Timing timing(String word, String next) {
    if (word == null || !looksLikeANumber(word)) {
      return new Timing(null, 0);
    }
    String lower = word.toLowerCase(Locale.ROOT);
    Matcher m = NUMBER_AND_UNIT.matcher(lower);
    if (!m.matches()) {
      throw notADuration(word);
    }
    String unit = m.group(2);
    int words = 1;
    if (unit.isEmpty() && next != null) {
      unit = next.toLowerCase(Locale.ROOT);
      words = 2;
    }
    ChronoUnit chrono = unit(unit);
    if (chrono == null) {
      throw notADuration(word);
    }
    if (m.group(1).length() > 7) {
      throw tooLong();
    }
    long n = Long.parseLong(m.group(1));
    Duration d = chrono == ChronoUnit.WEEKS ? Duration.ofDays(7 * n) : Duration.of(n, chrono);
    if (d.isZero() || d.compareTo(LONGEST) > 0) {
      throw tooLong();
    }
    return new Timing(d, words);
  }

  /** A duration typed as one word ({@code 30m}); null when it does not start with a digit. */
  static Duration duration(String word) {
    return timing(word, null).duration();
  }

  /** Digits first, or a sign or point before one ({@code -5m}, {@code .5h}): meant as a number. */
  private static boolean looksLikeANumber(String word) {
    // Any script's digits (a fullwidth 2 too): meant as a number, so never taken as the reason.
    int first = word.codePointAt(0);
    if (Character.isDigit(first)) {
      return true;
    }
    return word.length() > 1
        && (first == '-' || first == '+' || first == '.')
        && Character.isDigit(word.codePointAt(1));
  }

  private static ChronoUnit unit(String unit) {
    return switch (unit) {
      case "m", "min", "mins", "minute", "minutes" -> ChronoUnit.MINUTES;
      case "h", "hr", "hrs", "hour", "hours" -> ChronoUnit.HOURS;
      case "d", "day", "days" -> ChronoUnit.DAYS;
      case "w", "wk", "wks", "week", "weeks" -> ChronoUnit.WEEKS;
      default -> null;
    };
  }

  private static ChatException notADuration(String typed) {
    return new ChatException(
        ChatException.Reason.INVALID,
        Text.visible(typed) + " is not a duration: write " + FORMS + ". Nobody was banned.",
        typed);
  }

  private static ChatException tooLong() {
    return new ChatException(
        ChatException.Reason.INVALID,
        "A ban lasts from 1m to 3650d; leave the duration out for good.");
  }

  /** The optional place ({@code #channel} or {@code *}) and the target of a ban command. */
  record Scoped(String scope, String target, int next) {
    /** Reads arguments the table has checked: the target is there, after the place if named. */
    static Scoped of(Arguments arguments) {
      String first = arguments.word(0);
      if (first.equals("*") || first.startsWith("#")) {
        return new Scoped(first, arguments.word(1), 1);
      }
      return new Scoped(null, first, 0);
    }
  }
}
