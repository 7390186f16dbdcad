package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /AWAY with a message marks the user away; alone, it marks them back. */
class AwayCommandTest extends BuiltinFixture {
  private final AwayCommand away = new AwayCommand();

  @Test
  void theWholeMessageMarksTheUserAwayAndAloneItMarksThemBack() {
    FakeContext alice = connect("alice");

    run(away, alice, "  gone  for lunch ");

    assertEquals("gone  for lunch", alice.user().away());
    assertEquals(
        List.of("You are marked away: gone  for lunch (/AWAY alone when you are back)."),
        alice.inbox().texts());

    run(away, alice.clear(), "");

    assertNull(alice.user().away());
    assertEquals(List.of("You are back: you are no longer marked away."), alice.inbox().texts());
  }

  @Test
  void whoeverWritesToAnAwayUserIsToldTheMessage() {
    FakeContext alice = connect("alice");
    FakeContext bob = connect("bob");
    run(away, alice, "in a meeting").clear();

    bob.run("/MSG alice are you there?");

    assertEquals(List.of(), bob.errors());
    assertEquals(List.of("are you there?"), alice.inbox().texts(), "delivered all the same");
    assertEquals(List.of("are you there?", "alice is away: in a meeting"), bob.inbox().texts());
  }
}
