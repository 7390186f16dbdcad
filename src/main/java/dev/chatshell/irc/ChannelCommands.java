package dev.chatshell.irc;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.Topic;
import java.util.List;

/**
 * The verbs that change where people are: NICK, JOIN, PART, TOPIC, INVITE, KICK and RENAME. Each is
 * the domain operation a shell user's slash command calls; the domain acts on a user's current
 * channel, so the named channel is made current first (an IRC user has no other use for it).
 */
final class ChannelCommands {
  private ChannelCommands() {}

  static void nick(IrcSession s, IrcMessage m, Response out) {
    if (m.params().isEmpty() || m.param(0).isEmpty()) {
      out.numeric("431", "No nickname given");
      return;
    }
    String wanted = m.param(0);
    try {
      if (m.params().size() > 1) {
        // NICK name password: the shell's /NICK name, for a registered nick
        char[] password = m.param(1).toCharArray();
        s.chat().changeNick(wanted, password);
      } else {
        s.chat().changeNick(wanted);
      }
    } catch (ChatException e) {
      switch (e.reason()) {
        case INVALID -> out.numeric("432", wanted, "Erroneous nickname: " + e.getMessage());
        case NAME_TAKEN, BAD_PASSWORD -> out.numeric("433", wanted, e.getMessage());
        case ALREADY -> {} // NICK to the nick one has: nothing to say, as on other servers
        default -> Refusals.tell(out, e, wanted);
      }
    }
  }

  static void join(IrcSession s, IrcMessage m, Response out) {
    String list = m.param(0);
    if (list.equals("0")) {
      for (Channel channel : s.user().channels()) {
        s.chat().leave(channel.name(), "left all channels");
      }
      return;
    }
    List<String> names = targets(list, Isupport.MAX_JOIN_TARGETS, "JOIN", out);
    for (String name : names) {
      if (!name.startsWith("#")) {
        out.numeric("403", name, "No such channel: channel names start with #");
        continue;
      }
      try {
        s.chat().join(name);
      } catch (ChatException e) {
        Refusals.tell(out, e, name);
      }
    }
  }

  static void part(IrcSession s, IrcMessage m, Response out) {
    String reason = m.params().size() > 1 ? clean(m.param(1)) : null;
    for (String name : targets(m.param(0), Isupport.MAX_JOIN_TARGETS, "PART", out)) {
      try {
        requireExisting(s, name);
        s.chat().leave(name, reason);
      } catch (ChatException e) {
        Refusals.tell(out, e, name);
      }
    }
  }

  static void topic(IrcSession s, IrcMessage m, Response out) {
    String name = m.param(0);
    Channel channel = requireExisting(s, name);
    if (m.params().size() == 1) {
      if (channel.isPrivate() && !channel.contains(s.user()) && !s.user().isOperator()) {
        out.numeric("442", channel.name(), "You're not on that channel");
        return;
      }
      Topic topic = channel.topic();
      if (topic == null || topic.text().isEmpty()) {
        out.numeric("331", channel.name(), "No topic is set");
      } else {
        out.numeric("332", channel.name(), topic.text());
        out.numeric(
            "333",
            channel.name(),
            topic.by() == null ? out.server() : topic.by(),
            String.valueOf(topic.at() == null ? 0 : topic.at().getEpochSecond()));
      }
      return;
    }
    if (!s.flood().awaitTurn()) {
      return;
    }
    s.chat().switchTo(name);
    s.chat().setTopic(clean(m.param(1)));
  }

  static void invite(IrcSession s, IrcMessage m, Response out) {
    String nick = m.param(0);
    String name = m.param(1);
    requireExisting(s, name);
    if (s.domain().online(nick) == null) {
      out.numeric("401", nick, "No such nick/channel");
      return;
    }
    try {
      s.chat().switchTo(name);
      s.chat().invite(nick);
    } catch (ChatException e) {
      if (e.reason() == ChatException.Reason.ALREADY) {
        out.numeric("443", nick, name, "is already on channel");
      } else {
        Refusals.tell(out, e, name); // about the channel: 442, 482...
      }
      return;
    }
    out.numeric("341", nick, s.chat().channel(name).name());
  }

