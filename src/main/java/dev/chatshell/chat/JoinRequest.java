package dev.chatshell.chat;

import java.time.Instant;

/**
 * A request to join a private channel, or an invitation to it: who it is for (their nick, and their
 * account when they have one, which a nick change does not lose), who made it and when.
 */
public record JoinRequest(Kind kind, String nick, String account, String by, Instant at) {
  /** Asked by the user, waiting for an admin; or offered by an admin, waiting for the user. */
  public enum Kind {
    REQUEST,
    INVITATION
  }

  /**
   * True when it is for this user: by account when it was made for one (whatever nick they have
   * now, and never for someone else who took the nick), else by nick.
   */
  public boolean isFor(String userNick, String userAccount) {
    if (account != null) {
      return userAccount != null && Names.key(account).equals(Names.key(userAccount));
    }
    return Names.key(nick).equals(Names.key(userNick));
  }
}
