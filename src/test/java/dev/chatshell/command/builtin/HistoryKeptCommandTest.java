package dev.chatshell.command.builtin;

import static dev.chatshell.command.builtin.BuiltinFixture.refusal;
import static dev.chatshell.command.builtin.BuiltinFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.FakeContext;
import org.junit.jupiter.api.Test;

/** /HISTORY over a server that keeps history: the channel's last lines, or a conversation's. */
class HistoryKeptCommandTest extends StoredFixture {
  private final HistoryCommand historyCommand = new HistoryCommand();

  @Test
  void theChannelsLastLinesAsManyAsAskedOldestFirst() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    server.say(bob.user(), "one");
    server.say(bob.user(), "two");
    server.say(bob.user(), "three");
    alice.clear();

    run(historyCommand, alice, "2");

    assertEquals(3, alice.replies().size(), alice.replies().toString());
    assertEquals("The last 2 lines of #a (times in UTC):", alice.replies().get(0));
    assertTrue(
        alice.replies().get(1).matches("\\[\\d\\d:\\d\\d\\] <bob> two"), alice.replies().get(1));
    assertTrue(
        alice.replies().get(2).matches("\\[\\d\\d:\\d\\d\\] <bob> three"), alice.replies().get(2));
  }

  @Test
  void aConversationBetweenTwoAccounts() {
    FakeContext alice = connect("alice").willType("correct horse").willType("correct horse");
    alice.run("/REGISTER");
    FakeContext bob = connect("bob").willType("battery staple").willType("battery staple");
    bob.run("/REGISTER").run("/MSG alice hi there");
    alice.clear();

    run(historyCommand, alice, "BOB");

    assertEquals(2, alice.replies().size(), alice.replies().toString());
    assertEquals(
        "The last line of your private messages with BOB (times in UTC):", alice.replies().get(0));
    assertTrue(
        alice.replies().get(1).matches("\\[\\d\\d:\\d\\d\\] \\*bob\\* \\(to alice\\) hi there"),
        alice.replies().get(1));
  }

  @Test
  void outsideAChannelOnlyAConversationCanBeShown() {
    FakeContext alice = connect("alice");

    assertEquals(
        "You are not in a channel: /JOIN one, or /HISTORY <nick> for private messages.",
        refusal(historyCommand, alice, ""));
  }
}
