package dev.chatshell.irc;

import dev.chatshell.chat.Ban;
import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.User;

/**
 * MODE, as far as chatshell's channels have modes: {@code +o/-o} is /GRANT and /REVOKE, {@code
 * +b/-b} is /BAN and /UNBAN (and {@code +b} alone the ban list), {@code +i/-i} is /PRIVATE; the
 * main admin shows as {@code +q}, which only succession changes; {@code +l N/-l} is /LIMIT and
 * {@code +t/-t} /TOPICLOCK on and off. {@code n} is always on: only members speak in a channel.
 * User modes are answered sanely: {@code +o} comes with OPER, {@code +i} is accepted and kept for
 * show.
 */
final class Modes {
  private Modes() {}

  static void mode(IrcSession s, IrcMessage m, Response out) {
    String target = m.param(0);
    if (!target.startsWith("#")) {
      userMode(s, m, out);
      return;
    }
    Channel channel = ChannelCommands.requireExisting(s, target);
    if (m.params().size() == 1) {
      if (channel.isPrivate() && !channel.contains(s.user()) && !s.user().isOperator()) {
        out.numeric("442", channel.name(), "You're not on that channel");
        return;
      }
      int limit = channel.memberLimit();
      String modes = channelModes(channel);
      if (limit > 0) {
        out.numeric("324", channel.name(), modes, String.valueOf(limit));
      } else {
        out.numeric("324", channel.name(), modes);
      }
      return;
    }
    String changes = m.param(1);
    int arg = 2;
    boolean adding = true;
    int applied = 0;
    for (int i = 0; i < changes.length(); i++) {
      char c = changes.charAt(i);
      if (c == '+' || c == '-') {
        adding = c == '+';
        continue;
      }
      if (applied++ >= Isupport.MAX_MODES) {
        break; // MODES=4: further changes in the line are ignored, as servers do
      }
      switch (c) {
        case 'b' -> {
          if (arg >= m.params().size()) {
            banList(s, channel, out);
          } else {
            ban(s, channel, adding, m.param(arg++), out);
          }
        }
        case 'o', 'q' -> {
          if (arg >= m.params().size()) {
            out.numeric("461", "MODE", "Not enough parameters");
            return;
          }
          role(s, channel, c, adding, m.param(arg++), out);
        }
        case 'k' -> {
          // keys are not how chatshell closes a channel: +i (private) with join requests is
          if (adding && arg < m.params().size()) {
            arg++; // the key, whatever it is, is not kept
          }
          out.numeric(
              "696",
              channel.name(),
              "k",
              "*",
              "Channel keys are not used here: MODE +i makes the channel private (join by request)");
        }
        case 'i', 's' -> {
          boolean on = adding;
          guarded(s, channel, out, () -> s.chat().setPrivate(on));
        }
        case 'l' -> {
          if (!adding) {
            guarded(s, channel, out, () -> s.chat().setMemberLimit(0));
          } else if (arg >= m.params().size()) {
            out.numeric("461", "MODE", "Not enough parameters");
            return;
          } else {
            String typed = m.param(arg++);
            int limit = memberLimit(typed);
            if (limit < 1) {
              out.numeric(
                  "696",
                  channel.name(),
                  "l",
                  typed,
                  "A member limit is a number of members, 1 or more (-l lifts it)");
            } else {
              guarded(s, channel, out, () -> s.chat().setMemberLimit(limit));
            }
          }
        }
        case 't' -> {
          boolean locked = adding;
          guarded(s, channel, out, () -> s.chat().setTopicLocked(locked));
        }
        case 'n' -> {} // always on here: nothing to change
        default -> out.numeric("472", String.valueOf(c), "is an unknown mode char to me");
      }
    }
  }

  /**
   * The channel's modes for 324, in alphabetical order: {@code i} and {@code s} when private,
   * {@code l} with a member limit (its number is the next parameter), {@code n} always, {@code t}
   * while the topic is locked for its admins.
   */
  static String channelModes(Channel channel) {
    return "+"
        + (channel.isPrivate() ? "i" : "")
        + (channel.memberLimit() > 0 ? "l" : "")
        + "n"
        + (channel.isPrivate() ? "s" : "")
        + (channel.isTopicOpen() ? "" : "t");
  }

