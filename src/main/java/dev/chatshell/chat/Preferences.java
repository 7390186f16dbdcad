package dev.chatshell.chat;

/**
 * What a user chose with {@code /SET}: kept with their account across logins (for guests, until
 * they log out). Immutable; a change makes a new one.
 *
 * @param timestamps live lines start with the time they were said, {@code HH:MM} in UTC
 * @param autojoin logging in joins again the registered channels where the account holds a role
 */
public record Preferences(boolean timestamps, boolean autojoin) {
  /** What an account has until it chooses: no timestamps (as before), autojoin on. */
  public static final Preferences DEFAULTS = new Preferences(false, true);

  public Preferences withTimestamps(boolean on) {
    return new Preferences(on, autojoin);
  }

  public Preferences withAutojoin(boolean on) {
    return new Preferences(timestamps, on);
  }
}
