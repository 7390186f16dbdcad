package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /TOPICLOCK off lets every member set the topic; /TOPICLOCK on keeps it for the admins again. */
class TopicLockCommandTest extends BuiltinFixture {
  private final TopicLockCommand lock = new TopicLockCommand();

  @Test
  void offOpensTheTopicToMembers() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.clear();
    bob.clear();

    run(lock, alice, "OFF");

    assertTrue(server.channel("#a").isTopicOpen());
    assertEquals(
        List.of("alice opened the topic of #a: every member may set it now."), bob.inbox().texts());
    bob.clear().run("/TOPIC");
    assertEquals(
        List.of("#a has no topic; any member sets one with /TOPIC <text>."), bob.replies());
    bob.clear().run("/TOPIC bob was here");
    assertEquals(List.of(), bob.errors());
    assertEquals("bob was here", server.channel("#a").topic().text());
  }

  @Test
  void onLocksItAgain() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    run(lock, alice, "off");
    bob.clear();

    run(lock, alice, "on");

    assertFalse(server.channel("#a").isTopicOpen());
    assertEquals(
        List.of("alice locked the topic of #a: only its admins set it now."), bob.inbox().texts());
    bob.run("/TOPIC again");
    assertEquals(List.of("Only the admins of #a can set its topic."), bob.errors());
    assertNull(server.channel("#a").topic());
  }

  @Test
  void aMemberCannotTypeItAndAnythingButOnOrOffIsRefused() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a").clear();
    alice.clear();

    bob.run("/TOPICLOCK off");
    assertEquals(1, bob.errors().size(), bob.errors().toString());
    assertFalse(server.channel("#a").isTopicOpen());

    assertEquals("Type /TOPICLOCK on or /TOPICLOCK off.", refusal(lock, alice, "maybe"));
    assertEquals("The topic of #a is locked already.", refusal(lock, alice, "on"));
    assertEquals(List.of(), alice.inbox().texts());
  }
}
