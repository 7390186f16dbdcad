package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /UNIGNORE shows an ignored nick's words again. */
class UnignoreCommandTest extends BuiltinFixture {
  private final UnignoreCommand unignore = new UnignoreCommand();

  @Test
  void anUnignoredNickIsShownAgain() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/IGNORE bob");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.clear();

    run(unignore, alice, "Bob");
    server.say(bob.user(), "hello again");

    assertTrue(alice.user().ignored().isEmpty(), "" + alice.user().ignored());
    assertEquals(List.of("You no longer ignore Bob.", "hello again"), alice.inbox().texts());
  }

  @Test
  void unignoringSomeoneNotIgnoredIsOneError() {
    FakeContext alice = connect("alice");
    connect("bob");

    assertEquals("You do not ignore bob.", refusal(unignore, alice, "bob"));
    assertTrue(alice.user().ignored().isEmpty());
  }
}
