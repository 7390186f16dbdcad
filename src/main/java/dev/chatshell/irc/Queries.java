package dev.chatshell.irc;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.HistoryEntry;
import dev.chatshell.chat.Member;
import dev.chatshell.chat.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The verbs that only show something: the server (MOTD, LUSERS, VERSION, TIME), people (WHOIS, WHO,
 * ISON, USERHOST) and channels (NAMES, LIST, CHATHISTORY), plus PING and QUIT. They cost nothing in
 * flood control, as the shell's /WHO and /LIST do.
 */
final class Queries {
  private Queries() {}

  static void ping(IrcSession s, IrcMessage m, Response out) {
    out.line(IrcFormat.fit(":" + out.server() + " PONG " + out.server() + " :" + m.param(0)));
  }

  static void quit(IrcSession s, IrcMessage m, Response out) {
    String reason = m.param(0, "").strip();
    String shown = reason.isEmpty() ? "Quit" : "Quit: " + reason;
    out.line("ERROR :Closing link: " + out.nick() + " (" + shown + ")");
    // The reason as the client gave it: renderers add their own "Quit: " (IRC) or "has quit"
    // (shell)
    s.quit(reason.isEmpty() ? "quit" : IrcFormat.stripFormatting(reason), out);
  }

  static void motd(IrcSession s, Response out) {
    List<String> motd = s.server().motd();
    if (motd.isEmpty()) {
      out.numeric("422", "MOTD File is missing");
      return;
    }
    out.numeric("375", "- " + s.server().name() + " Message of the day - ");
    for (String line : motd) {
      out.numeric("372", "- " + line);
    }
    out.numeric("376", "End of /MOTD command.");
  }

  static void lusers(IrcSession s, Response out) {
    int users = s.domain().userCount();
    int channels = s.domain().channels().size();
    out.numeric("251", "There are " + users + " users and 0 invisible on 1 servers");
    out.numeric("252", "0", "operator(s) online");
    out.numeric("254", String.valueOf(channels), "channels formed");
    out.numeric("255", "I have " + users + " clients and 0 servers");
    out.numeric("265", String.valueOf(users), String.valueOf(users), "Current local users");
    out.numeric("266", String.valueOf(users), String.valueOf(users), "Current global users");
  }

  static void version(IrcSession s, IrcMessage m, Response out) {
    out.numeric(
        "351",
        "chatshell-" + s.server().version(),
        s.server().name(),
        "chatshell: telnet, SSH and IRC into the same channels");
    for (List<String> tokens : Isupport.lines(s.server())) {
      List<String> params = new ArrayList<>(tokens);
      params.add("are supported by this server");
      out.numeric("005", params.toArray(String[]::new));
    }
  }

