package dev.chatshell.bench;

/**
 * The churn of a bench run: while the measured channels chat, other clients change who is where at
 * a steady rate, so that the cost of those changes to the chat (and the time each takes) can be
 * measured.
 *
 * <p>{@code rate} changes a second are spread evenly over joins and parts of registered channels,
 * nick changes, grants and revokes; grants and revokes in a registered channel are written to the
 * database. Logins come on top, at {@code logins} a second: each checks a password hash (slow on
 * purpose, so they are counted apart and kept few).
 *
 * <p>Each client makes at most one change a second, well inside the server's flood control (2 lines
 * a second), so the pools below grow with the rate; they are the same for every build compared.
 *
 * @param rate membership changes per second over join, part, nick, grant and revoke
 * @param logins logins per second to registered accounts
 */
record ChurnPlan(int rate, double logins) {
  /** No churn: the plain bench. */
  static final ChurnPlan NONE = new ChurnPlan(0, 0);

  /** The password of every account the bench makes. */
  static final String PASSWORD = "bench-churn-password";

  /** How many channels one target account sits in, for its channels' admins to grant and revoke. */
  static final int CHANNELS_PER_TARGET = 8;

  /** Changes a client makes per second at most. */
  private static final double PER_CLIENT = 1.0;

  /** The default number of logins a second: one for every hundred changes. */
  static double defaultLogins(int rate) {
    return rate / 100.0;
  }

  boolean active() {
    return rate > 0 || logins > 0;
  }

  /** Changes a second of each of join, part, nick, grant and revoke. */
  double perKind() {
    return rate / 5.0;
  }

  /** What is asked of {@code kind}, per second. */
  double asked(ChurnKind kind) {
    return kind == ChurnKind.LOGIN ? logins : perKind();
  }

  /** Guests that join a registered channel and leave it again, by turns. */
  int walkers() {
    return pool(2 * perKind());
  }

  /** Guests in a registered channel that change their nick and back, by turns. */
  int renamers() {
    return pool(perKind());
  }

  /**
   * Accounts that each found one registered channel ({@code #churn-<i>}) and grant and revoke a
   * target there, by turns; also the number of churn channels.
   */
  int moderators() {
    return pool(2 * perKind());
  }

  /** Accounts granted and revoked, each in up to {@link #CHANNELS_PER_TARGET} churn channels. */
  int targets() {
    return (moderators() + CHANNELS_PER_TARGET - 1) / CHANNELS_PER_TARGET;
  }

  /** Accounts that log in and out; each is used at most once every three seconds. */
  int loginAccounts() {
    return logins <= 0 ? 0 : (int) Math.ceil(3 * logins) + 2;
  }

  /** Sessions the churn keeps open while it runs (login connections come and go on top). */
  int standingSessions() {
    return walkers() + renamers() + moderators() + targets();
  }

  /** Connections the churn may have open at once, at most. */
  int sessionsAtMost() {
    return standingSessions() + loginAccounts();
  }

  private static int pool(double perSecond) {
    return perSecond <= 0 ? 0 : (int) Math.ceil(perSecond / PER_CLIENT) + 2;
  }

  static String channel(int moderator) {
    return "#churn-" + moderator;
  }

  static String moderator(int index) {
    return "cm" + index;
  }

  static String target(int index) {
    return "ct" + index;
  }

  static String loginAccount(int index) {
    return "cl" + index;
  }

  static String walker(int index) {
    return "cw" + index;
  }

  static String renamer(int index) {
    return "cn" + index;
  }
}
