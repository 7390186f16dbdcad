package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "nothing changed" helper sees what a refusal must leave alone. */
class WorldSnapshotTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  private final ChatServer server = ChatTestSupport.server(Clock.fixed(T0, ZoneOffset.UTC), 50);
  private final User alice = server.connect("alice", "192.0.2.1", new Inbox());
  private final User bob = server.connect("bob", "10.1.2.3", new Inbox());
  private final List<User> everyone = List.of(alice, bob);

  @Test
  void showsChannelsRolesRequestsUsersAndBans() {
    server.join(alice, "#x");
    server.join(bob, "#x");
    server.setTopic(alice, "hello");
    server.setPrivate(alice, true);
    server.invite(alice, "carol");
    server.promote(bob, "test");
    Ban ban = new Ban("#x", Ban.Kind.NICK, "zed", "alice", null, T0, null);

    assertEquals(
        """
        #x: ~alice bob*
          private
          topic Topic[text=hello, by=alice, at=2025-06-01T12:00:00Z]
          JoinRequest[kind=INVITATION, nick=carol, account=null, by=alice, at=2025-06-01T12:00:00Z]
        online: [alice, bob]
        alice: account=null current=#x channels=[#x]
        bob: account=null operator current=#x channels=[#x]
        Ban[channel=#x, kind=NICK, target=zed, by=alice, reason=null, at=2025-06-01T12:00:00Z,\
         until=null]
        """,
        WorldSnapshot.of(server, everyone, List.of(ban)).text());
  }

  @Test
  void anyChangeShows() {
    server.join(alice, "#x");
    server.join(bob, "#x");
    WorldSnapshot before = WorldSnapshot.of(server, everyone);
    assertEquals(before, WorldSnapshot.of(server, everyone), "nothing done, nothing changed");

    server.grant(alice, "bob");

    assertNotEquals(before, WorldSnapshot.of(server, everyone));
  }
}
