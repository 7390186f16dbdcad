package dev.chatshell.irc;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The RPL_ISUPPORT (005) tokens: what a client may count on from this server. The limits are the
 * domain's own, so a client never sends what the server then refuses for length.
 */
final class Isupport {
  /** Targets one PRIVMSG, NOTICE, KICK... may name; a longer list is refused with 407. */
  static final int MAX_TARGETS = 4;

  /** Channels one JOIN or PART may name. */
  static final int MAX_JOIN_TARGETS = 20;

  /** Mode changes one MODE line may make. */
  static final int MAX_MODES = 4;

  private static final int TOKENS_PER_LINE = 12;

  private Isupport() {}

  static List<String> tokens(IrcServerInfo info) {
    return List.of(
        "AWAYLEN=" + ChatServer.MAX_AWAY_LENGTH,
        "CASEMAPPING=ascii",
        "CHANLIMIT=#:" + info.channelsPerUser(),
        "CHANMODES=b,,,int",
        "CHANNELLEN=" + (Names.MAX_CHANNEL_LENGTH + 1),
        "CHANTYPES=#",
        "CHATHISTORY=100",
        "KICKLEN=" + ChatServer.MAX_REASON_LENGTH,
        "MAXLIST=b:" + ChatServer.MAX_CHANNEL_BANS,
        "MAXTARGETS=" + MAX_TARGETS,
        "MODES=" + MAX_MODES,
        "NETWORK=" + info.network(),
        "NICKLEN=" + Names.MAX_NICK_LENGTH,
        "PREFIX=(qo)~@",
        "STATUSMSG=~@",
        "TARGMAX=JOIN:"
            + MAX_JOIN_TARGETS
            + ",PART:"
            + MAX_JOIN_TARGETS
            + ",KICK:"
            + MAX_TARGETS
            + ",NAMES:1,WHOIS:1,PRIVMSG:"
            + MAX_TARGETS
            + ",NOTICE:"
            + MAX_TARGETS,
        "TOPICLEN=" + ChatServer.MAX_TOPIC_LENGTH,
        "UTF8ONLY");
  }

  /** The tokens in lines of at most {@link #TOKENS_PER_LINE}, as clients read them. */
  static List<List<String>> lines(IrcServerInfo info) {
    List<String> all = tokens(info);
    List<List<String>> lines = new ArrayList<>();
    for (int i = 0; i < all.size(); i += TOKENS_PER_LINE) {
      lines.add(all.subList(i, Math.min(all.size(), i + TOKENS_PER_LINE)));
    }
    return lines;
  }
}
