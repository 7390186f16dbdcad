package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /TOPIC shows the topic; an admin sets it, or clears it with "-". */
class TopicCommandTest extends BuiltinFixture {
  private final TopicCommand topic = new TopicCommand();

  @Test
  void anAdminSetsTheTopicEveryoneIsToldAndItIsShownWithWhoSetIt() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.clear();
    bob.clear();

    run(topic, alice, "Rust  and more");

    assertEquals("Rust  and more", server.channel("#a").topic().text());
    assertEquals("alice", server.channel("#a").topic().by());
    assertEquals(List.of("alice set the topic of #a: Rust  and more"), bob.inbox().texts());
    run(topic, bob, "");
    assertEquals(1, bob.replies().size());
    assertEquals(
        true,
        bob.replies().getFirst().startsWith("Topic of #a: Rust  and more (set by alice, "),
        bob.replies().toString());
  }

  @Test
  void aDashClearsTheTopic() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    run(topic, alice, "something");
    alice.clear();

    run(topic, alice, " - ");

    assertNull(server.channel("#a").topic());
    assertEquals(List.of("alice cleared the topic of #a."), alice.inbox().texts());
    run(topic, alice, "");
    assertEquals(
        List.of("#a has no topic; its admins set one with /TOPIC <text>."), alice.replies());
  }

  @Test
  void aMemberMayReadButNotSetIt() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    run(topic, alice, "kept");
    FakeContext bob = connect("bob").run("/JOIN #a").clear();

    assertEquals("Only the admins of #a can set its topic.", refusal(topic, bob, "mine now"));
    assertEquals("kept", server.channel("#a").topic().text());
  }
}
