package dev.chatshell.chat;

import java.time.Instant;
import java.util.List;

/**
 * A message as history keeps it: in a channel ({@code channel} set, {@code to} empty), or private
 * ({@code channel} null, the recipients' nicks in {@code to} and their accounts, where they had
 * one, in {@code toAccounts}). {@code account} is the sender's account, or null.
 */
public record HistoryEntry(
    Instant time,
    String channel,
    String nick,
    String account,
    List<String> to,
    List<String> toAccounts,
    String text,
    boolean closed) {

  public HistoryEntry {
    to = List.copyOf(to);
    toAccounts = List.copyOf(toAccounts);
  }

  /** An entry said in an open channel, or privately. */
  public HistoryEntry(
      Instant time,
      String channel,
      String nick,
      String account,
      List<String> to,
      List<String> toAccounts,
      String text) {
    this(time, channel, nick, account, to, toAccounts, text, false);
  }

  /**
   * Marks an action ({@code /ME}) in the stored text. A control character, so no typed text can
   * carry it: {@link Text#visible} makes those visible before anything is said.
   */
  static final String ACTION = "\u0001";

  /** A line said in an open channel. */
  public static HistoryEntry said(ChannelMessage message, String account) {
    return said(message, account, false);
  }

  /**
   * A line said in a channel; {@code closed} when the channel was private then, so that the line
   * never reaches anyone outside it (missed mentions, channel logs).
   */
  public static HistoryEntry said(ChannelMessage message, String account, boolean closed) {
    return new HistoryEntry(
        message.time(),
        message.channel(),
        message.nick(),
        account,
        List.of(),
        List.of(),
        message.action() ? ACTION + message.text() : message.text(),
        closed);
  }

  public boolean isPrivate() {
    return channel == null;
  }

  private static final java.time.format.DateTimeFormatter TODAY =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneOffset.UTC);
  private static final java.time.format.DateTimeFormatter EARLIER =
      java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm")
          .withZone(java.time.ZoneOffset.UTC);

  /**
   * The line as history shows it, with its time (UTC; the day too when it was not today): {@code
   * [12:01] <bob> hi}, {@code [11-20 09:15] [#go] <bob> hi} (with the channel when {@code
   * withChannel}), {@code [12:01] *bob* (to alice) psst}.
   */
  public String line(Instant now, boolean withChannel) {
    boolean today =
        time.atZone(java.time.ZoneOffset.UTC)
            .toLocalDate()
            .equals(now.atZone(java.time.ZoneOffset.UTC).toLocalDate());
    String when = "[" + (today ? TODAY : EARLIER).format(time) + "] ";
    if (isPrivate()) {
      return when + "*" + nick + "* (to " + String.join(";", to) + ") " + text;
    }
    String where = withChannel ? "[" + channel + "] " : "";
    if (text.startsWith(ACTION)) {
      return when + where + "* " + nick + " " + text.substring(ACTION.length());
    }
    return when + where + "<" + nick + "> " + text;
  }
}
