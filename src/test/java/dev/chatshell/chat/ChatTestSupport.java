package dev.chatshell.chat;

/**
 * Reaches package-private parts of the domain for tests in other packages. Only for setting up
 * states that no command can create yet (secondary admins before /GRANT exists).
 */
public final class ChatTestSupport {
  private ChatTestSupport() {}

  public static void setRole(Channel channel, User user, ChannelRole role) {
    channel.setRole(user, role);
  }
}
