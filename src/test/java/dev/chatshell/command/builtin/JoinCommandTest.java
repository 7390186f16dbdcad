package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinCommandTest extends BuiltinFixture {

  @Test
  void createsTheChannelAndMakesTheUserItsMainAdmin() {
    FakeContext alice = connect("alice").run("/join lobby");

    Channel lobby = server.channel("#lobby");
    assertEquals(ChannelRole.MAIN_ADMIN, lobby.roleOf(alice.user()));
    assertSame(lobby, alice.user().current());
    assertEquals(List.of("You created #lobby; you are its main admin (~)."), alice.inbox().texts());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void joinsAnExistingChannelAsMember() {
    FakeContext alice = connect("alice").run("/JOIN #lobby");
    alice.clear();

    FakeContext bob = connect("bob").run("/JOIN #LOBBY");

    assertEquals(ChannelRole.MEMBER, server.channel("#lobby").roleOf(bob.user()));
    assertEquals(List.of("bob has joined #lobby"), alice.inbox().texts());
    assertEquals(List.of(), bob.errors());
  }

  @Test
  void aMissingChannelNameIsAUsageError() {
    FakeContext alice = connect("alice").run("/JOIN");

    assertEquals(List.of("Missing channel name. Usage: /JOIN <channel>"), alice.errors());
    assertEquals(List.of(), server.channels());
    assertNull(alice.user().current());
  }

  @Test
  void joinsOneChannelAtATime() {
    FakeContext alice = connect("alice").run("/JOIN #a #b");

    assertEquals(List.of("Too many arguments. Usage: /JOIN <channel>"), alice.errors());
    assertEquals(List.of(), server.channels());
  }

  @Test
  void anInvalidChannelNameIsExplained() {
    FakeContext alice = connect("alice").run("/JOIN a,b");

    // Issue 12: a comma was called an invisible character; it is named, with what to do instead.
    assertEquals(
        List.of("A channel name cannot contain a comma: join one channel at a time (/JOIN #a)."),
        alice.errors());
    assertEquals(List.of(), server.channels());
  }
}
