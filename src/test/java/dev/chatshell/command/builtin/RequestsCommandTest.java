package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /REQUESTS lists who asks to join the channel and who is invited to it. */
class RequestsCommandTest extends BuiltinFixture {
  private final RequestsCommand requests = new RequestsCommand();

  @Test
  void listsRequestsWithHowToAnswerThemAndInvitationsWithWhoMadeThem() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/PRIVATE on");
    connect("bob").run("/JOIN #a");
    connect("carol");
    alice.run("/INVITE carol").clear();

    run(requests, alice, "");

    assertEquals(
        List.of("  bob asks to join: /ACCEPT bob or /DENY bob", "  carol is invited by alice"),
        alice.replies());
  }

  @Test
  void withNothingWaitingItSaysSo() {
    FakeContext alice = connect("alice").run("/JOIN #a");

    run(requests, alice, "");

    assertEquals(List.of("No requests or invitations are waiting."), alice.replies());
  }

  @Test
  void aMemberMayNotSeeThem() {
    connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");

    assertEquals(
        "Only the admins of #a answer its join requests and invite.", refusal(requests, bob, ""));
  }
}
