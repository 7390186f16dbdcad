package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /IGNORE hides what a nick says to the user; alone, it lists who is ignored. */
class IgnoreCommandTest extends BuiltinFixture {
  private final IgnoreCommand ignore = new IgnoreCommand();

  @Test
  void anIgnoredNickIsNotShownAndIsListed() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    connect("carol");
    alice.clear();

    run(ignore, alice, "BOB");
    run(ignore, alice, "carol");
    assertEquals(
        List.of(
            "You now ignore BOB: nothing they say is shown to you.",
            "You now ignore carol: nothing they say is shown to you."),
        alice.inbox().texts());
    alice.clear();
    server.say(bob.user(), "hello alice");
    bob.run("/MSG alice psst");

    assertEquals(List.of(), alice.inbox().texts(), "nothing bob says reaches alice");
    run(ignore, alice, "");
    assertEquals(
        List.of("You ignore: bob, carol (/UNIGNORE <nick> to see them again)"), alice.replies());
  }

  @Test
  void withNobodyIgnoredTheListSaysHowToIgnore() {
    FakeContext alice = connect("alice");

    run(ignore, alice, "");

    assertEquals(
        List.of("You ignore nobody; /IGNORE <nick> to stop seeing someone."), alice.replies());
  }

  @Test
  void nobodyIgnoresThemselves() {
    FakeContext alice = connect("alice");

    assertEquals("You cannot ignore yourself.", refusal(ignore, alice, "ALICE"));
    assertEquals(java.util.Set.of(), alice.user().ignored());
  }
}
