package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A channel's member limit (/LIMIT, IRC's +l) and its topic lock (/TOPICLOCK, IRC's +t): who sets
 * them, who is told, and what they refuse.
 */
class ChatServerChannelSettingsTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final ChatServer server =
      ChatTestSupport.server(ChatPorts.none(Clock.fixed(T0, ZoneOffset.UTC)));
  private final Inbox aliceInbox = new Inbox();
  private final Inbox bobInbox = new Inbox();
  private final Inbox carolInbox = new Inbox();
  private final Inbox daveInbox = new Inbox();
  private final Inbox oscarInbox = new Inbox();
  private final User alice = server.connect("alice", "192.0.2.1", aliceInbox);
  private final User bob = server.connect("bob", "192.0.2.2", bobInbox);
  private final User carol = server.connect("carol", "192.0.2.3", carolInbox);
  private final User dave = server.connect("dave", "192.0.2.4", daveInbox);
  private final User oscar = server.connect("oscar", "192.0.2.5", oscarInbox);
  private Channel c;

  /** #c: ~alice @bob carol; dave and oscar (a server operator) outside. */
  @BeforeEach
  void setUp() {
    c = server.join(alice, "#c");
    server.join(bob, "#c");
    server.grant(alice, "bob");
    server.join(carol, "#c");
    server.promote(oscar, "test");
    clearAll();
  }

  private void clearAll() {
    List.of(aliceInbox, bobInbox, carolInbox, daveInbox, oscarInbox).forEach(Inbox::clear);
  }

  private WorldSnapshot world() {
    return WorldSnapshot.of(server, List.of(alice, bob, carol, dave, oscar));
  }

  private static ChannelNotice notice(String text) {
    return new ChannelNotice(T0, "#c", text);
  }

  @Test
  void aSecondaryAdminSetsALimitAndEveryMemberIsTold() {
    server.setMemberLimit(bob, 3);

    assertEquals(3, c.memberLimit());
    ChannelNotice told = notice("bob limited #c to 3 members: nobody joins once it is full.");
    assertEquals(List.of(told), aliceInbox.events());
    assertEquals(List.of(told), bobInbox.events());
    assertEquals(List.of(told), carolInbox.events());
    assertEquals(List.of(), daveInbox.events());
    assertEquals(
        List.of(new Notice.LimitSet(T0, "#c", "bob", 3)), carolInbox.told(Notice.LimitSet.class));
  }

  @Test
  void aJoinIntoAFullChannelIsRefusedWithTheLimitAndNothingChanges() {
    server.setMemberLimit(alice, 3);
    clearAll();
    WorldSnapshot before = world();

    ChatException refused = assertThrows(ChatException.class, () -> server.join(dave, "#c"));

    assertEquals(ChatException.Reason.CHANNEL_FULL, refused.reason());
    assertEquals("#c is full: 3 members, its limit.", refused.getMessage());
    assertEquals(List.of("#c", 3), refused.arguments());
    assertEquals(before, world());
    assertEquals(List.of(), aliceInbox.events());
  }

  @Test
  void nobodyWalksPastTheLimitNotEvenAServerOperator() {
    server.setMemberLimit(alice, 3);

    ChatException refused = assertThrows(ChatException.class, () -> server.join(oscar, "#c"));

    assertEquals(ChatException.Reason.CHANNEL_FULL, refused.reason());
    assertFalse(c.contains(oscar));
  }

  @Test
  void anInvitationDoesNotWalkPastTheLimitEitherButKeepsForLater() {
    server.setPrivate(alice, true);
    server.setMemberLimit(alice, 3);
    server.invite(alice, "dave");
    clearAll();

    ChatException refused = assertThrows(ChatException.class, () -> server.join(dave, "#c"));
    assertEquals(ChatException.Reason.CHANNEL_FULL, refused.reason());
    assertEquals(1, c.requests().size(), "the invitation is not used up");

    server.leave(carol, "#c", null);
    server.join(dave, "#c");
    assertTrue(c.contains(dave));
    assertEquals(List.of(), c.requests());
  }

  @Test
  void anAcceptedRequestWaitsAsAnInvitationWhileTheChannelIsFull() {
    server.setPrivate(alice, true);
    server.join(dave, "#c"); // files a request
    server.setMemberLimit(alice, 3);
    clearAll();

    server.accept(alice, "dave");

    assertFalse(c.contains(dave));
    assertEquals(
        List.of(notice("You are invited to #c (#c is full: 3 members, its limit.)")),
        daveInbox.events());
  }

  @Test
  void aLowerLimitPutsNobodyOutAndTheRefusalSaysBy() {
    server.setMemberLimit(alice, 2);

    assertEquals(3, c.size());
    ChatException refused = assertThrows(ChatException.class, () -> server.join(dave, "#c"));
    assertEquals("#c is full: 3 members, over its limit of 2.", refused.getMessage());
  }

  @Test
  void zeroLiftsTheLimit() {
    server.setMemberLimit(alice, 3);
    clearAll();

    server.setMemberLimit(alice, 0);

    assertEquals(0, c.memberLimit());
    assertEquals(List.of(notice("alice lifted the member limit of #c.")), carolInbox.events());
    server.join(dave, "#c");
    assertTrue(c.contains(dave));
  }

  @Test
  void aMemberCannotSetALimitNorCanTheSameLimitBeSetTwice() {
    WorldSnapshot before = world();
    ChatException refused =
        assertThrows(ChatException.class, () -> server.setMemberLimit(carol, 5));
    assertEquals(ChatException.Reason.RANK_TOO_LOW, refused.reason());
    assertEquals("Only the admins of #c can set its member limit.", refused.getMessage());
    assertEquals(before, world());

    ChatException already = assertThrows(ChatException.class, () -> server.setMemberLimit(bob, 0));
    assertEquals(ChatException.Reason.ALREADY, already.reason());
    assertEquals("#c has no member limit already.", already.getMessage());
    ChatException negative =
        assertThrows(ChatException.class, () -> server.setMemberLimit(bob, -1));
    assertEquals(ChatException.Reason.INVALID, negative.reason());
    assertEquals(List.of(), carolInbox.events());
  }

  @Test
  void theTopicIsLockedForAdminsAtFirst() {
    assertFalse(c.isTopicOpen());
    ChatException refused = assertThrows(ChatException.class, () -> server.setTopic(carol, "hi"));
    assertEquals(ChatException.Reason.RANK_TOO_LOW, refused.reason());
    assertNull(c.topic());
  }

  @Test
  void anAdminOpensTheTopicToEveryMemberAndLocksItAgain() {
    server.setTopicLocked(bob, false);

    assertTrue(c.isTopicOpen());
    ChannelNotice opened = notice("bob opened the topic of #c: every member may set it now.");
    assertEquals(List.of(opened), aliceInbox.events());
    assertEquals(List.of(opened), carolInbox.events());
    assertEquals(
        List.of(new Notice.TopicLockSet(T0, "#c", "bob", false)),
        carolInbox.told(Notice.TopicLockSet.class));

    server.setTopic(carol, "members talk here");
    assertEquals("members talk here", c.topic().text());

    clearAll();
    server.setTopicLocked(alice, true);
    assertFalse(c.isTopicOpen());
    assertEquals(
        List.of(notice("alice locked the topic of #c: only its admins set it now.")),
        carolInbox.events());
    assertThrows(ChatException.class, () -> server.setTopic(carol, "again"));
    assertEquals("members talk here", c.topic().text());
  }

  @Test
  void aMemberCannotOpenTheTopicAndLockingALockedTopicIsAlreadySo() {
    WorldSnapshot before = world();
    ChatException refused =
        assertThrows(ChatException.class, () -> server.setTopicLocked(carol, false));
    assertEquals(ChatException.Reason.RANK_TOO_LOW, refused.reason());
    assertEquals("Only the admins of #c can open or lock its topic.", refused.getMessage());
    ChatException already =
        assertThrows(ChatException.class, () -> server.setTopicLocked(alice, true));
    assertEquals(ChatException.Reason.ALREADY, already.reason());
    assertEquals("The topic of #c is locked already.", already.getMessage());
    assertEquals(before, world());
    assertEquals(List.of(), carolInbox.events());
  }
}
