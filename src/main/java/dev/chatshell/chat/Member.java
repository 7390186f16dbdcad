package dev.chatshell.chat;

/** A user's place in a channel: their role, and {@code since}, the order in which they joined. */
public record Member(User user, ChannelRole role, long since) {
  /** The nick as /WHO shows it: {@code ~alice}, {@code @bob}, {@code carol}. */
  public String display() {
    return role.sigil() + user.nick();
  }
}
