package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /ACCEPT lets in someone who asked to join the private channel. */
class AcceptCommandTest extends BuiltinFixture {
  private final AcceptCommand accept = new AcceptCommand();

  @Test
  void theRequesterOnlineIsLetInAtOnceAndTheChannelIsTold() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/PRIVATE on");
    FakeContext bob = connect("bob").run("/JOIN #a");
    assertFalse(server.channel("#a").contains(bob.user()));
    alice.clear();
    bob.clear();

    run(accept, alice, "Bob");

    assertTrue(server.channel("#a").contains(bob.user()));
    assertEquals(
        List.of("alice accepted bob's request to join #a.", "bob has joined #a"),
        alice.inbox().texts());
    assertEquals(List.of(), server.channel("#a").requests(), "the request is answered");
  }

  @Test
  void nobodyWaitingIsOneError() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/PRIVATE on");
    connect("bob");

    assertEquals(
        "Nobody called bob is waiting to join #a; /REQUESTS lists them.",
        refusal(accept, alice, "bob"));
  }
}
