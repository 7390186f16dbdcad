package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.chat.ChannelMessage;
import dev.chatshell.command.FakeContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /ME shows an action to everyone in the current channel. */
class MeCommandTest extends BuiltinFixture {
  private static final Instant ACTED = Instant.EPOCH;
  private final MeCommand me = new MeCommand();

  /** The messages with their times set aside: the fixture's clock is the wall clock. */
  private static List<ChannelMessage> atFixedTime(List<ChannelMessage> messages) {
    return messages.stream()
        .map(m -> new ChannelMessage(ACTED, m.channel(), m.nick(), m.text(), m.action()))
        .toList();
  }

  @Test
  void theActionIsShownToTheChannelWithTheActorsNick() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    FakeContext carol = connect("carol").run("/JOIN #b");
    alice.clear();
    bob.clear();
    carol.clear();

    run(me, alice, "waves  at everyone");

    ChannelMessage action = new ChannelMessage(ACTED, "#a", "alice", "waves  at everyone", true);
    assertEquals(List.of(action), atFixedTime(bob.inbox().ofType(ChannelMessage.class)));
    assertEquals(List.of(action), atFixedTime(alice.inbox().ofType(ChannelMessage.class)));
    assertEquals(List.of(), carol.inbox().texts(), "another channel hears nothing");
  }

  @Test
  void outsideAChannelThereIsNobodyToShowItTo() {
    FakeContext alice = connect("alice");

    assertEquals(
        "You are not in a channel: /JOIN #name first, or /MSG <nick> <text> to talk privately.",
        refusal(me, alice, "waves"));
  }
}
