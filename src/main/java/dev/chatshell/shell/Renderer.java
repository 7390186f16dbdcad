package dev.chatshell.shell;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelMessage;
import dev.chatshell.chat.ChannelNotice;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.Disconnected;
import dev.chatshell.chat.HistoryEntry;
import dev.chatshell.chat.HistoryLines;
import dev.chatshell.chat.Member;
import dev.chatshell.chat.Names;
import dev.chatshell.chat.Notice;
import dev.chatshell.chat.PrivateMessage;
import dev.chatshell.chat.ServerNotice;
import dev.chatshell.chat.Text;
import dev.chatshell.chat.User;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * How events look on screen, seen by one user: channel messages from their other channels carry a
 * {@code [#channel]} tag, every nick has its own colour, errors are red and start with {@code
 * Error:} so they stand out without colour too. Produces styled text; the shell turns it into
 * escape sequences only where the terminal has colour.
 */
final class Renderer {
  // No red: red is for errors.
  private static final int[] NICK_COLOURS = {
    AttributedStyle.GREEN,
    AttributedStyle.YELLOW,
    AttributedStyle.BLUE,
    AttributedStyle.MAGENTA,
    AttributedStyle.CYAN,
    AttributedStyle.GREEN + AttributedStyle.BRIGHT,
    AttributedStyle.YELLOW + AttributedStyle.BRIGHT,
    AttributedStyle.BLUE + AttributedStyle.BRIGHT,
    AttributedStyle.MAGENTA + AttributedStyle.BRIGHT,
    AttributedStyle.CYAN + AttributedStyle.BRIGHT
  };
  private static final AttributedStyle CHANNEL =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  private static final AttributedStyle NOTICE =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN + AttributedStyle.BRIGHT);
  private static final AttributedStyle PRIVATE =
      AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
  private static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
  private static final AttributedStyle LOG = AttributedStyle.DEFAULT.faint();

  /**
   * Lines formatted for one kind of viewer, shared: a message to a channel of a thousand members is
   * styled and encoded a few times (per variant and colour count), not a thousand. A small
   * direct-mapped table of immutable entries; a race only costs formatting a line again.
   */
  private record Formatted(ChatEvent event, int variant, int colours, String text) {}

  private static final int CACHE_SLOTS = 1024;
  private static final Formatted[] CACHE = new Formatted[CACHE_SLOTS];

  // How a viewer sees an event, for the events shown alike to many people.
  private static final int TAGGED = 1; // from a channel other than the viewer's current one
  private static final int OWN = 2; // the viewer wrote it
  private static final int MENTION = 4; // it names the viewer
  private static final int STAMPED = 8; // the viewer chose timestamps (/SET timestamps on)
  private static final java.time.format.DateTimeFormatter STAMP =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm ").withZone(java.time.ZoneOffset.UTC);
  private static final AttributedStyle MENTIONED =
      AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW + AttributedStyle.BRIGHT);

  private Renderer() {}

  /** One event as {@code viewer} sees it, formatted for {@code shell}'s terminal. */
  static String formatted(ChatEvent event, User viewer, Shell shell) {
    return formatted(event, variant(event, viewer, shell), viewer, shell);
  }

  /**
   * One event formatted for {@code shell}, in the {@code variant} {@link #variant(ChatEvent, User,
   * Shell)} gave for this viewer. The viewer's state is read once, for the variant: the text is
   * made from it, so it always matches the key it is shared under, even if the viewer changes
   * channel meanwhile.
   */
  static String formatted(ChatEvent event, int variant, User viewer, Shell shell) {
    if (viewer == null || event instanceof Reply || event instanceof LogLine) {
      return shell.format(render(event, variant));
    }
    int colours = shell.colours();
    int slot = (System.identityHashCode(event) * 31 + variant * 7 + colours) & (CACHE_SLOTS - 1);
    Formatted cached = CACHE[slot];
    if (cached != null
        && cached.event == event
        && cached.variant == variant
        && cached.colours == colours) {
      return cached.text;
    }
    String text = shell.format(render(event, variant));
    CACHE[slot] = new Formatted(event, variant, colours, text);
    return text;
  }

  /**
   * Which way {@code viewer} sees {@code event} on {@code shell}: mentions are only looked for
   * where they show (a terminal with colour or a bell); a plain client is spared the scan.
   */
  static int variant(ChatEvent event, User viewer, Shell shell) {
    return variant(event, viewer, shell.colours() > 0 || shell.rings()) | stamped(event, viewer);
  }

  /**
   * Timestamps are part of the variant, so a line is still formatted once for everyone who has them
   * on and once for those who have not. Only live lines get one: command replies come right after
   * the command, and history lines carry their own time.
   */
  private static int stamped(ChatEvent event, User viewer) {
    return viewer != null
            && viewer.preferences().timestamps()
            && (event instanceof ChannelMessage
                || event instanceof PrivateMessage
                || event instanceof ChannelNotice
                || event instanceof ServerNotice
                || event instanceof Disconnected
                || (event instanceof Notice && !(event instanceof Notice.ShownHistory)))
        ? STAMPED
        : 0;
  }

  /** True for the last thing a user is told before the server closes their session. */
  static boolean isFarewell(ChatEvent event) {
    return event instanceof Disconnected || event instanceof Notice.Farewell;
  }

  /** True when a line in this variant names its viewer: their terminal rings for it. */
  static boolean isMention(int variant) {
    return (variant & MENTION) != 0;
  }

  private static int variant(ChatEvent event, User viewer) {
    return variant(event, viewer, true);
  }

  /** Which way {@code viewer} (null before login) sees {@code event}. */
  private static int variant(ChatEvent event, User viewer, boolean mentions) {
    if (event instanceof ChannelMessage message) {
      Channel current = viewer == null ? null : viewer.current();
      boolean tagged = current == null || !current.name().equals(message.channel());
      boolean own = viewer != null && isViewer(message.nick(), viewer);
      boolean mention = mentions && viewer != null && !own && mentions(message, viewer.nick());
      return (tagged ? TAGGED : 0) | (own ? OWN : 0) | (mention ? MENTION : 0);
    }
    if (event instanceof PrivateMessage message) {
      return viewer != null && isViewer(message.from(), viewer) ? OWN : 0;
    }
    return 0;
  }

  /** The colour of a nick: the same for everyone and every session, whatever its case. */
  static AttributedStyle nickStyle(String nick) {
    int colour = NICK_COLOURS[Math.floorMod(Names.key(nick).hashCode(), NICK_COLOURS.length)];
    return AttributedStyle.DEFAULT.foreground(colour);
  }

  /** One event as {@code viewer} sees it; {@code viewer} is null before login. */
  static AttributedString render(ChatEvent event, User viewer) {
    return render(event, variant(event, viewer));
  }

  private static AttributedString render(ChatEvent event, int variant) {
    AttributedStringBuilder line = new AttributedStringBuilder();
    if ((variant & STAMPED) != 0) {
      line.append(STAMP.format(event.time())); // UTC, like history and the channel logs
    }
    boolean own = (variant & OWN) != 0;
    if (event instanceof ChannelMessage message) {
      if ((variant & TAGGED) != 0) {
        line.styled(CHANNEL, "[" + message.channel() + "] ");
      }
      AttributedStyle style = nickStyle(message.nick());
      if (message.action()) {
        line.append("* ").styled(own ? style.bold() : style, message.nick()).append(' ');
      } else if (message.notice()) {
        line.append('-').styled(own ? style.bold() : style, message.nick()).append("- ");
      } else {
        line.append('<').styled(own ? style.bold() : style, message.nick()).append("> ");
      }
      if ((variant & MENTION) != 0) {
        line.styled(MENTIONED, message.text());
      } else {
        line.append(message.text());
      }
    } else if (event instanceof PrivateMessage message) {
      String recipients = String.join(";", message.to());
      if (own) {
        line.styled(PRIVATE, "-> *" + recipients + "* ");
      } else {
        line.styled(PRIVATE, "*" + message.from() + "* ");
        if (message.to().size() > 1) {
          line.styled(CHANNEL, "(to " + recipients + ") ");
        }
      }
      line.append(message.text());
    } else if (event instanceof ChannelNotice notice) {
      line.styled(NOTICE, "-!- ").append(notice.text());
    } else if (event instanceof ServerNotice notice) {
      line.styled(NOTICE, "-!- ").append(notice.text());
    } else if (event instanceof HistoryLines lines) {
      history(line, lines.heading(), lines.entries(), lines.time(), lines.withChannel());
    } else if (event instanceof Notice.ShownHistory lines) {
      history(line, NoticeText.text(lines), lines.entries(), lines.time(), lines.withChannel());
    } else if (event instanceof Notice.Farewell farewell) {
      line.styled(ERROR, "-!- " + NoticeText.text(farewell));
    } else if (event instanceof Notice notice) {
      line.styled(NOTICE, "-!- ").append(NoticeText.text(notice));
    } else if (event instanceof LogLine logLine) {
      line.styled(LOG, Text.visible(logLine.text()));
    } else if (event instanceof Disconnected farewell) {
      line.styled(ERROR, "-!- " + farewell.text());
    } else if (event instanceof Reply reply) {
      for (Reply.Line out : reply.lines()) {
        if (line.length() > 0) {
          line.append('\n');
        }
        String text = Text.visible(out.text());
        if (out.error()) {
          line.styled(ERROR, "Error: " + text);
        } else {
          line.append(text);
        }
      }
    } else {
      line.append(Text.visible(String.valueOf(event)));
    }
    return line.toAttributedString();
  }

  /** Lines from history under their heading. */
  private static void history(
      AttributedStringBuilder line,
      String heading,
      java.util.List<HistoryEntry> entries,
      java.time.Instant now,
      boolean withChannel) {
    line.styled(NOTICE, "-!- ").append(heading);
    for (HistoryEntry entry : entries) {
      line.append('\n').styled(LOG, entry.line(now, withChannel));
    }
  }

  /** What a prompt is made of: equal keys, equal prompts. */
  record PromptKey(ChannelRole role, String nick, String channel, boolean operator) {}

  static PromptKey promptKey(User user) {
    Channel current = user.current();
    return current == null
        ? new PromptKey(null, user.nick(), null, user.isOperator())
        : new PromptKey(current.roleOf(user), user.nick(), current.name(), user.isOperator());
  }

  /**
   * The prompt: {@code ~alice #rust> } (role sigil, nick, current channel); a server operator's
   * nick is marked as in /WHO: {@code oscar* #rust> }.
   */
  static AttributedString prompt(User user) {
    AttributedStringBuilder prompt = new AttributedStringBuilder();
    Channel current = user.current();
    ChannelRole role = current == null ? null : current.roleOf(user);
    if (role != null) {
      prompt.append(role.sigil());
    }
    prompt.styled(nickStyle(user.nick()).bold(), user.nick());
    if (user.isOperator()) {
      prompt.append(Member.OPERATOR_MARK); // as /WHO marks operators: oscar*
    }
    if (current != null) {
      prompt.append(' ').styled(CHANNEL.bold(), current.name());
    }
    return prompt.append("> ").toAttributedString();
  }

  /** True when {@code event} names {@code viewer}: their terminal rings for it. */
  static boolean mentionsViewer(ChatEvent event, User viewer) {
    return viewer != null && (variant(event, viewer) & MENTION) != 0;
  }

  /**
   * True when {@code text} contains {@code nick} as a word, in any case: "alice: hi" and "hi
   * Alice!" name alice, "malice" and "alice_2" do not. No allocation: it runs for every member of a
   * channel on every message.
   */
  static boolean mentions(String text, String nick) {
    int length = nick.length();
    if (length == 0) {
      return false;
    }
    char first = Character.toLowerCase(nick.charAt(0));
    for (int at = 0; at + length <= text.length(); at++) {
      if (Character.toLowerCase(text.charAt(at)) == first // cheap test first: most places fail it
          && text.regionMatches(true, at, nick, 0, length)
          && (at == 0 || !nickChar(text.charAt(at - 1)))
          && (at + length == text.length() || !nickChar(text.charAt(at + length)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The words of one message's text: the runs of nick characters, in lower case, and a mask of
   * their lengths. Worked out once per message, so that whether it names a viewer is a lookup for
   * each of a channel's members instead of a scan of the text (the scan was the largest cost the
   * fan-out gained in issue 6). {@code words} is null for a text with a character outside ASCII
   * whose case folds into ASCII (the Kelvin sign, a dotless i, a long s): only the scan treats
   * those exactly as it always has.
   */
  private record Words(ChatEvent event, long lengths, java.util.Set<String> words) {}

  private static final int WORDS_SLOTS = 256; // direct-mapped, by identity; a race costs a rescan
  private static final Words[] WORDS = new Words[WORDS_SLOTS];

  /** {@link #mentions(String, String)} for a channel message, its text split only once. */
  static boolean mentions(ChannelMessage message, String nick) {
    int slot = System.identityHashCode(message) & (WORDS_SLOTS - 1);
    Words words = WORDS[slot];
    if (words == null || words.event != message) {
      words = words(message);
      WORDS[slot] = words;
    }
    if (words.words == null || !nickChars(nick)) {
      return mentions(message.text(), nick);
    }
    // An ASCII nick matches, ignoring case, only a whole run of nick characters of its length.
    return (words.lengths & lengthBit(nick.length())) != 0 && words.words.contains(Names.key(nick));
  }

  private static Words words(ChannelMessage message) {
    String text = message.text();
    java.util.Set<String> words = new java.util.HashSet<>();
    long lengths = 0;
    int start = -1;
    for (int at = 0; at <= text.length(); at++) {
      char c = at < text.length() ? text.charAt(at) : ' ';
      if (c >= 128 && foldsIntoAscii(c)) {
        return new Words(message, 0, null);
      }
      if (nickChar(c)) {
        if (start < 0) {
          start = at;
        }
      } else if (start >= 0) {
        words.add(Names.key(text.substring(start, at)));
        lengths |= lengthBit(at - start);
        start = -1;
      }
    }
    return new Words(message, lengths, words);
  }

  private static long lengthBit(int length) {
    return 1L << Math.min(length, 63);
  }

  /**
   * True for a character that {@link String#regionMatches(boolean, int, String, int, int)} may take
   * for an ASCII one, ignoring case.
   */
  private static boolean foldsIntoAscii(char c) {
    char upper = Character.toUpperCase(c);
    return upper < 128 || Character.toLowerCase(c) < 128 || Character.toLowerCase(upper) < 128;
  }

  private static boolean nickChars(String nick) {
    for (int i = 0; i < nick.length(); i++) {
      if (!nickChar(nick.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static final boolean[] NICK_CHAR = new boolean[128]; // a lookup: it runs per delivery

  static {
    for (char c = 0; c < 128; c++) {
      NICK_CHAR[c] = Character.isLetterOrDigit(c) || "_-[]\\`^{}|".indexOf(c) >= 0;
    }
  }

  private static boolean nickChar(char c) {
    return c < 128 && NICK_CHAR[c];
  }

  private static boolean isViewer(String nick, User viewer) {
    return nick.equalsIgnoreCase(viewer.nick());
  }
}
