package dev.chatshell.chat;

import java.time.Instant;

/**
 * A moderation action that happened (or an operator login refused), for the moderation log.
 *
 * @param actor the nick who acted
 * @param target the nick acted on, the new channel name of a rename, or {@code null}
 * @param channel the channel concerned (the old name of a rename), or {@code null}
 * @param reason the reason given, or {@code null}
 * @param door the door of the session the actor acted from ({@code telnet}, {@code ssh}, {@code
 *     console}), or {@code null} when unknown
 */
public record ModerationAction(
    Instant time,
    Kind kind,
    String actor,
    String target,
    String channel,
    String reason,
    String door) {

  /** An action whose door is not known (tools, tests). */
  public ModerationAction(
      Instant time, Kind kind, String actor, String target, String channel, String reason) {
    this(time, kind, actor, target, channel, reason, null);
  }

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
