package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class KickCommandTest extends BuiltinFixture {

  @Test
  void kicksAMemberWithTheReasonPassedThrough() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    FakeContext carol = connect("carol").run("/JOIN #a");
    alice.clear();
    bob.clear();
    carol.clear();

    alice.run("/kick BOB  spamming  links  ");

    assertEquals(List.of(), alice.errors());
    assertFalse(server.channel("#a").contains(bob.user()));
    assertEquals(
        List.of("You were kicked from #a by alice (spamming  links). You may /JOIN it again."),
        bob.inbox().texts());
    assertEquals(
        List.of("bob was kicked from #a by alice (spamming  links)"), carol.inbox().texts());
    assertEquals(
        List.of("bob was kicked from #a by alice (spamming  links)"), alice.inbox().texts());
  }

  @Test
  void withoutAReasonNoneIsShown() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a").clear();

    alice.run("/KICK bob");

    assertEquals(List.of(), alice.errors());
    assertEquals(
        List.of("You were kicked from #a by alice. You may /JOIN it again."), bob.inbox().texts());
  }

  @Test
  void aKickedUserMayJoinAgain() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.run("/KICK bob");

    bob.run("/JOIN #a");

    assertEquals(List.of(), bob.errors());
    assertEquals(ChannelRole.MEMBER, server.channel("#a").roleOf(bob.user()));
    assertEquals("~alice bob", ChatServer.whoLine(server.channel("#a")));
  }

  @Test
  void aMissingNickIsAUsageError() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/KICK");

    assertEquals(List.of("Missing nick. Usage: /KICK <nick> [reason]"), alice.errors());
    assertEquals(1, server.channel("#a").size());
  }

  @Test
  void isRefusedToMembersBeforeItRuns() {
    connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    FakeContext carol = connect("carol").run("/JOIN #a").clear();

    bob.run("/KICK carol");

    assertEquals(List.of("/KICK is for admins of the current channel; you are not."), bob.errors());
    assertTrue(server.channel("#a").contains(carol.user()));
    assertEquals(List.of(), carol.inbox().texts());
  }

  @Test
  void isRefusedToAUserInNoChannel() {
    FakeContext alice = connect("alice").run("/KICK bob");

    assertEquals(
        List.of("/KICK is for admins of the current channel; you are in no channel."),
        alice.errors());
  }

  @Test
  void kickingYourselfPointsToLeave() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/KICK alice");

    assertEquals(List.of("You cannot kick yourself; /LEAVE #a instead."), alice.errors());
    assertTrue(server.channel("#a").contains(alice.user()));
  }

  @Test
  void aSecondaryAdminCannotKickTheMainAdmin() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.run("/GRANT bob");

    bob.run("/KICK alice rude");

    assertEquals(
        List.of("Nobody but a server operator can kick the main admin (~) of #a."), bob.errors());
    assertEquals("~alice @bob", ChatServer.whoLine(server.channel("#a")));
  }

  @Test
  void anUnknownNickIsOneError() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/KICK zed");

    assertEquals(List.of("No user called zed is online."), alice.errors());
  }
}
