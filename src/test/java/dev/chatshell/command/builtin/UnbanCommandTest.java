package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /UNBAN lifts a ban of the current channel or of a channel named before the target. */
class UnbanCommandTest extends BuiltinFixture {
  private final UnbanCommand unban = new UnbanCommand();

  @Test
  void aBanOfANamedChannelIsLiftedAndTheBannedMayJoinAgain() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.run("/BAN bob").run("/JOIN #b").clear();

    run(unban, alice, "#a BOB");

    assertEquals(List.of(), server.bans(alice.user(), "#a"));
    assertEquals(List.of("alice lifted the ban on bob from #a."), alice.inbox().texts());
    bob.clear().run("/JOIN #a");
    assertEquals(List.of(), bob.errors());
    assertTrue(server.channel("#a").contains(bob.user()));
  }

  @Test
  void liftingABanThatIsNotThereIsOneError() {
    FakeContext alice = connect("alice").run("/JOIN #a");

    assertEquals("bob is not banned from #a; /BANS lists the bans.", refusal(unban, alice, "bob"));
  }
}
