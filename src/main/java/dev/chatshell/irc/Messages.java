package dev.chatshell.irc;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatException;
import java.util.List;

/**
 * PRIVMSG, NOTICE and AWAY. A line to a channel goes through the same flood control as a line a
 * shell user types; a line to a nick is a private message (/MSG). A CTCP ACTION is /ME; other CTCP
 * requests are dropped (nobody on a shell could answer them). IRC formatting codes are taken out:
 * shell users would see them as marks. NOTICE never gets an error back, as RFC 2812 asks.
 */
final class Messages {
  private Messages() {}

  static void privmsg(IrcSession s, IrcMessage m, Response out) {
    send(s, m, out, true);
  }

  static void notice(IrcSession s, IrcMessage m, Response out) {
    send(s, m, out, false);
  }

  private static void send(IrcSession s, IrcMessage m, Response out, boolean answer) {
    if (m.params().isEmpty() || m.param(0).isEmpty()) {
      if (answer) {
        out.numeric("411", "No recipient given (" + m.command() + ")");
      }
      return;
    }
    if (m.params().size() < 2 || m.param(1).isEmpty()) {
      if (answer) {
        out.numeric("412", "No text to send");
      }
      return;
    }
    List<String> targets =
        ChannelCommands.targets(m.param(0), Isupport.MAX_TARGETS, m.command(), answer ? out : null);
    String text = m.param(1);
    boolean action = false;
    if (text.startsWith("\u0001")) {
      String ctcp = text.substring(1, text.endsWith("\u0001") ? text.length() - 1 : text.length());
      if (!ctcp.startsWith("ACTION ")) {
        return; // VERSION, PING, TIME...: nobody on a shell could answer them
      }
      action = true;
      text = ctcp.substring("ACTION ".length());
    }
    text = IrcFormat.stripFormatting(text);
    if (text.isBlank()) {
      if (answer) {
        out.numeric("412", "No text to send");
      }
      return;
    }
    for (String target : targets) {
      try {
        if (target.startsWith("#")) {
          toChannel(s, target, text, action);
        } else {
          toNick(s, target, text, action);
        }
      } catch (ChatException e) {
        if (!answer) {
          continue;
        }
        switch (e.reason()) {
          case NOT_IN_CHANNEL, BANNED -> out.numeric("404", target, e.getMessage());
          case NO_SUCH_CHANNEL -> out.numeric("403", target, e.getMessage());
          case NO_SUCH_NICK -> out.numeric("401", target, "No such nick/channel");
          default -> Refusals.tell(out, e, target);
        }
      }
    }
  }

  private static void toChannel(IrcSession s, String name, String text, boolean action) {
    Channel channel = s.chat().channel(name);
    if (channel == null) {
      throw new ChatException(ChatException.Reason.NO_SUCH_CHANNEL, "No such channel", name);
    }
    if (!channel.contains(s.user())) {
      throw new ChatException(
          ChatException.Reason.NOT_IN_CHANNEL, "Cannot send to channel: you are not in it", name);
    }
    if (action) {
      if (s.flood().awaitTurn()) {
        s.chat().switchTo(channel.name());
        s.chat().act(text);
      }
      return;
    }
    if (s.flood().offerChat(s.user(), channel, text)) {
      s.domain().say(s.user(), channel, text);
    }
  }

  private static void toNick(IrcSession s, String nick, String text, boolean action) {
    if (s.domain().online(nick) == null) {
      throw new ChatException(ChatException.Reason.NO_SUCH_NICK, "No such nick", nick);
    }
    if (!s.flood().awaitTurn()) {
      return;
    }
    s.chat().sendPrivate(nick, action ? "* " + s.user().nick() + " " + text : text);
  }

  static void away(IrcSession s, IrcMessage m, Response out) {
    String message = m.params().isEmpty() ? null : IrcFormat.stripFormatting(m.param(0));
    s.chat().setAway(message == null || message.isBlank() ? null : message);
  }
}
