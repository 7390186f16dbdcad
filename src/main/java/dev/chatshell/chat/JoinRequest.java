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

  /** True when it is for this user: by nick, or by account when it was made for one. */
  public boolean isFor(String userNick, String userAccount) {
    return Names.key(nick).equals(Names.key(userNick))
        || (account != null
            && userAccount != null
            && Names.key(account).equals(Names.key(userAccount)));
  }
}