  /**
   * KICK channel nick[,nick...] [reason], or KICK chan1,chan2 nick1,nick2 (RFC 2812: the n-th nick
   * from the n-th channel).
   */
  static void kick(IrcSession s, IrcMessage m, Response out) {
    String reason = m.params().size() > 2 ? clean(m.param(2)) : null;
    List<String> channels = List.of(m.param(0).split(","));
    List<String> nicks = targets(m.param(1), Isupport.MAX_TARGETS, "KICK", out);
    if (channels.size() > 1 && channels.size() != nicks.size()) {
      out.numeric("461", "KICK", "As many channels as nicks, or one channel");
      return;
    }
    for (int i = 0; i < nicks.size(); i++) {
      if (i > 0 && !s.flood().awaitTurn()) {
        return; // each kick costs a line, as each /KICK does in the shell
      }
      kickOne(s, channels.get(channels.size() == 1 ? 0 : i), nicks.get(i), reason, out);
    }
  }

  private static void kickOne(IrcSession s, String name, String nick, String reason, Response out) {
    try {
      requireExisting(s, name);
      s.chat().switchTo(name);
    } catch (ChatException e) {
      Refusals.tell(out, e, name);
      return;
    }
    try {
      if (s.domain().online(nick) == null) {
        out.numeric("401", nick, "No such nick/channel");
        return;
      }
      s.chat().kick(nick, reason);
    } catch (ChatException e) {
      if (e.reason() == ChatException.Reason.NOT_IN_CHANNEL) {
        out.numeric("441", nick, name, e.getMessage());
      } else {
        Refusals.tell(out, e, name);
      }
    }
  }

  /** RENAME old new [reason] (draft/channel-rename): the shell's /REN. */
  static void rename(IrcSession s, IrcMessage m, Response out) {
    String from = m.param(0);
    String to = m.param(1);
    requireExisting(s, from);
    s.chat().switchTo(from);
    try {
      s.chat().rename(to);
    } catch (ChatException e) {
      String code =
          switch (e.reason()) {
            case NAME_TAKEN -> "CHANNEL_NAME_IN_USE";
            case INVALID -> "INVALID_CHANNEL_NAME";
            case RANK_TOO_LOW -> null;
            default -> "CANNOT_RENAME";
          };
      if (code == null) {
        Refusals.tell(out, e, from);
      } else {
        out.line("FAIL RENAME " + code + " " + from + " " + to + " :" + e.getMessage());
      }
    }
  }

  /** The channel named, which must exist (403 otherwise, through the refusal). */
  static Channel requireExisting(IrcSession s, String name) {
    Channel channel = name.startsWith("#") ? s.chat().channel(name) : null;
    if (channel == null) {
      throw new ChatException(ChatException.Reason.NO_SUCH_CHANNEL, "No such channel", name);
    }
    return channel;
  }

  /**
   * The comma-separated targets of a command, at most {@code most}: a longer list is refused whole
   * with 407 (ERR_TOOMANYTARGETS), so a line naming thousands costs one numeric.
   */
  static List<String> targets(String list, int most, String verb, Response out) {
    List<String> names =
        java.util.Arrays.stream(list.split(",")).filter(t -> !t.isEmpty()).distinct().toList();
    if (names.size() > most) {
      if (out == null) {
        return List.of(); // NOTICE: no reply, ever
      }
      out.numeric(
          "407",
          verb,
          "Too many targets: at most " + most + " in one " + verb + ", and none was acted on");
      return List.of();
    }
    return names;
  }

  /** Free text from an IRC user (a reason, a topic) without IRC's formatting codes. */
  static String clean(String text) {
    return IrcFormat.stripFormatting(text);
  }
}
