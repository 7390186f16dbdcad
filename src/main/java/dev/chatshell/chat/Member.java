package dev.chatshell.chat;

/** A user's place in a channel: their role, and {@code since}, the order in which they joined. */
public record Member(User user, ChannelRole role, long since) {
  /**
   * After the nick of a server operator in /WHO and in their own prompt: {@code oscar*} (a nick
   * never contains a star).
   */
  public static final String OPERATOR_MARK = "*";

  /** The nick as /WHO shows it: {@code ~alice}, {@code @bob}, {@code carol}. */
  public String display() {
    return role.sigil() + user.nick();
  }
}
