package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Joining, leaving, succession of the main admin, and the current channel. */
class ChatServerChannelTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final ChatServer server = ChatTestSupport.server(Clock.fixed(T0, ZoneOffset.UTC), 50);
  private final Inbox aliceInbox = new Inbox();
  private final Inbox bobInbox = new Inbox();
  private final Inbox carolInbox = new Inbox();
  private final Inbox daveInbox = new Inbox();
  private final User alice = server.connect("alice", "a", aliceInbox);
  private final User bob = server.connect("bob", "b", bobInbox);
  private final User carol = server.connect("carol", "c", carolInbox);
  private final User dave = server.connect("dave", "d", daveInbox);

  private void clearInboxes() {
    List.of(aliceInbox, bobInbox, carolInbox, daveInbox).forEach(Inbox::clear);
  }

  @Test
  void joinCreatesTheChannelWithTheCreatorAsMainAdmin() {
    Channel lobby = server.join(alice, "lobby");

    assertEquals("#lobby", lobby.name());
    assertEquals(ChannelRole.MAIN_ADMIN, lobby.roleOf(alice));
    assertSame(lobby, alice.current());
    assertEquals(List.of(lobby), alice.channels());
    assertEquals(List.of(lobby), server.channels());
    assertSame(lobby, server.channel("#LOBBY"));
    assertEquals(
        List.of(new ChannelNotice(T0, "#lobby", "You created #lobby; you are its main admin (~).")),
        aliceInbox.events());
    assertEquals(List.of(), bobInbox.events());
  }

  @Test
  void laterJoinersAreMembersAndTheOthersAreTold() {
    Channel lobby = server.join(alice, "#Lobby");
    aliceInbox.clear();

    Channel joined = server.join(bob, "LOBBY");

    assertSame(lobby, joined);
    assertEquals("#Lobby", joined.name());
    assertEquals(ChannelRole.MEMBER, lobby.roleOf(bob));
    assertSame(lobby, bob.current());
    assertEquals(
        List.of(new ChannelNotice(T0, "#Lobby", "bob has joined #Lobby")), aliceInbox.events());
    assertEquals(
        List.of(new ChannelNotice(T0, "#Lobby", "You joined #Lobby. Members: ~alice bob")),
        bobInbox.events());
    assertEquals(List.of(), carolInbox.events());
  }

  @Test
  void joiningAgainOnlyMakesTheChannelCurrent() {
    Channel a = server.join(alice, "#a");
    Channel b = server.join(alice, "#b");
    server.join(bob, "#a");
    clearInboxes();

    Channel again = server.join(alice, "a");

    assertSame(a, again);
    assertSame(a, alice.current());
    assertEquals(List.of(a, b), alice.channels());
    assertEquals(ChannelRole.MAIN_ADMIN, a.roleOf(alice));
    assertEquals(2, a.size());
    assertEquals(
        List.of(
            new ChannelNotice(T0, "#a", "You are already in #a; it is now your current channel.")),
        aliceInbox.events());
    assertEquals(List.of(), bobInbox.events());
  }

  @Test
  void joinRefusesAnInvalidChannelName() {
    ChatException thrown = assertThrows(ChatException.class, () -> server.join(alice, "a,b"));

    assertTrue(thrown.getMessage().contains("cannot contain a comma"), thrown.getMessage());
    assertEquals(List.of(), server.channels());
    assertNull(alice.current());
  }

  @Test
  void aUserMayBeInNoMoreThanTheMaximumNumberOfChannels() {
    ChatServer small = ChatTestSupport.server(Clock.fixed(T0, ZoneOffset.UTC), 2);
    User erin = small.connect("erin", "e", new Inbox());
    Channel a = small.join(erin, "#a");
    small.join(erin, "#b");

    ChatException thrown = assertThrows(ChatException.class, () -> small.join(erin, "#c"));

    assertEquals(
        "You are in 2 channels already, the most allowed; /LEAVE one first.", thrown.getMessage());
    assertNull(small.channel("#c"));
    assertEquals(2, erin.channels().size());
    assertSame(a, small.join(erin, "#a"), "rejoining a channel one is in is still allowed");
    small.leave(erin, "#b", null);
    small.join(erin, "#c");
    assertEquals(List.of("#a", "#c"), erin.channels().stream().map(Channel::name).toList());
  }

  @Test
  void whoLineShowsSigilsInJoinOrder() {
    Channel a = server.join(alice, "#a");
    server.join(bob, "#a");
    server.join(carol, "#a");
    server.join(dave, "#a");
    a.setRole(carol, ChannelRole.SECONDARY_ADMIN);

    assertEquals("~alice bob @carol dave", ChatServer.whoLine(a));
    assertEquals(
        List.of("~alice", "bob", "@carol", "dave"),
        a.members().stream().map(Member::display).toList());
  }

  @Test
  void leavingTheCurrentChannelTellsTheOthers() {
    Channel a = server.join(alice, "#a");
    server.join(bob, "#a");
    server.join(carol, "#a");
    clearInboxes();

    server.leave(bob, null, "lunch");

    ChannelNotice left = new ChannelNotice(T0, "#a", "bob has left #a (lunch)");
    assertEquals(List.of(left), aliceInbox.events());
    assertEquals(List.of(left), carolInbox.events());
    assertEquals(List.of(new ChannelNotice(T0, "#a", "You left #a.")), bobInbox.events());
    assertFalse(a.contains(bob));
    assertNull(bob.current());
    assertEquals(List.of(), bob.channels());
    assertEquals("~alice carol", ChatServer.whoLine(a));
  }

  @Test
  void leaveReasonIsMadeSafe() {
    server.join(alice, "#a");
    server.join(bob, "#a");
    clearInboxes();

    server.leave(bob, "#a", "\u001b[5mbye");

    assertEquals(List.of("bob has left #a (^[[5mbye)"), aliceInbox.texts());
  }

  @Test
  void leavingANamedChannelKeepsTheCurrentOne() {
    Channel a = server.join(alice, "#a");
    Channel b = server.join(alice, "#b");

    server.leave(alice, "A", null);

    assertSame(b, alice.current());
    assertEquals(List.of(b), alice.channels());
    assertFalse(a.contains(alice));
  }

  @Test
  void leavingTheCurrentChannelFallsBackToTheMostRecentlyJoinedRemainingOne() {
    Channel a = server.join(alice, "#a");
    Channel b = server.join(alice, "#b");
    Channel c = server.join(alice, "#c");
    server.switchTo(alice, "#a");
    aliceInbox.clear();

    server.leave(alice, null, null);

    assertSame(c, alice.current());
    assertEquals(
        List.of(
            new ChannelNotice(T0, "#a", "You left #a."),
            new ServerNotice(T0, "Your current channel is now #c.")),
        aliceInbox.events());

    server.leave(alice, null, null);
    assertSame(b, alice.current());
    server.leave(alice, null, null);
    assertNull(alice.current());
  }

  @Test
  void leaveRefusesAUserInNoChannel() {
    ChatException thrown = assertThrows(ChatException.class, () -> server.leave(alice, null, null));

    assertEquals("You are not in any channel.", thrown.getMessage());
  }

  @Test
  void leaveRefusesAChannelTheUserIsNotIn() {
    server.join(alice, "#a");
    server.join(bob, "#b");

    ChatException thrown = assertThrows(ChatException.class, () -> server.leave(alice, "#b", null));
    assertEquals("You are not in #b; /JOIN it first.", thrown.getMessage());
    thrown = assertThrows(ChatException.class, () -> server.leave(alice, "nowhere", null));
    assertEquals("You are not in #nowhere; /JOIN it first.", thrown.getMessage());
  }

  @Test
  void mainAdminLeavingHandsOverToTheLongestStandingSecondaryAdmin() {
    Channel a = server.join(alice, "#a");
    server.join(bob, "#a");
    server.join(carol, "#a");
    server.join(dave, "#a");
    a.setRole(dave, ChannelRole.SECONDARY_ADMIN);
    a.setRole(carol, ChannelRole.SECONDARY_ADMIN);
    clearInboxes();

    server.leave(alice, null, null);

    assertEquals(ChannelRole.MAIN_ADMIN, a.roleOf(carol));
    assertEquals(ChannelRole.SECONDARY_ADMIN, a.roleOf(dave));
    assertEquals(ChannelRole.MEMBER, a.roleOf(bob));
    assertEquals("bob ~carol @dave", ChatServer.whoLine(a));
    List<ChatEvent> told =
        List.of(
            new ChannelNotice(T0, "#a", "alice has left #a"),
            new ChannelNotice(
                T0, "#a", "carol is now main admin (~) of #a, taking over from alice."));
    assertEquals(told, bobInbox.events());
    assertEquals(told, carolInbox.events());
    assertEquals(told, daveInbox.events());
  }

  @Test
  void mainAdminLeavingWithoutSecondaryAdminsHandsOverToTheLongestStandingMember() {
    Channel a = server.join(alice, "#a");
    server.join(bob, "#a");
    server.join(carol, "#a");
    clearInboxes();

    server.leave(alice, "#a", null);

    assertEquals("~bob carol", ChatServer.whoLine(a));
    assertEquals(
        List.of("alice has left #a", "bob is now main admin (~) of #a, taking over from alice."),
        carolInbox.texts());
  }

  @Test
  void rejoiningLosesSeniority() {
    Channel a = server.join(alice, "#a");
    server.join(bob, "#a");
    server.join(carol, "#a");
    server.leave(bob, null, null);
    server.join(bob, "#a");

    server.leave(alice, null, null);

    assertEquals("~carol bob", ChatServer.whoLine(a));
  }

  @Test
  void theNewMainAdminCanHandOverInTurn() {
    Channel a = server.join(alice, "#a");
    server.join(bob, "#a");
    server.join(carol, "#a");
    server.leave(alice, null, null);

    server.leave(bob, null, null);

    assertEquals("~carol", ChatServer.whoLine(a));
  }

  @Test
  void othersLeavingChangesNoRoles() {
    Channel a = server.join(alice, "#a");
    server.join(bob, "#a");
    server.join(carol, "#a");
    a.setRole(bob, ChannelRole.SECONDARY_ADMIN);
    clearInboxes();

    server.leave(bob, null, null);
    server.leave(carol, null, null);

    assertEquals("~alice", ChatServer.whoLine(a));
    assertEquals(List.of("bob has left #a", "carol has left #a"), aliceInbox.texts());
  }

  @Test
  void theLastMemberLeavingDeletesTheChannel() {
    server.join(alice, "#a");
    Channel b = server.join(bob, "#b");

    server.leave(alice, null, null);

    assertNull(server.channel("#a"));
    assertEquals(List.of(b), server.channels());
    Channel recreated = server.join(carol, "#a");
    assertEquals(ChannelRole.MAIN_ADMIN, recreated.roleOf(carol));
    assertEquals("~carol", ChatServer.whoLine(recreated));
  }

  @Test
  void switchToMakesAnotherOfTheUsersChannelsCurrent() {
    Channel a = server.join(alice, "#a");
    server.join(alice, "#b");

    assertSame(a, server.switchTo(alice, "A"));
    assertSame(a, alice.current());
  }

  @Test
  void switchToRefusesAChannelTheUserIsNotIn() {
    Channel a = server.join(alice, "#a");
    server.join(bob, "#b");

    ChatException thrown = assertThrows(ChatException.class, () -> server.switchTo(alice, "#b"));

    assertEquals("You are not in #b; /JOIN it first.", thrown.getMessage());
    assertSame(a, alice.current());
  }

  @Test
  void channelsAreListedByNameCaseInsensitively() {
    server.join(alice, "#beta");
    server.join(bob, "#Alpha");
    server.join(carol, "#gamma");

    assertEquals(
        List.of("#Alpha", "#beta", "#gamma"),
        server.channels().stream().map(Channel::name).toList());
  }

  @Test
  void currentRoleFollowsTheCurrentChannel() {
    server.join(alice, "#a");
    server.join(bob, "#b");
    server.join(alice, "#b");

    assertEquals(ChannelRole.MEMBER, alice.currentRole());
    server.switchTo(alice, "#a");
    assertEquals(ChannelRole.MAIN_ADMIN, alice.currentRole());
    assertNull(carol.currentRole());
  }
}
