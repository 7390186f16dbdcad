package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantCommandTest extends BuiltinFixture {

  @Test
  void makesAMemberASecondaryAdminAndTellsTheChannel() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    FakeContext carol = connect("carol").run("/JOIN #a");
    alice.clear();
    bob.clear();
    carol.clear();

    alice.run("/grant Bob");

    assertEquals(List.of(), alice.errors());
    assertEquals(ChannelRole.SECONDARY_ADMIN, server.channel("#a").roleOf(bob.user()));
    assertEquals("~alice @bob carol", ChatServer.whoLine(server.channel("#a")));
    for (FakeContext told : List.of(alice, bob, carol)) {
      assertEquals(List.of("alice made bob a secondary admin (@) of #a."), told.inbox().texts());
    }
  }

  @Test
  void aMissingNickIsAUsageError() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/GRANT");

    assertEquals(List.of("Missing nick. Usage: /GRANT <nick>"), alice.errors());
  }

  @Test
  void grantsOneNickAtATime() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    connect("bob").run("/JOIN #a");
    connect("carol").run("/JOIN #a");

    alice.run("/GRANT bob carol");

    assertEquals(List.of("Too many arguments. Usage: /GRANT <nick>"), alice.errors());
    assertEquals("~alice bob carol", ChatServer.whoLine(server.channel("#a")));
  }

  @Test
  void isForTheMainAdminOnly() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    connect("carol").run("/JOIN #a");
    alice.run("/GRANT bob");

    bob.run("/GRANT carol");

    assertEquals(
        List.of("/GRANT is for the main admin of the current channel; you are not."), bob.errors());
    assertEquals("~alice @bob carol", ChatServer.whoLine(server.channel("#a")));
  }

  @Test
  void aSecondaryAdminCannotBeGrantedAgain() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    connect("bob").run("/JOIN #a");

    alice.run("/GRANT bob").run("/GRANT bob");

    assertEquals(List.of("bob is already a secondary admin of #a."), alice.errors());
  }

  @Test
  void anOperatorWhoIsAMemberMayGrant() {
    connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    FakeContext oscar = connect("oscar").run("/JOIN #a");
    server.promote(oscar.user(), "test");

    oscar.run("/GRANT bob");

    assertEquals(List.of(), oscar.errors());
    assertEquals(ChannelRole.SECONDARY_ADMIN, server.channel("#a").roleOf(bob.user()));
  }
}
