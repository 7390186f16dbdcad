package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chatshell.chat.Channel;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaveCommandTest extends BuiltinFixture {

  @Test
  void leavesTheCurrentChannel() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.clear();
    bob.clear();

    bob.run("/LEAVE");

    assertFalse(server.channel("#a").contains(bob.user()));
    assertNull(bob.user().current());
    assertEquals(List.of("You left #a."), bob.inbox().texts());
    assertEquals(List.of("bob has left #a"), alice.inbox().texts());
    assertEquals(List.of(), bob.errors());
  }

  @Test
  void leavesTheNamedChannelAndKeepsTheCurrentOne() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/JOIN #b");
    Channel b = server.channel("#b");

    alice.run("/leave a");

    assertNull(server.channel("#a"));
    assertEquals(List.of(b), alice.user().channels());
    assertEquals(b, alice.user().current());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void isRefusedToAUserInNoChannel() {
    FakeContext alice = connect("alice").run("/LEAVE");

    assertEquals(List.of("/LEAVE needs a current channel: /JOIN one first."), alice.errors());
  }

  @Test
  void aChannelTheUserIsNotInIsAnError() {
    connect("bob").run("/JOIN #b");
    FakeContext alice = connect("alice").run("/JOIN #a").run("/LEAVE #b");

    assertEquals(List.of("You are not in #b; /JOIN it first."), alice.errors());
    assertEquals(2, server.channels().size());
  }

  @Test
  void leavesOneChannelAtATime() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/JOIN #b").run("/LEAVE #a #b");

    assertEquals(List.of("Too many arguments. Usage: /LEAVE [channel]"), alice.errors());
    assertEquals(2, alice.user().channels().size());
  }
}