  /** A member limit as typed after {@code +l}, or -1 when it is not a number of members. */
  private static int memberLimit(String typed) {
    try {
      return Integer.parseInt(typed);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void role(
      IrcSession s, Channel channel, char mode, boolean adding, String nick, Response out) {
    User who = s.domain().online(nick);
    if (who == null && adding) {
      out.numeric("401", nick, "No such nick/channel");
      return;
    }
    if (mode == 'q') {
      out.numeric(
          "482",
          channel.name(),
          "The main admin (+q) changes only when they leave: the next admin in line succeeds them");
      return;
    }
    if (who != null && channel.contains(who)) {
      ChannelRole role = channel.roleOf(who);
      if (adding == role.atLeast(ChannelRole.SECONDARY_ADMIN)) {
        return; // +o on an admin, -o on a member: nothing to change, nothing to say
      }
    }
    guarded(
        s,
        channel,
        out,
        () -> {
          if (adding) {
            s.chat().grant(nick);
          } else {
            s.chat().revoke(nick);
          }
        });
  }

  private static void ban(
      IrcSession s, Channel channel, boolean adding, String mask, Response out) {
    // its turn first: reading a mask on the cloaked host looks through every IRC user
    if (!s.flood().awaitTurn()) {
      return;
    }
    String typed = Masks.banTarget(mask, s.people());
    if (typed == null) {
      out.notice(
          "Bans here are on a nick (nick!*@*), an account ($a:name) or an address block"
              + " (*!*@10.0.0.0/8): "
              + mask
              + " is none of these.");
      return;
    }
    changeNow(
        s,
        channel,
        out,
        () -> {
          if (adding) {
            s.chat().ban(channel.name(), typed, null, null);
          } else {
            s.chat().unban(channel.name(), typed);
          }
        });
  }

  private static void banList(IrcSession s, Channel channel, Response out) {
    try {
      for (Ban ban : s.chat().bans(channel.name())) {
        out.numeric(
            "367",
            channel.name(),
            Masks.of(ban),
            ban.by() == null ? out.server() : ban.by(),
            String.valueOf(ban.at() == null ? 0 : ban.at().getEpochSecond()));
      }
    } catch (ChatException e) {
      Refusals.tell(out, e, channel.name());
    }
    out.numeric("368", channel.name(), "End of channel ban list");
  }

  /** Runs a change on the channel made current, a refusal told as its numeric. */
  private static void guarded(IrcSession s, Channel channel, Response out, Runnable change) {
    if (s.flood().awaitTurn()) {
      changeNow(s, channel, out, change);
    }
  }

  /** As {@link #guarded}, when the caller has waited its flood turn already. */
  private static void changeNow(IrcSession s, Channel channel, Response out, Runnable change) {
    try {
      s.chat().switchTo(channel.name());
      change.run();
    } catch (ChatException e) {
      if (e.reason() == ChatException.Reason.ALREADY) {
        return; // already so: nothing changed, nothing to say
      }
      Refusals.tell(out, e, channel.name());
    }
  }

  private static void userMode(IrcSession s, IrcMessage m, Response out) {
    String target = m.param(0);
    if (!target.equalsIgnoreCase(s.user().nick())) {
      if (s.domain().online(target) == null) {
        out.numeric("401", target, "No such nick/channel");
      } else {
        out.numeric("502", "Can't change mode for other users");
      }
      return;
    }
    if (m.params().size() == 1) {
      out.numeric("221", s.user().isOperator() ? "+io" : "+i");
      return;
    }
    for (char c : m.param(1).toCharArray()) {
      if (c != '+' && c != '-' && c != 'i' && c != 'w' && c != 'o') {
        out.numeric("501", "Unknown MODE flag");
        return;
      }
    }
    // +i and +w are what every user has here; +o comes only with OPER, -o is not offered: what was
    // asked is said back, as servers do, so clients know where they stand
    String asked = m.param(1).replace("o", "");
    if (asked.chars().anyMatch(c -> c == 'i' || c == 'w')) {
      out.line(":" + s.user().nick() + " MODE " + s.user().nick() + " :" + asked);
    }
  }
}
