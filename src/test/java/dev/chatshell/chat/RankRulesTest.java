package dev.chatshell.chat;

import static dev.chatshell.chat.ChannelRole.MAIN_ADMIN;
import static dev.chatshell.chat.ChannelRole.MEMBER;
import static dev.chatshell.chat.ChannelRole.SECONDARY_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatshell.chat.ChatException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order of {@link ChannelRole} that every rank rule is built on, succession, which reads it,
 * and the reason codes of refusals. The rules of who may do what to whom are tested command by
 * command in {@code PrivilegeMatrixTest}.
 */
class RankRulesTest {
  @Test
  void rolesCompareInTheOrderTheyAreDeclaredHighestFirst() {
    // rows: the role asked about; columns: MAIN_ADMIN, SECONDARY_ADMIN, MEMBER
    String atLeast =
        """
        MAIN_ADMIN       Y Y Y
        SECONDARY_ADMIN  n Y Y
        MEMBER           n n Y
        """;
    String outranks =
        """
        MAIN_ADMIN       n Y Y
        SECONDARY_ADMIN  n n Y
        MEMBER           n n n
        """;
    assertEquals(atLeast, table(ChannelRole::atLeast));
    assertEquals(outranks, table(ChannelRole::outranks));
  }

  private interface Comparison {
    boolean test(ChannelRole role, ChannelRole other);
  }

  private static String table(Comparison comparison) {
    StringBuilder table = new StringBuilder();
    for (ChannelRole role : ChannelRole.values()) {
      table.append(String.format("%-16s", role));
      for (ChannelRole other : ChannelRole.values()) {
        table.append(' ').append(comparison.test(role, other) ? 'Y' : 'n');
      }
      table.append('\n');
    }
    return table.toString();
  }

  @Test
  void theLongestStandingSecondaryAdminSucceeds() {
    List<Member> left = members(MEMBER, SECONDARY_ADMIN, MEMBER, SECONDARY_ADMIN);

    assertEquals(left.get(1), RankRules.successor(left));
  }

  @Test
  void withoutSecondaryAdminsTheLongestStandingMemberSucceeds() {
    List<Member> left = members(MEMBER, MEMBER);

    assertEquals(left.get(0), RankRules.successor(left));
  }

  @Test
  void nobodySucceedsInAnEmptyChannelAndAMainAdminIsNeverChosen() {
    assertNull(RankRules.successor(List.of()));
    assertNull(RankRules.successor(members(MAIN_ADMIN)));
  }

  @Test
  void refusalsCarryAReasonAndTheirFacts() {
    ChatServer server = ChatTestSupport.server(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), 50);
    User alice = server.connect("alice", "192.0.2.1", new Inbox());
    User bob = server.connect("bob", "192.0.2.2", new Inbox());
    User carol = server.connect("carol", "192.0.2.3", new Inbox());
    server.join(alice, "#x");
    server.join(bob, "#x");
    server.join(carol, "#y");

    ChatException byMember = assertThrows(ChatException.class, () -> server.kick(bob, "alice", ""));
    ChatException self = assertThrows(ChatException.class, () -> server.kick(alice, "alice", ""));
    ChatException absent = assertThrows(ChatException.class, () -> server.kick(alice, "carol", ""));
    ChatException grant = assertThrows(ChatException.class, () -> server.grant(bob, "alice"));
    ChatException register =
        assertThrows(ChatException.class, () -> server.registerChannel(alice, null));

    assertEquals(Reason.RANK_TOO_LOW, byMember.reason());
    assertEquals(List.of("kick", "#x"), byMember.arguments());
    assertEquals(Reason.INVALID, self.reason());
    assertEquals(Reason.NOT_IN_CHANNEL, absent.reason());
    assertEquals(List.of("carol", "#x"), absent.arguments());
    assertEquals(Reason.RANK_TOO_LOW, grant.reason());
    assertEquals(List.of("#x", "grant admin rights"), grant.arguments());
    assertEquals(Reason.NO_ACCOUNT, register.reason());
  }

  private static List<Member> members(ChannelRole... roles) {
    List<Member> members = new ArrayList<>();
    for (ChannelRole role : roles) {
      int n = members.size();
      User user = new User(n + 1, "user" + n, "10.0.0." + n, event -> {}, Instant.EPOCH);
      members.add(new Member(user, role, n));
    }
    return members;
  }
}
