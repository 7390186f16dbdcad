package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.JoinRequest;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /INVITE lets a nick into the channel on their next /JOIN, even when it is private. */
class InviteCommandTest extends BuiltinFixture {
  private final InviteCommand invite = new InviteCommand();

  @Test
  void theInviteeIsToldAndTheirJoinGetsThemIntoAPrivateChannel() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/PRIVATE on");
    FakeContext bob = connect("bob");
    alice.clear();

    run(invite, alice, "BOB");

    assertEquals(List.of("alice invited bob to #a."), alice.inbox().texts());
    assertEquals(List.of("alice invites you to #a: /JOIN #a"), bob.inbox().texts());
    JoinRequest waiting = server.channel("#a").requests().getFirst();
    assertEquals(JoinRequest.Kind.INVITATION, waiting.kind());
    assertEquals("bob", waiting.nick());
    bob.run("/JOIN #a");
    assertTrue(server.channel("#a").contains(bob.user()));
  }

  @Test
  void someoneInTheChannelAlreadyIsNotInvited() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    connect("bob").run("/JOIN #a");

    assertEquals("bob is in #a already.", refusal(invite, alice, "bob"));
    assertEquals(List.of(), server.channel("#a").requests());
  }
}
