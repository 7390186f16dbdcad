package dev.chatshell.irc;

import dev.chatshell.chat.Ban;
import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.User;

/**
 * MODE, as far as chatshell's channels have modes: {@code +o/-o} is /GRANT and /REVOKE, {@code
 * +b/-b} is /BAN and /UNBAN (and {@code +b} alone the ban list), {@code +i/-i} is /PRIVATE; the
 * main admin shows as {@code +q}, which only succession changes. {@code n} and {@code t} are always
 * on: only members speak in a channel, only its admins set the topic. User modes are answered
 * sanely: {@code +o} comes with OPER, {@code +i} is accepted and kept for show.
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
      out.numeric("324", channel.name(), channel.isPrivate() ? "+int" : "+nt");
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
        case 'i' -> {
          boolean on = adding;
          guarded(s, channel, out, () -> s.chat().setPrivate(on));
        }
        case 'n', 't' -> {} // always on here: nothing to change
        default -> out.numeric("472", String.valueOf(c), "is an unknown mode char to me");
      }
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
    String typed = Masks.banTarget(mask);
    if (typed == null) {
      out.notice(
          "Bans here are on a nick (nick!*@*), an account ($a:name) or an address block"
              + " (*!*@10.0.0.0/8): "
              + mask
              + " is none of these.");
      return;
    }
    guarded(
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
    if (!s.flood().awaitTurn()) {
      return;
    }
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
    // +i and +w are what every user has here; +o comes only with OPER, -o is not offered
  }
}
