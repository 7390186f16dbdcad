package dev.chatshell.irc;

import dev.chatshell.chat.Ban;

/**
 * How people and bans look in IRC's {@code nick!user@host} form. Every user, whatever their door,
 * is shown as {@code nick!~nick@server}: the server does not tell anyone another user's address
 * (operators see it in WHOIS), and the domain knows people by nick and account, not by ident.
 */
final class Masks {
  private Masks() {}

  /** The source of what {@code nick} does, as IRC lines carry it, for a user of another door. */
  static String of(String nick, String host) {
    return of(nick, "~" + ident(nick), host);
  }

  /** {@code nick!user@host}. */
  static String of(String nick, String user, String host) {
    return nick + "!" + user + "@" + host;
  }

  /** The user part shown for {@code nick}: the nick itself, cut to ten characters. */
  static String ident(String nick) {
    return nick.length() <= 10 ? nick : nick.substring(0, 10);
  }

  /**
   * What a MODE +b/-b mask means to the domain, as /BAN takes it: {@code nick!*@*} a nick, {@code
   * $a:name} or {@code ~a:name} an account, {@code *!*@10.0.0.0/8} an address block; a bare word is
   * taken as /BAN takes it. Null for a mask the domain cannot hold (wildcards in the nick or host).
   */
  static String banTarget(String mask) {
    return banTarget(mask, null);
  }

  /**
   * As {@link #banTarget(String)}; with {@code people}, a mask on the cloaked host everyone shows
   * ({@code *!*bob@chatshell}, what irssi's /BAN bob sends) is a ban on whoever shows that user
   * name now, by nick: the host alone would hit everyone.
   */
  static String banTarget(String mask, IrcPeople people) {
    if (mask.startsWith("$a:") || mask.startsWith("~a:")) {
      return "account:" + mask.substring(3);
    }
    int bang = mask.indexOf('!');
    int at = mask.indexOf('@');
    if (bang < 0 && at < 0) {
      return mask.contains("*") || mask.contains("?") ? null : mask;
    }
    String nick = bang < 0 ? "*" : mask.substring(0, bang);
    String host = at < 0 ? "*" : mask.substring(at + 1);
    if (people != null && host.equalsIgnoreCase(people.host())) {
      String user = bang < 0 || at < bang ? "*" : mask.substring(bang + 1, at);
      String named = people.nickShowing(user.replace("*", "").replace("~", ""));
      if (named != null && (nick.equals("*") || nick.equalsIgnoreCase(named))) {
        return named;
      }
      if (!nick.equals("*") && !hasWildcard(nick)) {
        return nick;
      }
      return null;
    }
    boolean anyNick = nick.equals("*");
    boolean anyHost = host.equals("*");
    if (!anyNick && anyHost && !hasWildcard(nick)) {
      return nick;
    }
    if (anyNick && !anyHost && !hasWildcard(host)) {
      return host;
    }
    return null;
  }

  private static boolean hasWildcard(String s) {
    return s.contains("*") || s.contains("?");
  }

  /** A ban as a MODE mask: {@code bob!*@*}, {@code $a:bob}, {@code *!*@10.0.0.0/8}. */
  static String of(Ban ban) {
    return switch (ban.kind()) {
      case NICK -> ban.target() + "!*@*";
      case ACCOUNT -> "$a:" + ban.target();
      case MASK -> "*!*@" + ban.target();
    };
  }
}
