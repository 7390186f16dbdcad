package dev.chatshell.chat;

/**
 * A member's role in one channel, declared highest first (SPEC §3): {@link #atLeast} and {@link
 * #outranks} compare by that order, and {@link RankRules} builds every rank rule on them.
 */
public enum ChannelRole {
  /** Created the channel (or inherited it by succession); one per channel. */
  MAIN_ADMIN("~", "main admin"),
  /** Appointed by the main admin. */
  SECONDARY_ADMIN("@", "secondary admin"),
  /** Everyone else. */
  MEMBER("", "member");

  private final String sigil;
  private final String title;

  ChannelRole(String sigil, String title) {
    this.sigil = sigil;
    this.title = title;
  }

  /** The prefix shown before a nick in /WHO and in the prompt: {@code ~}, {@code @} or nothing. */
  public String sigil() {
    return sigil;
  }

  /** Human name of the role, for messages. */
  public String title() {
    return title;
  }

  /** True when this role is {@code other} or above it (by the order declared here). */
  public boolean atLeast(ChannelRole other) {
    return compareTo(other) <= 0;
  }

  /** True when this role is strictly above {@code other}. */
  public boolean outranks(ChannelRole other) {
    return compareTo(other) < 0;
  }
}
