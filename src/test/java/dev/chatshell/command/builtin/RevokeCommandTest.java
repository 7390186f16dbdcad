package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevokeCommandTest extends BuiltinFixture {

  @Test
  void makesASecondaryAdminAMemberAgainAndTellsTheChannel() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    FakeContext carol = connect("carol").run("/JOIN #a");
    alice.run("/GRANT bob").clear();
    bob.clear();
    carol.clear();

    alice.run("/revoke BOB");

    assertEquals(List.of(), alice.errors());
    assertEquals(ChannelRole.MEMBER, server.channel("#a").roleOf(bob.user()));
    assertEquals("~alice bob carol", ChatServer.whoLine(server.channel("#a")));
    for (FakeContext told : List.of(alice, bob, carol)) {
      assertEquals(
          List.of("alice took back bob's secondary-admin rights in #a."), told.inbox().texts());
    }
  }

  @Test
  void aMissingNickIsAUsageError() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/REVOKE");

    assertEquals(List.of("Missing nick. Usage: /REVOKE <nick>"), alice.errors());
  }

  @Test
  void revokesOneNickAtATime() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    connect("bob").run("/JOIN #a");
    alice.run("/GRANT bob").run("/REVOKE bob bob");

    assertEquals(List.of("Too many arguments. Usage: /REVOKE <nick>"), alice.errors());
    assertEquals("~alice @bob", ChatServer.whoLine(server.channel("#a")));
  }

  @Test
  void aSecondaryAdminCannotRevokeAnother() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    connect("carol").run("/JOIN #a");
    alice.run("/GRANT bob").run("/GRANT carol");

    bob.run("/REVOKE carol");

    assertEquals(
        List.of("/REVOKE is for the main admin of the current channel; you are not."),
        bob.errors());
    assertEquals("~alice @bob @carol", ChatServer.whoLine(server.channel("#a")));
  }

  @Test
  void onlySecondaryAdminsCanBeRevoked() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    connect("bob").run("/JOIN #a");

    alice.run("/REVOKE bob");

    assertEquals(List.of("bob is not a secondary admin of #a."), alice.errors());
  }
}
