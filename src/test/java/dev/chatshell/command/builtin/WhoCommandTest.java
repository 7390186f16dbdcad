package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhoCommandTest extends BuiltinFixture {

  @Test
  void listsTheCurrentChannelWithSigilsInJoinOrder() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    connect("bob").run("/JOIN #a");
    FakeContext carol = connect("carol").run("/JOIN #a");
    ChatTestSupport.setRole(server.channel("#a"), carol.user(), ChannelRole.SECONDARY_ADMIN);

    alice.run("/WHO");

    assertEquals(List.of("#a (3): ~alice bob @carol"), alice.replies());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void anOperatorInNoChannelIsAskedToNameOne() {
    FakeContext root = connect("root");
    server.promote(root.user(), "root");

    root.run("/WHO");

    assertEquals(List.of("/WHO needs a current channel: /JOIN one first."), root.errors());
  }

  @Test
  void listsANamedChannel() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/JOIN #b");
    connect("bob").run("/JOIN #a");

    alice.run("/who A");

    assertEquals(List.of("#a (2): ~alice bob"), alice.replies());
  }

  @Test
  void anUnknownChannelIsAnError() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/WHO nowhere");

    assertEquals(
        List.of("There is no channel #nowhere; /LIST shows the channels."), alice.errors());
    assertEquals(List.of(), alice.replies());
  }

  @Test
  void isRefusedToAUserInNoChannel() {
    FakeContext alice = connect("alice").run("/WHO");

    assertEquals(List.of("/WHO needs a current channel: /JOIN one first."), alice.errors());
  }

  @Test
  void showsOneChannelAtATime() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/WHO #a #a");

    assertEquals(List.of("Too many arguments. Usage: /WHO [channel]"), alice.errors());
  }
}
