package dev.chatshell.chat;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything a refused request must leave as it was, as text: who is online, every channel with its
 * members and roles, topic, private flag, member limit, topic lock, registration and join requests,
 * the users given (account, operator status, channels and current channel) and the bans given. Take
 * one before, one after, and compare: {@code assertEquals(before, WorldSnapshot.of(server,
 * users))}. A difference shows as a readable diff of lines.
 */
public record WorldSnapshot(String text) {
  /** The world of {@code server} and of {@code users}, without bans (for tests that set none). */
  public static WorldSnapshot of(ChatServer server, Collection<User> users) {
    return of(server, users, List.of());
  }

  /**
   * The world of {@code server} and the bans in force, as its ban store has them (the domain stores
   * a ban before it acts on it, so a refused ban leaves the store as it was).
   */
  public static WorldSnapshot of(ChatServer server, Collection<User> users, Collection<Ban> bans) {
    StringBuilder text = new StringBuilder();
    for (Channel channel : server.channels()) {
      text.append(channel.name()).append(':');
      for (Member member : channel.members()) {
        text.append(' ').append(member.listed());
      }
      text.append('\n');
      if (channel.isRegistered()) {
        text.append("  registered to ")
            .append(channel.founder())
            .append(", admins ")
            .append(new TreeSet<>(channel.adminAccounts()))
            .append('\n');
      }
      if (channel.isPrivate()) {
        text.append("  private\n");
      }
      if (channel.memberLimit() > 0) {
        text.append("  limit ").append(channel.memberLimit()).append('\n');
      }
      if (channel.isTopicOpen()) {
        text.append("  topic open to members\n");
      }
      if (channel.topic() != null) {
        text.append("  topic ").append(channel.topic()).append('\n');
      }
      for (JoinRequest request : channel.requests()) {
        text.append("  ").append(request).append('\n');
      }
    }
    text.append("online: ").append(server.nicks()).append('\n');
    for (User user : users) {
      text.append(user.nick())
          .append(": account=")
          .append(user.account())
          .append(user.isOperator() ? " operator" : "")
          .append(" current=")
          .append(user.current())
          .append(" channels=")
          .append(user.channels())
          .append('\n');
    }
    bans.stream().map(Ban::toString).sorted().forEach(ban -> text.append(ban).append('\n'));
    return new WorldSnapshot(text.toString());
  }

  /** The text itself, so that a failed comparison shows the two worlds line by line. */
  @Override
  public String toString() {
    return text;
  }
}
