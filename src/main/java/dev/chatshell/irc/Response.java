package dev.chatshell.irc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines one client command answers with, gathered while it runs and sent as one write when it
 * is done (as ergo hands each handler one response buffer).
 *
 * <p>Threading: the session's thread only.
 */
final class Response {
  private final String server;
  private final String nick;
  private final List<String> lines = new ArrayList<>(4);
  private boolean last; // the session closes once these lines are written

  /**
   * @param server the server's name, the source of numerics
   * @param nick the client's nick, or {@code *} before it has one
   */
  Response(String server, String nick) {
    this.server = server;
    this.nick = nick;
  }

  /**
   * Adds {@code :server CODE nick params...}; the last parameter is sent as a trailing one (after
   * {@code :}), so it may hold spaces.
   */
  Response numeric(String code, String... params) {
    StringBuilder line = new StringBuilder(64);
    line.append(':').append(server).append(' ').append(code).append(' ').append(nick);
    for (int i = 0; i < params.length; i++) {
      line.append(' ');
      if (i == params.length - 1) {
        line.append(':');
      }
      line.append(params[i]);
    }
    lines.add(IrcFormat.fit(line.toString()));
    return this;
  }

  /** Adds a NOTICE from the server to the client: how the door says what has no numeric. */
  Response notice(String text) {
    for (String part : IrcFormat.split(":" + server + " NOTICE " + nick + " :", text)) {
      lines.add(part);
    }
    return this;
  }

  /** Adds a line as it is. */
  Response line(String line) {
    lines.add(line);
    return this;
  }

  /** Makes these lines the session's last: it closes once they are written. */
  void closeAfter() {
    last = true;
  }

  /** Lines gathered so far. */
  int size() {
    return lines.size();
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The lines, as an event for the outbox (null when there are none). */
  IrcLines toEvent() {
    return lines.isEmpty() && !last ? null : new IrcLines(Instant.now(), lines, last);
  }

  String nick() {
    return nick;
  }

  String server() {
    return server;
  }
}
