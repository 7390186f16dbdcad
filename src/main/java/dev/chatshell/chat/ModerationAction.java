package dev.chatshell.chat;

import java.time.Instant;

/**
 * A moderation action that happened (or an operator login refused), for the moderation log.
 *
 * @param actor the nick who acted
 * @param target the nick acted on, the new channel name of a rename, or {@code null}
 * @param channel the channel concerned (the old name of a rename), or {@code null}
 * @param reason the reason given, or {@code null}
 */
public record ModerationAction(
    Instant time, Kind kind, String actor, String target, String channel, String reason) {

  /** What was done. */
  public enum Kind {
    KICK,
    GRANT,
    REVOKE,
    RENAME,
    KILL,
    BAN,
    UNBAN,
    REGISTER,
    DELETE,
    OPER,
    OPER_REFUSED
  }
}