  static void time(IrcSession s, IrcMessage m, Response out) {
    out.numeric(
        "391",
        s.server().name(),
        DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)));
  }

  static void whois(IrcSession s, IrcMessage m, Response out) {
    // WHOIS [server] nick: the nick is the last parameter, and only the first of a list is used
    String nick = m.param(m.params().size() - 1).split(",")[0];
    User who = s.domain().online(nick);
    if (who == null) {
      out.numeric("401", nick, "No such nick/channel");
      out.numeric("318", nick, "End of /WHOIS list");
      return;
    }
    String host = s.server().name();
    IrcPeople people = s.people();
    out.numeric("311", who.nick(), people.ident(who), host, "*", people.realName(who));
    List<String> channels = new ArrayList<>();
    for (Channel channel : who.channels()) {
      if (!channel.isPrivate() || channel.contains(s.user()) || s.user().isOperator()) {
        channels.add(Prefixes.of(channel.roleOf(who), s) + channel.name());
      }
    }
    // As many 319 lines as the list needs: one line would be cut at 510 bytes (50 channels)
    int room =
        IrcConnection.MAX_BODY
            - IrcFormat.utf8Length(
                ":" + out.server() + " 319 " + out.nick() + " " + who.nick() + " :");
    StringBuilder line = new StringBuilder();
    for (String channel : channels) {
      if (!line.isEmpty()
          && IrcFormat.utf8Length(line.toString()) + 1 + IrcFormat.utf8Length(channel) > room) {
        out.numeric("319", who.nick(), line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(channel);
    }
    if (!line.isEmpty()) {
      out.numeric("319", who.nick(), line.toString());
    }
    out.numeric("312", who.nick(), host, s.server().network());
    if (who.isOperator()) {
      out.numeric("313", who.nick(), "is an IRC operator");
    }
    if (who.account() != null) {
      out.numeric("330", who.nick(), who.account(), "is logged in as");
    }
    if (s.user().isOperator() || who == s.user()) {
      out.numeric("338", who.nick(), who.address(), "is connecting from");
    }
    if (who.away() != null) {
      out.numeric("301", who.nick(), who.away());
    }
    out.numeric(
        "317",
        who.nick(),
        "0",
        String.valueOf(who.since().getEpochSecond()),
        "seconds idle, signon time");
    out.numeric("318", who.nick(), "End of /WHOIS list");
  }

  /** WHOWAS nick [count]: the IRC users who left under that nick, the most recent first. */
  static void whowas(IrcSession s, IrcMessage m, Response out) {
    String nick = m.param(0).split(",")[0];
    int most = 0;
    try {
      most = Integer.parseInt(m.param(1, "0"));
    } catch (NumberFormatException e) {
      // not a count: all of them, as for none
    }
    List<IrcPeople.Departure> found = s.people().whowas(nick, most);
    if (found.isEmpty()) {
      out.numeric("406", nick, "There was no such nickname");
    }
    for (IrcPeople.Departure was : found) {
      out.numeric("314", was.nick(), was.ident(), s.people().host(), "*", was.realName());
      out.numeric(
          "312",
          was.nick(),
          s.server().name(),
          DateTimeFormatter.RFC_1123_DATE_TIME.format(was.at().atOffset(ZoneOffset.UTC)));
    }
    out.numeric("369", nick, "End of WHOWAS");
  }

  /** LINKS: this server alone. */
  static void links(IrcSession s, IrcMessage m, Response out) {
    out.numeric("364", s.server().name(), s.server().name(), "0 " + s.server().description());
    out.numeric("365", "*", "End of /LINKS list");
  }

  /** INFO: what the server is. */
  static void info(IrcSession s, IrcMessage m, Response out) {
    out.numeric("371", "chatshell-" + s.server().version());
    out.numeric("371", "Telnet, SSH and IRC users in the same channels.");
    out.numeric("374", "End of /INFO list");
  }

  static void who(IrcSession s, IrcMessage m, Response out) {
    String mask = m.param(0, "*");
    if (mask.startsWith("#")) {
      Channel channel = s.chat().channel(mask);
      if (channel != null) {
        try {
          for (Member member : s.chat().membersSeenBy(channel)) {
            whoLine(s, out, channel.name(), member.user(), member.role());
          }
        } catch (ChatException e) {
          // a private channel the asker is not in: an empty list, as for a secret channel
        }
      }
    } else {
      User who = s.domain().online(mask);
      if (who != null) {
        Channel shared = null;
        for (Channel channel : who.channels()) {
          if (!channel.isPrivate() || channel.contains(s.user())) {
            shared = channel;
            break;
          }
        }
        whoLine(
            s,
            out,
            shared == null ? "*" : shared.name(),
            who,
            shared == null ? ChannelRole.MEMBER : shared.roleOf(who));
      }
    }
    out.numeric("315", mask, "End of WHO list");
  }

  private static void whoLine(
      IrcSession s, Response out, String channel, User who, ChannelRole role) {
    String flags =
        (who.away() == null ? "H" : "G") + (who.isOperator() ? "*" : "") + Prefixes.of(role, s);
    out.numeric(
        "352",
        channel,
        s.people().ident(who),
        s.server().name(),
        s.server().name(),
        who.nick(),
        flags,
        "0 " + s.people().realName(who));
  }

  static void ison(IrcSession s, IrcMessage m, Response out) {
    List<String> online = new ArrayList<>();
    for (String param : m.params()) {
      for (String nick : param.split(" ")) {
        User who = nick.isEmpty() ? null : s.domain().online(nick);
        if (who != null) {
          online.add(who.nick());
        }
      }
    }
    out.numeric("303", String.join(" ", online));
  }

  static void userhost(IrcSession s, IrcMessage m, Response out) {
    List<String> replies = new ArrayList<>();
    for (String nick : m.params().subList(0, Math.min(5, m.params().size()))) {
      User who = s.domain().online(nick);
      if (who != null) {
        replies.add(
            who.nick()
                + (who.isOperator() ? "*" : "")
                + "="
                + (who.away() == null ? "+" : "-")
                + s.people().ident(who)
                + "@"
                + s.server().name());
      }
    }
    out.numeric("302", String.join(" ", replies));
  }

  static void names(IrcSession s, IrcMessage m, Response out) {
    String name = m.param(0, "*").split(",")[0];
    Channel channel = name.startsWith("#") ? s.chat().channel(name) : null;
    if (channel != null) {
      try {
        List<Member> members = s.chat().membersSeenBy(channel);
        namesLines(s, out, channel.name(), channel.isPrivate(), seats(s, members));
        return;
      } catch (ChatException e) {
        // private and not a member: only the end, as for a secret channel
      }
    }
    out.numeric("366", name, "End of /NAMES list");
  }

  private static List<String> seats(IrcSession s, List<Member> members) {
    List<String> shown = new ArrayList<>(members.size());
    for (Member member : members) {
      shown.add(Prefixes.of(member.role(), s) + member.user().nick());
    }
    return shown;
  }

  /** RPL_NAMREPLY lines, as many as the names need, then RPL_ENDOFNAMES. */
  static void namesLines(
      IrcSession s, Response out, String channel, boolean secret, List<String> names) {
    String head =
        ":"
            + out.server()
            + " 353 "
            + out.nick()
            + " "
            + (secret ? "@" : "=")
            + " "
            + channel
            + " :";
    StringBuilder line = new StringBuilder(head);
    boolean userhost = s.has("userhost-in-names");
    for (String seat : names) {
      String shown = seat;
      if (userhost) {
        int start = 0;
        while (start < seat.length() && "~@".indexOf(seat.charAt(start)) >= 0) {
          start++;
        }
        String nick = seat.substring(start);
        shown = seat.substring(0, start) + s.people().source(nick);
      }
      if (line.length() > head.length()
          && IrcFormat.utf8Length(line.toString()) + 1 + IrcFormat.utf8Length(shown)
              > IrcConnection.MAX_BODY) {
        out.line(line.toString());
        line.setLength(head.length());
      }
      if (line.length() > head.length()) {
        line.append(' ');
      }
      line.append(shown);
    }
    if (line.length() > head.length()) {
      out.line(line.toString());
    }
    out.numeric("366", channel, "End of /NAMES list");
  }

  static void list(IrcSession s, IrcMessage m, Response out) {
    out.numeric("321", "Channel", "Users  Name");
    List<String> wanted =
        m.params().isEmpty() || !m.param(0).startsWith("#") ? null : List.of(m.param(0).split(","));
    List<Channel> shown = s.chat().channels();
    if (wanted != null) {
      // the channels named, looked up one by one (at most a few: not a scan of them all each)
      shown = new ArrayList<>();
      for (String name : wanted.subList(0, Math.min(wanted.size(), Isupport.MAX_JOIN_TARGETS))) {
        Channel channel = s.chat().channel(name);
        if (channel != null && !shown.contains(channel)) {
          shown.add(channel);
        }
      }
    }
    for (Channel channel : shown) {
      boolean member = channel.contains(s.user());
      if (channel.isPrivate() && !member && !s.user().isOperator()) {
        continue;
      }
      String topic = channel.topic() == null ? "" : channel.topic().text();
      out.numeric(
          "322",
          channel.name(),
          String.valueOf(channel.size()),
          (channel.isPrivate() ? "[+i] " : "") + topic);
    }
    out.numeric("323", "End of /LIST");
  }

  /**
   * CHATHISTORY LATEST channel * limit (draft/chathistory), the one form clients use to fill a
   * window: the channel's last lines as /HISTORY shows them, in a batch when the client has it.
   */
  static void chathistory(IrcSession s, IrcMessage m, Response out) {
    String sub = m.param(0).toUpperCase(java.util.Locale.ROOT);
    String target = m.param(1);
    if (!sub.equals("LATEST")) {
      out.line(
          "FAIL CHATHISTORY INVALID_PARAMS "
              + sub
              + " :Only CHATHISTORY LATEST <channel> * <limit> is offered here");
      return;
    }
    int limit;
    try {
      limit = Math.max(1, Math.min(100, Integer.parseInt(m.param(3, m.param(2)))));
    } catch (NumberFormatException e) {
      out.line("FAIL CHATHISTORY INVALID_PARAMS LATEST :The limit is not a number");
      return;
    }
    if (!target.startsWith("#")) {
      out.line("FAIL CHATHISTORY INVALID_TARGET LATEST " + target + " :Only channels");
      return;
    }
    Channel channel = s.chat().memberChannel(target);
    s.chat().switchTo(channel.name());
    List<HistoryEntry> entries = s.chat().channelHistory(limit);
    String batch = s.has("batch") ? "hist" + Long.toHexString(System.nanoTime()) : null;
    if (batch != null) {
      out.line(":" + out.server() + " BATCH +" + batch + " chathistory " + channel.name());
    }
    for (HistoryEntry entry : entries) {
      IrcRenderer.historyLine(s, out, channel.name(), entry, batch);
    }
    if (batch != null) {
      out.line(":" + out.server() + " BATCH -" + batch);
    }
  }
}
