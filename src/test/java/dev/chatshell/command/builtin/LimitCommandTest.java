package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /LIMIT shows the member limit; /LIMIT n sets it, /LIMIT 0 lifts it; a full channel refuses. */
class LimitCommandTest extends BuiltinFixture {
  private final LimitCommand limit = new LimitCommand();

  @Test
  void aloneItShowsThatThereIsNone() {
    FakeContext alice = connect("alice").run("/JOIN #a").clear();

    run(limit, alice, "");

    assertEquals(
        List.of("#a has no member limit; its admins set one with /LIMIT <members>."),
        alice.replies());
  }

  @Test
  void aNumberSetsItEveryoneIsToldAndAJoinIntoTheFullChannelIsRefused() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.clear();
    bob.clear();

    run(limit, alice, "2");

    assertEquals(2, server.channel("#a").memberLimit());
    String told = "alice limited #a to 2 members: nobody joins once it is full.";
    assertEquals(List.of(told), alice.inbox().texts());
    assertEquals(List.of(told), bob.inbox().texts());
    run(limit, bob, "");
    assertEquals(
        List.of("#a lets in at most 2 members (2 now); /LIMIT 0 lifts the limit."), bob.replies());

    FakeContext carol = connect("carol").run("/JOIN #a");
    assertFalse(server.channel("#a").contains(carol.user()));
    assertEquals(List.of("#a is full: 2 members, its limit."), carol.errors());
  }

  @Test
  void zeroLiftsIt() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    run(limit, alice, "1");
    alice.clear();

    run(limit, alice, "0");

    assertEquals(0, server.channel("#a").memberLimit());
    assertEquals(List.of("alice lifted the member limit of #a."), alice.inbox().texts());
  }

  @Test
  void aMemberMayLookButNotSetIt() {
    connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a").clear();

    bob.run("/LIMIT 5");

    assertEquals(List.of("Only the admins of #a can set its member limit."), bob.errors());
    assertEquals(0, server.channel("#a").memberLimit());
  }

  @Test
  void anythingButANumberOfMembersIsRefused() {
    FakeContext alice = connect("alice").run("/JOIN #a").clear();

    String how = "Type /LIMIT and a number of members, or /LIMIT 0 to lift the limit.";
    assertEquals(how, refusal(limit, alice, "many"));
    assertEquals(how, refusal(limit, alice, "-3"));
    assertEquals(how, refusal(limit, alice, "99999999999"));
    assertEquals("#a has no member limit already.", refusal(limit, alice, "0"));
    assertEquals(0, server.channel("#a").memberLimit());
    assertEquals(List.of(), alice.inbox().texts());
  }
}
