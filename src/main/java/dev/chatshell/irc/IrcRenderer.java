package dev.chatshell.irc;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelMessage;
import dev.chatshell.chat.ChannelNotice;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.Disconnected;
import dev.chatshell.chat.HistoryEntry;
import dev.chatshell.chat.Member;
import dev.chatshell.chat.Names;
import dev.chatshell.chat.Notice;
import dev.chatshell.chat.PrivateMessage;
import dev.chatshell.chat.ServerNotice;
import dev.chatshell.chat.User;
import dev.chatshell.shell.NoticeText;
import dev.chatshell.shell.Reply;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The IRC rendering of what the domain tells a user, as {@code shell.Renderer} is the terminal's: a
 * kick becomes KICK, a grant MODE +o, a rename RENAME (or PART and JOIN for clients without
 * draft/channel-rename), a join request a knock NOTICE to the channel's admins. What IRC has no
 * message for is a NOTICE from the server with the shell's own sentence ({@link NoticeText}), so
 * both doors say the same thing.
 *
 * <p>Text from shell users is made safe by the domain before it gets here (no escape or control
 * character reaches a client raw); long lines are split, never cut ({@link IrcFormat#split}).
 *
 * <p>Threading: the outbox's drain only (one at a time per session); it alone keeps {@link
 * #shownNick}, the nick the client was last told it has.
 */
final class IrcRenderer {
  private static final DateTimeFormatter SERVER_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  // Channel lines as their members see them, rendered once for all the members of every session
  // of this JVM that see them alike: events are told apart by identity, so servers never mix.
  private static final SharedLines SHARED = new SharedLines();

  private final String server;
  private final IrcSession session;
  private String shownNick;
  // Nicks told to have quit, until they join again: the domain tells a quit in each channel the
  // two share, IRC once. Bounded: the oldest are forgotten first. Made at the first quit, so an
  // idle client that has seen none does not keep an empty set.
  private LinkedHashSet<String> quitSent;
  // The repeats of one quit come together (one removal tells every channel), so a few will do.
  private static final int QUITS_REMEMBERED = 16;

  IrcRenderer(String server, IrcSession session) {
    this.server = server;
    this.session = session;
  }

  /** The nick the client was welcomed with: later nick changes are told from it. */
  void startAs(String nick) {
    shownNick = nick;
  }

  /**
   * The bytes of {@code event} (its lines, each ending in CR LF) when this client sees it as many
   * others do, rendered once for all of them; null when it is rendered for this client alone
   * ({@link #render}). So far that is a channel line from someone else: what it looks like depends
   * only on whether the client asked for server-time and account-tag, not on who the client is. The
   * array is shared: never to be changed.
   */
  byte[] shared(ChatEvent event) {
    if (!(event instanceof ChannelMessage m)) {
      return null;
    }
    User me = session.user();
    if (me == null || m.nick().equals(me.nick())) {
      return null; // not logged in, or its own line (echo-message; the source shows its own ident)
    }
    int form = (session.has("server-time") ? 1 : 0) | (session.has("account-tag") ? 2 : 0);
    byte[] bytes = SHARED.get(m, form);
    if (bytes == null) {
      List<String> lines = new ArrayList<>(1);
      message(new Lines(lines, session, server, m.time()), m, me.nick());
      bytes = IrcOutput.encode(lines);
      SHARED.put(m, form, bytes);
    }
    return bytes;
  }

  /** Adds the lines of {@code event}; true when the session ends once they are written. */
  boolean render(ChatEvent event, List<String> out) {
    User me = session.user();
    if (me == null) {
      return false;
    }
    String nick = me.nick();
    if (shownNick == null) {
      shownNick = nick;
    }
    Lines lines = new Lines(out, session, server, event.time());
    switch (event) {
      case ChannelMessage m -> message(lines, m, nick);
      case PrivateMessage m -> privateMessage(lines, m, nick);
      case ChannelNotice n -> lines.split(":" + server + " NOTICE " + n.channel() + " :", n.text());
      case ServerNotice n -> lines.notice(shownNick, n.text());
      case Disconnected d -> {
        lines.add("ERROR :Closing link: " + shownNick + " (" + d.text() + ")");
        return true;
      }
      case Reply r -> {
        for (Reply.Line line : r.lines()) {
          lines.notice(shownNick, line.text());
        }
      }
      case Notice n -> {
        return notice(lines, n, me);
      }
      default -> {} // the shell's own events (log lines on the console) have no IRC form
    }
    return false;
  }

  private void message(Lines out, ChannelMessage m, String me) {
    if (m.nick().equals(me) && !session.has("echo-message")) {
      return;
    }
    String text = m.action() ? "\u0001ACTION " + m.text() + "\u0001" : m.text();
    String verb = m.notice() ? " NOTICE " : " PRIVMSG ";
    out.split(out.tags(m.nick()) + ":" + source(m.nick()) + verb + m.channel() + " :", text);
  }

  private void privateMessage(Lines out, PrivateMessage m, String me) {
    if (m.from().equals(me)) {
      if (!session.has("echo-message")) {
        return;
      }
      for (String to : m.to()) {
        out.split(out.tags(me) + ":" + source(me) + " PRIVMSG " + to + " :", m.text());
      }
      return;
    }
    out.split(out.tags(m.from()) + ":" + source(m.from()) + " PRIVMSG " + me + " :", m.text());
  }

  /** A domain event: its IRC message, or the shell's sentence as a NOTICE. */
  private boolean notice(Lines out, Notice notice, User me) {
    String nick = me.nick();
    switch (notice) {
      case Notice.Joined n -> {
        seen(n.nick());
        out.add(out.tags(n.nick()) + ":" + source(n.nick()) + " JOIN " + n.channel());
      }
      case Notice.YouCreated n ->
          joinedLines(
              out,
              n.channel(),
              List.of(Prefixes.of(ChannelRole.MAIN_ADMIN, session) + nick),
              false);
      case Notice.YouJoined n -> {
        List<String> seats = new ArrayList<>(n.members().size());
        for (Notice.Seat seat : n.members()) {
          seen(seat.nick());
          seats.add(Prefixes.of(seat.role(), session) + seat.nick());
        }
        Channel channel = session.domain().channel(n.channel());
        joinedLines(out, n.channel(), seats, channel != null && channel.isPrivate());
      }
      case Notice.TopicShown n -> {
        if (n.topic() != null && !n.topic().text().isEmpty()) {
          out.numeric(nick, "332", n.channel(), n.topic().text());
          out.numeric(
              nick,
              "333",
              n.channel(),
              n.topic().by() == null ? server : n.topic().by(),
              String.valueOf(n.topic().at() == null ? 0 : n.topic().at().getEpochSecond()));
        }
      }
      case Notice.Scrollback n -> history(out, n.channel(), n.entries());
      case Notice.AlreadyIn n -> {}
      case Notice.NowCurrent n -> {}
      case Notice.Left n ->
          out.add(":" + source(n.nick()) + " PART " + n.channel() + reasonParam(n.reason()));
      case Notice.YouLeft n ->
          out.add(":" + source(nick) + " PART " + n.channel() + reasonParam(n.reason()));
      case Notice.Quit n ->
          quit(out, n.nick(), n.time(), n.reason() == null ? "Quit" : "Quit: " + n.reason());
      case Notice.Killed n ->
          quit(out, n.nick(), n.time(), "Killed (" + n.actor() + " (" + orEmpty(n.reason()) + "))");
      case Notice.BannedFromServer n ->
          quit(out, n.nick(), n.time(), "Banned from the server (" + orEmpty(n.reason()) + ")");
      case Notice.Succeeded n -> out.add(":" + server + " MODE " + n.channel() + " +q " + n.heir());
      case Notice.PrivacySet n ->
          out.add(":" + source(n.actor()) + " MODE " + n.channel() + (n.on() ? " +i" : " -i"));
      case Notice.RequestSent n ->
          out.numeric(
              nick,
              "473",
              n.channel(),
              "Cannot join channel (+i): your request to join was sent to its admins");
      case Notice.RequestWaiting n ->
          out.numeric(
              nick,
              "473",
              n.channel(),
              "Cannot join channel (+i): your request to join is still waiting");
      case Notice.RequestFiled n ->
          // KNOCK, as servers that have it tell a channel's operators
          out.add(
              ":"
                  + server
                  + " NOTICE @"
                  + n.channel()
                  + " :[Knock] by "
                  + Masks.of(n.nick(), server)
                  + " (asks to join; INVITE "
                  + n.nick()
                  + " "
                  + n.channel()
                  + " lets them in)");
      case Notice.Invited n -> {
        // RFC 2812: only the invitee is told; invite-notify clients follow the channel's invites
        if (session.has("invite-notify") && !n.actor().equals(nick)) {
          out.add(":" + source(n.actor()) + " INVITE " + n.nick() + " " + n.channel());
        }
      }
      case Notice.InvitedYou n ->
          out.add(":" + source(n.actor()) + " INVITE " + nick + " " + n.channel());
      case Notice.Kicked n ->
          out.add(
              ":"
                  + source(n.actor())
                  + " KICK "
                  + n.channel()
                  + " "
                  + n.nick()
                  + " :"
                  + orDefault(n.reason(), n.actor()));
      case Notice.KickedYou n ->
          out.add(
              ":"
                  + source(n.actor())
                  + " KICK "
                  + n.channel()
                  + " "
                  + nick
                  + " :"
                  + orDefault(n.reason(), n.actor()));
      case Notice.RoleChanged n -> {
        String change =
            switch (n.role()) {
              case SECONDARY_ADMIN -> " +o ";
              case MAIN_ADMIN -> " +qo " + n.nick() + " ";
              case MEMBER -> " -o ";
            };
        out.add(":" + source(n.actor()) + " MODE " + n.channel() + change + n.nick());
      }
      case Notice.Renamed n -> renamed(out, n, nick);
      case Notice.ChannelDeleted n ->
          out.add(
              ":"
                  + source(nick)
                  + " PART "
                  + n.channel()
                  + " :Channel deleted by "
                  + n.actor()
                  + (n.reason() == null || n.reason().isBlank() ? "" : ": " + n.reason()));
      case Notice.TopicSet n ->
          out.add(":" + source(n.actor()) + " TOPIC " + n.channel() + " :" + orEmpty(n.text()));
      case Notice.TopicLockSet n ->
          out.add(":" + source(n.actor()) + " MODE " + n.channel() + (n.locked() ? " +t" : " -t"));
      case Notice.LimitSet n ->
          out.add(
              ":"
                  + source(n.actor())
                  + " MODE "
                  + n.channel()
                  + (n.limit() == 0 ? " -l" : " +l " + n.limit()));
      case Notice.KilledYou n -> {
        out.add(":" + source(n.actor()) + " KILL " + nick + " :" + orEmpty(n.reason()));
        out.add(
            "ERROR :Closing link: "
                + nick
                + " (Killed ("
                + n.actor()
                + " ("
                + orEmpty(n.reason())
                + ")))");
        return true;
      }
      case Notice.BannedYouFromServer n -> {
        out.numeric(nick, "465", "You are banned from this server: " + NoticeText.text(n));
        out.add("ERROR :Closing link: " + nick + " (Banned)");
        return true;
      }
      case Notice.NowOperator n -> {
        out.numeric(nick, "381", "You are now an IRC operator");
        out.add(":" + nick + " MODE " + nick + " :+o");
      }
      case Notice.Banned n ->
          out.add(":" + source(n.actor()) + " MODE " + n.channel() + " +b " + Masks.of(n.ban()));
      case Notice.BanLifted n ->
          out.add(":" + source(n.actor()) + " MODE " + n.channel() + " -b " + Masks.of(n.ban()));
      case Notice.BannedOut n ->
          out.add(":" + server + " KICK " + n.channel() + " " + n.nick() + " :Banned");
      case Notice.BannedYou n ->
          out.add(
              ":"
                  + (n.ban().by() == null ? server : source(n.ban().by()))
                  + " KICK "
                  + n.channel()
                  + " "
                  + nick
                  + " :"
                  + NoticeText.text(n));
      case Notice.NickChanged n -> {
        seen(n.newNick());
        out.add(":" + source(n.oldNick()) + " NICK :" + n.newNick());
      }
      case Notice.YourNickChanged n -> {
        if (!n.nick().equals(shownNick)) {
          out.add(":" + source(shownNick) + " NICK :" + n.nick());
          shownNick = n.nick();
        }
        if (n.account() != null) {
          out.numeric(
              n.nick(),
              "900",
              Masks.of(n.nick(), server),
              n.account(),
              "You are now logged in as " + n.account());
        }
      }
      case Notice.AwaySet n -> {
        if (n.message() == null) {
          out.numeric(nick, "305", "You are no longer marked as being away");
        } else {
          out.numeric(nick, "306", "You have been marked as being away");
        }
      }
      case Notice.IsAway n -> out.numeric(nick, "301", n.nick(), orEmpty(n.message()));
      case Notice.AwayChanged n -> {
        if (session.has("away-notify")) {
          out.add(":" + source(n.nick()) + " AWAY" + reasonParam(n.message()));
        }
      }
      case Notice.LoggedInToShared n -> {
        out.notice(nick, NoticeText.text(n));
        for (Channel channel : me.channels()) {
          List<String> seats = new ArrayList<>();
          for (Member member : channel.members()) {
            seats.add(Prefixes.of(member.role(), session) + member.user().nick());
          }
          joinedLines(out, channel.name(), seats, channel.isPrivate());
        }
      }
      case Notice.MissedMentions n -> {
        out.notice(nick, NoticeText.text(n));
        for (HistoryEntry entry : n.entries()) {
          out.notice(
              nick,
              "["
                  + CLOCK.format(entry.time())
                  + "] "
                  + (entry.channel() == null ? "" : entry.channel() + " ")
                  + "<"
                  + entry.nick()
                  + "> "
                  + entry.text());
        }
      }
      // what IRC has no message for: the shell's sentence, from the server
      case Notice.OtherTerminalLoggedIn n -> out.notice(nick, NoticeText.text(n));
      case Notice.TerminalLeft n -> out.notice(nick, NoticeText.text(n));
      case Notice.NothingMissed n -> {}
      case Notice.Trouble n -> out.notice(nick, NoticeText.text(n));
      case Notice.ChannelTrouble n -> out.notice(nick, NoticeText.text(n));
      case Notice.RequestAnswered n -> out.channelNotice(n.channel(), NoticeText.text(n));
      case Notice.YourRequestDenied n -> out.notice(nick, NoticeText.text(n));
      case Notice.InvitationWaits n -> out.notice(nick, NoticeText.text(n));
      case Notice.ChannelRegistered n -> out.channelNotice(n.channel(), NoticeText.text(n));
      case Notice.YouKilled n -> out.notice(nick, NoticeText.text(n));
      case Notice.ServerBanSet n -> out.notice(nick, NoticeText.text(n));
      case Notice.ServerBanLifted n -> out.notice(nick, NoticeText.text(n));
      case Notice.YouRegistered n -> out.notice(nick, NoticeText.text(n));
      case Notice.PasswordChanged n -> out.notice(nick, NoticeText.text(n));
      case Notice.KeyAdded n -> out.notice(nick, NoticeText.text(n));
      case Notice.KeyRemoved n -> out.notice(nick, NoticeText.text(n));
      case Notice.IgnoreSet n -> out.notice(nick, NoticeText.text(n));
      case Notice.Autojoining n -> out.notice(nick, NoticeText.text(n));
      case Notice.NotRejoined n -> out.notice(nick, NoticeText.text(n));
    }
    return false;
  }

  /** JOIN, then the names: what a client needs to open a channel's window. */
  private void joinedLines(Lines out, String channel, List<String> seats, boolean secret) {
    String me = session.user().nick();
    out.add(out.tags(me) + ":" + source(me) + " JOIN " + channel);
    Response names = new Response(server, me);
    Queries.namesLines(session, names, channel, secret, seats);
    IrcLines lines = names.toEvent();
    if (lines != null) {
      lines.lines().forEach(out::add);
    }
  }

  /** A rename: RENAME for clients that know it, PART and JOIN (with the names) for the others. */
  private void renamed(Lines out, Notice.Renamed n, String nick) {
    if (session.has("draft/channel-rename")) {
      out.add(
          ":"
              + source(n.actor())
              + " RENAME "
              + n.oldName()
              + " "
              + n.channel()
              + " :Renamed by "
              + n.actor());
      return;
    }
    out.add(
        ":"
            + source(nick)
            + " PART "
            + n.oldName()
            + " :Renamed to "
            + n.channel()
            + " by "
            + n.actor());
    Channel channel = session.domain().channel(n.channel());
    List<String> seats = new ArrayList<>();
    if (channel != null) {
      for (Member member : channel.members()) {
        seats.add(Prefixes.of(member.role(), session) + member.user().nick());
      }
    }
    joinedLines(out, n.channel(), seats, channel != null && channel.isPrivate());
    if (channel != null && channel.topic() != null && !channel.topic().text().isEmpty()) {
      out.numeric(nick, "332", n.channel(), channel.topic().text());
    }
  }

  /** One QUIT per user, though the domain tells it in each channel the two share. */
  private void quit(Lines out, String who, Instant time, String reason) {
    if (quitSent == null) {
      quitSent = new LinkedHashSet<>();
    }
    if (!quitSent.add(Names.key(who))) {
      return;
    }
    if (quitSent.size() > QUITS_REMEMBERED) {
      quitSent.removeFirst();
    }
    out.add(":" + source(who) + " QUIT :" + reason);
  }

  /** {@code nick} is here again: a later quit of theirs is news. */
  private void seen(String nick) {
    if (quitSent != null && !quitSent.isEmpty()) {
      quitSent.remove(Names.key(nick));
    }
  }

  /** History shown on join: as the lines they were, with their time for clients that take it. */
  private void history(Lines out, String channel, List<HistoryEntry> entries) {
    for (HistoryEntry entry : entries) {
      historyLine(session, out::add, channel, entry, null);
    }
  }

  /**
   * One line of history: a PRIVMSG with its {@code time} tag for clients with server-time, a NOTICE
   * from the server with the time written in for the others (who would take it for a line said
   * now).
   */
  static void historyLine(
      IrcSession session, Consumer<String> out, String channel, HistoryEntry entry, String batch) {
    String server = session.server().name();
    if (session.has("server-time")) {
      String tags =
          "@time="
              + SERVER_TIME.format(entry.time())
              + (batch == null ? "" : ";batch=" + batch)
              + " ";
      for (String line :
          IrcFormat.split(
              tags + ":" + Masks.of(entry.nick(), server) + " PRIVMSG " + channel + " :",
              entry.text())) {
        out.accept(line);
      }
      return;
    }
    for (String line :
        IrcFormat.split(
            ":" + server + " NOTICE " + channel + " :",
            "[" + CLOCK.format(entry.time()) + "] <" + entry.nick() + "> " + entry.text())) {
      out.accept(line);
    }
  }

  static void historyLine(
      IrcSession session, Response out, String channel, HistoryEntry entry, String batch) {
    historyLine(session, out::line, channel, entry, batch);
  }

  private String source(String nick) {
    User me = session.user();
    if (me != null && nick.equals(me.nick())) {
      // the client's own lines carry the user name it gave, even when they are written after it
      // left (a QUIT right behind a JOIN) and the door no longer lists it
      return Masks.of(nick, session.ownIdent(), server);
    }
    return session.people().source(nick);
  }

  private static String reasonParam(String reason) {
    return reason == null || reason.isBlank() ? "" : " :" + reason;
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static String orDefault(String text, String fallback) {
    return text == null || text.isBlank() ? fallback : text;
  }

  /** The lines of one event, with the tags this client asked for. */
  private static final class Lines {
    private final List<String> out;
    private final IrcSession session;
    private final String server;
    private final Instant time;

    Lines(List<String> out, IrcSession session, String server, Instant time) {
      this.out = out;
      this.session = session;
      this.server = server;
      this.time = time;
    }

    void add(String line) {
      out.add(IrcFormat.fit(line));
    }

    void split(String head, String text) {
      out.addAll(IrcFormat.split(head, text));
    }

    /** {@code @time=...;account=... } for clients with server-time or account-tag; else empty. */
    String tags(String nick) {
      boolean time = session.has("server-time");
      String account = null;
      if (session.has("account-tag")) {
        User who = session.domain().online(nick);
        account = who == null ? null : who.account();
      }
      if (!time && account == null) {
        return "";
      }
      StringBuilder tags = new StringBuilder("@");
      if (time) {
        tags.append("time=").append(SERVER_TIME.format(this.time));
      }
      if (account != null) {
        tags.append(time ? ";" : "").append("account=").append(IrcMessage.escape(account));
      }
      return tags.append(' ').toString();
    }

    void notice(String nick, String text) {
      split(":" + server + " NOTICE " + nick + " :", text);
    }

    void channelNotice(String channel, String text) {
      split(":" + server + " NOTICE " + channel + " :", text);
    }

    void numeric(String nick, String code, String... params) {
      Response response = new Response(server, nick);
      response.numeric(code, params);
      IrcLines lines = response.toEvent();
      if (lines != null) {
        out.addAll(lines.lines());
      }
    }
  }
}
