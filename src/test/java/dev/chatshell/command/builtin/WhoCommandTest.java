package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.Member;
import dev.chatshell.chat.User;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhoCommandTest extends BuiltinFixture {

  /** Issue 12: /WHO is sorted by rank (~, @, members), alphabetically within. */
  @Test
  void listsTheCurrentChannelWithSigilsByRankThenAlphabetically() {
    FakeContext zoe = connect("zoe").run("/JOIN #a");
    for (String nick : List.of("mallory", "Bob", "dave", "carol", "alice")) {
      connect(nick).run("/JOIN #a");
    }
    FakeContext erin = connect("erin").run("/JOIN #a");
    Channel a = server.channel("#a");
    ChatTestSupport.setRole(a, erin.user(), ChannelRole.SECONDARY_ADMIN);
    User carol =
        a.members().stream()
            .map(Member::user)
            .filter(u -> u.nick().equals("carol"))
            .findFirst()
            .orElseThrow();
    ChatTestSupport.setRole(a, carol, ChannelRole.SECONDARY_ADMIN);

    zoe.run("/WHO");

    assertEquals(List.of("#a (7): ~zoe @carol @erin alice Bob dave mallory"), zoe.replies());
    assertEquals(List.of(), zoe.errors());
  }

  /** Issue 12: server operators are marked in /WHO, with what the mark means. */
  @Test
  void marksServerOperators() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext oscar = connect("oscar").run("/JOIN #a");
    server.promote(oscar.user(), "oscar");

    alice.run("/WHO");

    assertEquals(List.of("#a (2): ~alice oscar*", "* marks server operators."), alice.replies());
  }

  @Test
  void anOperatorInNoChannelIsAskedToNameOne() {
    FakeContext root = connect("root");
    server.promote(root.user(), "root");

    root.run("/WHO");

    assertEquals(
        List.of("/WHO needs a current channel: /JOIN one first, or name one: /WHO #channel."),
        root.errors());
  }

  /** Issue 12: looking at a channel before joining it is the first thing a newcomer does. */
  @Test
  void aUserInNoChannelSeesAnyChannelNamed() {
    connect("alice").run("/JOIN #rust");
    FakeContext bob = connect("bob");

    bob.run("/WHO #rust").run("/who rust");

    assertEquals(List.of(), bob.errors());
    assertEquals(List.of("#rust (1): ~alice", "#rust (1): ~alice"), bob.replies());
    bob.clear().run("/WHO #nowhere");
    assertEquals(List.of("There is no channel #nowhere; /LIST shows the channels."), bob.errors());
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

    assertEquals(
        List.of("/WHO needs a current channel: /JOIN one first, or name one: /WHO #channel."),
        alice.errors());
  }

  @Test
  void showsOneChannelAtATime() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/WHO #a #a");

    assertEquals(List.of("Too many arguments. Usage: /WHO [channel]"), alice.errors());
  }

  /** Found by review: anyone, even in no channel, listed who is in a private channel. */
  @Test
  void aPrivateChannelsMembersAreForItsMembersAndOperators() {
    FakeContext alice = connect("alice").run("/JOIN #sec").run("/PRIVATE on").clear();
    FakeContext bob = connect("bob");
    FakeContext root = connect("root");
    server.promote(root.user(), "root");

    bob.run("/WHO #sec");
    alice.run("/WHO #sec");
    root.run("/WHO #sec");

    assertEquals(List.of(), bob.replies());
    assertEquals(
        List.of(
            "#sec is private (1 member): only its members see who is in it. /JOIN asks its"
                + " admins to let you in."),
        bob.errors());
    assertEquals(List.of("#sec (1): ~alice"), alice.replies());
    assertEquals(List.of("#sec (1): ~alice"), root.replies());
  }
}
