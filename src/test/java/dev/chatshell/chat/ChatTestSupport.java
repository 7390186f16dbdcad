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

  /** A user logged in to an account, without a database behind it (for /HELP's listing). */
  public static void setAccount(User user, String account) {
    user.setAccount(account);
  }

  /** Operators checked straight against their hashes, without throttling (for domain tests). */
  public static OperatorCredentials credentials(java.util.Map<String, String> hashes) {
    return (address, name, password) -> {
      String hash = hashes.get(name);
      return hash != null && dev.chatshell.auth.PasswordHash.verify(password, hash)
          ? PasswordCheck.ACCEPTED
          : PasswordCheck.REFUSED;
    };
  }
}
