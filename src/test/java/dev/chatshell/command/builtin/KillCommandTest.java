package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.Disconnected;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class KillCommandTest extends BuiltinFixture {

  private FakeContext operator(String nick) {
    FakeContext context = connect(nick);
    server.promote(context.user(), "test");
    return context.clear();
  }

  @Test
  void disconnectsTheUserWithTheReasonPassedThrough() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    FakeContext oscar = operator("oscar");
    alice.clear();
    bob.clear();

    oscar.run("/kill BOB being  rude ");

    assertEquals(List.of(), oscar.errors());
    assertEquals(
        List.of("You were disconnected by server operator oscar (being  rude)."),
        bob.inbox().ofType(Disconnected.class).stream().map(Disconnected::text).toList());
    assertFalse(server.nicks().contains("bob"));
    assertFalse(server.channel("#a").contains(bob.user()));
    assertEquals(List.of("bob was disconnected by oscar (being  rude)"), alice.inbox().texts());
  }

  @Test
  void worksWithoutAReasonOnAUserInNoChannel() {
    FakeContext bob = connect("bob");
    FakeContext oscar = operator("oscar");

    oscar.run("/KILL bob");

    assertEquals(List.of(), oscar.errors());
    assertEquals(
        List.of(
            new Disconnected(
                bob.inbox().events().get(0).time(),
                "You were disconnected by server operator oscar.")),
        bob.inbox().events());
    assertEquals(List.of("oscar"), server.nicks());
  }

  @Test
  void aMissingNickIsAUsageError() {
    FakeContext oscar = operator("oscar").run("/KILL");

    assertEquals(List.of("Missing nick. Usage: /KILL <nick> [reason]"), oscar.errors());
  }

  @Test
  void isForServerOperatorsOnly() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a").clear();

    alice.run("/KILL bob");
    FakeContext carol = connect("carol").run("/KILL bob");

    assertEquals(List.of("/KILL is for server operators; you are not."), alice.errors());
    assertEquals(List.of("/KILL is for server operators; you are in no channel."), carol.errors());
    assertTrue(server.nicks().contains("bob"));
    assertEquals(List.of(), bob.inbox().events());
  }

  @Test
  void anOperatorCannotKillThemselves() {
    FakeContext oscar = operator("oscar").run("/KILL oscar");

    assertEquals(List.of("You cannot kill yourself; /BYE instead."), oscar.errors());
    assertTrue(server.nicks().contains("oscar"));
  }

  @Test
  void anUnknownNickIsOneError() {
    FakeContext oscar = operator("oscar").run("/KILL zed");

    assertEquals(List.of("No user called zed is online."), oscar.errors());
  }
}
