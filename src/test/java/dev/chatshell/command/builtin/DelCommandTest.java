package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /DEL deletes the current channel, once its name is typed to confirm. */
class DelCommandTest extends BuiltinFixture {
  private final DelCommand del = new DelCommand();

  @Test
  void theChannelIsGoneAndEveryoneInItIsToldWhy() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.clear();
    bob.clear();

    run(del, alice, "#A  no longer needed");

    assertNull(server.channel("#a"));
    assertNull(bob.user().current());
    assertEquals(List.of("alice deleted #a (no longer needed)."), bob.inbox().texts());
    assertEquals(List.of("alice deleted #a (no longer needed)."), alice.inbox().texts());
  }

  @Test
  void anotherChannelsNameDoesNotConfirmAndNothingIsDeleted() {
    FakeContext alice = connect("alice").run("/JOIN #b").run("/JOIN #a");

    assertEquals(
        "/DEL deletes your current channel, #a; type /DEL #a to confirm (/CURRENT switches"
            + " channels).",
        refusal(del, alice, "#b"));
    assertEquals(1, server.channel("#a").size());
    assertEquals(1, server.channel("#b").size());
  }
}
