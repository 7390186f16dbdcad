package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chatshell.command.FakeContext;
import dev.chatshell.command.Privilege;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentCommandTest extends BuiltinFixture {

  @Test
  void saysWhenTheUserIsInNoChannel() {
    FakeContext alice = connect("alice").run("/CURRENT");

    assertEquals(List.of("You are not in a channel; /JOIN one."), alice.replies());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void showsTheCurrentChannelTheRoleThereAndAllTheUsersChannels() {
    connect("bob").run("/JOIN #b");
    FakeContext alice = connect("alice").run("/JOIN #a").run("/JOIN #b").run("/current");

    assertEquals(
        List.of("Your current channel is #b, where you are a member. Your channels: #a #b"),
        alice.replies());
  }

  @Test
  void switchesToAnotherOfTheUsersChannels() {
    connect("bob").run("/JOIN #b");
    FakeContext alice = connect("alice").run("/JOIN #a").run("/JOIN #b");

    alice.run("/CURRENT a");

    assertEquals(List.of("Your current channel is now #a."), alice.replies());
    assertSame(server.channel("#a"), alice.user().current());
    assertEquals(Privilege.MAIN_ADMIN, alice.privilege());
  }

  @Test
  void switchingToAChannelTheUserIsNotInIsAnError() {
    connect("bob").run("/JOIN #b");
    FakeContext alice = connect("alice").run("/JOIN #a");

    alice.run("/CURRENT #b");

    assertEquals(List.of("You are not in #b; /JOIN it first."), alice.errors());
    assertEquals(List.of(), alice.replies());
    assertSame(server.channel("#a"), alice.user().current());
  }

  @Test
  void switchingToAChannelThatDoesNotExistIsAnError() {
    FakeContext alice = connect("alice").run("/CURRENT #nowhere");

    assertEquals(List.of("You are not in #nowhere; /JOIN it first."), alice.errors());
    assertNull(alice.user().current());
  }

  @Test
  void takesAtMostOneChannel() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/CURRENT #a #b");

    assertEquals(List.of("Too many arguments. Usage: /CURRENT [channel]"), alice.errors());
  }
}
