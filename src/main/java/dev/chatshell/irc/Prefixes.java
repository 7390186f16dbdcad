package dev.chatshell.irc;

import dev.chatshell.chat.ChannelRole;

/**
 * A member's channel prefixes as IRC shows them (PREFIX=(qo)~@): the main admin holds +q and +o, as
 * founders do on IRC networks, a secondary admin +o. A client with multi-prefix is shown every
 * prefix ({@code ~@alice}); others only the highest ({@code ~alice}), as IRCv3 asks.
 */
final class Prefixes {
  private Prefixes() {}

  static String of(ChannelRole role, boolean multiPrefix) {
    return switch (role) {
      case MAIN_ADMIN -> multiPrefix ? "~@" : "~";
      case SECONDARY_ADMIN -> "@";
      case MEMBER -> "";
    };
  }

  /** As {@link #of(ChannelRole, boolean)}, for the client of {@code session}. */
  static String of(ChannelRole role, IrcSession session) {
    return of(role, session.has("multi-prefix"));
  }
}
