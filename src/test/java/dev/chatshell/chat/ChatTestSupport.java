package dev.chatshell.chat;

/**
 * Builds domains for tests, and reaches package-private parts of the domain for tests in other
 * packages: only for setting up states that no command can create yet (secondary admins before
 * /GRANT exists).
 */
public final class ChatTestSupport {
  private ChatTestSupport() {}

  /** A domain that keeps nothing and has no operators: where tests build their servers. */
  public static ChatServer server(java.time.Clock clock, int maxChannelsPerUser) {
    return new ChatServer(ChatPorts.none(clock), maxChannelsPerUser);
  }

  /** A domain over {@code ports}, 50 channels per user. */
  public static ChatServer server(ChatPorts ports) {
    return new ChatServer(ports, 50);
  }

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
