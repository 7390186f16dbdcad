package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A channel's membership is kept only as its published snapshot, each change building the next: the
 * join order, roles and lookups must come out as they did from a map.
 */
class ChannelMembersTest {
  private final Channel channel = new Channel("#lobby", null);
  private final User ann = user(1, "ann");
  private final User bob = user(2, "bob");
  private final User cid = user(3, "cid");

  private static User user(long id, String nick) {
    return new User(id, nick, "127.0.0.1", event -> {}, Instant.EPOCH);
  }

  private List<String> nicks() {
    return channel.members().stream().map(member -> member.user().nick()).toList();
  }

  @Test
  void membersStayInJoinOrderThroughRemovalsAndRoleChanges() {
    channel.add(ann, ChannelRole.MAIN_ADMIN, 1);
    channel.add(bob, ChannelRole.MEMBER, 2);
    channel.add(cid, ChannelRole.MEMBER, 3);

    channel.setRole(cid, ChannelRole.SECONDARY_ADMIN);
    assertEquals(List.of("ann", "bob", "cid"), nicks(), "a new role keeps the member's place");
    assertEquals(ChannelRole.SECONDARY_ADMIN, channel.roleOf(cid));
    assertEquals(3, channel.members().get(2).since(), "and when they joined");

    channel.remove(bob);
    assertEquals(List.of("ann", "cid"), nicks());
    assertFalse(channel.contains(bob));
    assertNull(channel.roleOf(bob));
    assertEquals(2, channel.size());

    channel.remove(bob); // not a member any more: nothing changes
    channel.setRole(bob, ChannelRole.MAIN_ADMIN);
    assertEquals(List.of("ann", "cid"), nicks());
    assertNull(channel.roleOf(bob));
  }
}
