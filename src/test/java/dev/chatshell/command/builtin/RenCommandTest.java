package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenCommandTest extends BuiltinFixture {

  @Test
  void renamesTheCurrentChannelAndListShowsItAtOnce() {
    FakeContext alice = connect("alice").run("/JOIN #zeta");
    FakeContext bob = connect("bob").run("/JOIN #zeta").run("/JOIN #beta");
    Channel zeta = server.channel("#zeta");
    alice.clear();
    bob.clear();

    alice.run("/ren alpha");

    assertEquals(List.of(), alice.errors());
    assertSame(zeta, server.channel("#alpha"));
    assertNull(server.channel("#zeta"));
    assertEquals(List.of("alice renamed #zeta to #alpha."), alice.inbox().texts());
    assertEquals(List.of("alice renamed #zeta to #alpha."), bob.inbox().texts());

    bob.run("/LIST");
    assertEquals(
        List.of("2 channels:", "  #alpha  2 members", "  #beta   1 member"), bob.replies());
  }

  @Test
  void membersRolesAndCurrentChannelsStay() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    FakeContext carol = connect("carol").run("/JOIN #a").run("/JOIN #c");
    alice.run("/GRANT bob");
    Channel a = server.channel("#a");
    Channel c = server.channel("#c");

    alice.run("/REN #b");

    assertEquals(List.of(), alice.errors());
    assertEquals("~alice @bob carol", ChatServer.whoLine(a));
    assertSame(a, alice.user().current());
    assertSame(a, bob.user().current());
    assertSame(c, carol.user().current());
    assertEquals(List.of(a, c), carol.user().channels());

    // talking and /WHO go on in the renamed channel
    bob.run("/WHO");
    assertEquals(List.of(), bob.errors());
    assertEquals(List.of("#b (3): ~alice @bob carol"), bob.replies());
  }

  @Test
  void aTakenNameIsRefused() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    connect("bob").run("/JOIN #b");

    alice.run("/REN #B");

    assertEquals(List.of("#B already exists; choose another name."), alice.errors());
    assertEquals("#a", server.channel("#a").name());
    assertEquals("#b", server.channel("#b").name());
  }

  @Test
  void anInvalidNameIsOneError() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/REN #");

    assertEquals(List.of("A channel name needs at least one character after '#'."), alice.errors());
    assertEquals("#a", server.channel("#a").name());
  }

  @Test
  void aMissingNameIsAUsageError() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/REN");

    assertEquals(List.of("Missing new channel name. Usage: /REN <new-name>"), alice.errors());
  }

  @Test
  void takesOneName() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/REN #b #c");

    assertEquals(List.of("Too many arguments. Usage: /REN <new-name>"), alice.errors());
    assertEquals("#a", server.channel("#a").name());
  }

  @Test
  void isForTheMainAdminOnly() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.run("/GRANT bob");

    bob.run("/REN #mine");

    assertEquals(
        List.of("/REN is for the main admin of the current channel; you are not."), bob.errors());
    assertEquals("#a", server.channel("#a").name());
  }
}
