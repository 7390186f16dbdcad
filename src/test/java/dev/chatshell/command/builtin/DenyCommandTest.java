package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /DENY turns down a request to join; the requester is told, with the reason. */
class DenyCommandTest extends BuiltinFixture {
  private final DenyCommand deny = new DenyCommand();

  @Test
  void theRequesterIsToldWhyAndStaysOut() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/PRIVATE on");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.clear();
    bob.clear();

    run(deny, alice, "bob  members  only ");

    assertFalse(server.channel("#a").contains(bob.user()));
    assertEquals(List.of(), server.channel("#a").requests());
    assertEquals(
        List.of("Your request to join #a was turned down by alice (members  only)."),
        bob.inbox().texts());
    assertEquals(
        List.of("alice turned down bob's request to join #a (members  only)."),
        alice.inbox().texts());
  }

  @Test
  void withoutAReasonNoneIsShown() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/PRIVATE on");
    FakeContext bob = connect("bob").run("/JOIN #a").clear();

    run(deny, alice, "bob");

    assertEquals(List.of("Your request to join #a was turned down by alice."), bob.inbox().texts());
  }
}
