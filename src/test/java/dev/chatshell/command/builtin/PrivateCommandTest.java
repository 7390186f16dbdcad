package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /PRIVATE on makes joins wait for an admin; /PRIVATE off opens the channel again. */
class PrivateCommandTest extends BuiltinFixture {
  private final PrivateCommand privately = new PrivateCommand();

  @Test
  void onMakesTheChannelPrivateAndAJoinBecomesARequest() {
    FakeContext alice = connect("alice").run("/JOIN #a").clear();

    run(privately, alice, "ON");

    assertTrue(server.channel("#a").isPrivate());
    assertEquals(
        List.of(
            "alice made #a private: joining now takes an invitation (/INVITE) or an admin's"
                + " /ACCEPT."),
        alice.inbox().texts());
    FakeContext bob = connect("bob").run("/JOIN #a");
    assertFalse(server.channel("#a").contains(bob.user()));
  }

  @Test
  void offOpensItAgain() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    run(privately, alice, "on");
    alice.clear();

    run(privately, alice, "off");

    assertFalse(server.channel("#a").isPrivate());
    assertEquals(List.of("alice opened #a: anyone may /JOIN it."), alice.inbox().texts());
    FakeContext bob = connect("bob").run("/JOIN #a");
    assertTrue(server.channel("#a").contains(bob.user()));
  }

  @Test
  void anythingButOnOrOffIsRefusedAndChangesNothing() {
    FakeContext alice = connect("alice").run("/JOIN #a").clear();

    assertEquals("Type /PRIVATE on or /PRIVATE off.", refusal(privately, alice, "yes"));
    assertFalse(server.channel("#a").isPrivate());
    assertEquals("#a is open already.", refusal(privately, alice, "off"));
    assertEquals(List.of(), alice.inbox().texts());
  }
}
