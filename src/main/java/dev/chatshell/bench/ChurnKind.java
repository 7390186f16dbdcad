package dev.chatshell.bench;

import java.util.Locale;

/** One kind of change a churning client makes, as the churn report counts them. */
enum ChurnKind {
  /** A new connection logs in to a registered account (then leaves again). */
  LOGIN,
  /** A guest joins a registered channel. */
  JOIN,
  /** A guest leaves it again. */
  PART,
  /** A guest in a registered channel changes its nick (and back, the next time). */
  NICK,
  /** The main admin of a registered channel makes a member with an account a secondary admin. */
  GRANT,
  /** ... and takes it back. */
  REVOKE;

  /** The name in reports and JSON fields. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
