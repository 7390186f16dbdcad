package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Connecting, disconnecting and changing nick. */
class ChatServerLoginTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final ChatServer server = ChatTestSupport.server(Clock.fixed(T0, ZoneOffset.UTC), 50);

  @Test
  void connectRegistersTheUser() {
    User alice = server.connect("alice", "192.0.2.1", new Inbox());

    assertEquals("alice", alice.nick());
    assertEquals("192.0.2.1", alice.address());
    assertEquals(T0, alice.since());
    assertNull(alice.current());
    assertEquals(List.of(), alice.channels());
    assertEquals(List.of("alice"), server.nicks());
    assertEquals(1, server.userCount());
  }

  @Test
  void aUserWhoQuitsKeepsTheirLastCurrentChannelForLinesStillOnTheWay() {
    User alice = server.connect("alice", "a", new Inbox());
    server.join(alice, "#one");
    Channel two = server.join(alice, "#two");

    server.disconnect(alice, "bye");

    assertEquals(List.of(), alice.channels());
    assertSame(two, alice.current(), "rendering after the quit still sees where they were");
  }

  @Test
  void connectGivesEachUserTheirOwnId() {
    User alice = server.connect("alice", "a", new Inbox());
    User bob = server.connect("bob", "b", new Inbox());

    assertTrue(alice.id() != bob.id());
  }

  @Test
  void connectRefusesAnInvalidNick() {
    ChatException thrown =
        assertThrows(ChatException.class, () -> server.connect("1alice", "a", new Inbox()));

    assertEquals("A nickname cannot start with a digit or '-'.", thrown.getMessage());
    assertEquals(0, server.userCount());
  }

  @Test
  void connectRefusesATakenNickWhateverItsCase() {
    server.connect("alice", "a", new Inbox());

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.connect("ALICE", "b", new Inbox()));

    assertEquals("The nickname ALICE is taken; choose another.", thrown.getMessage());
    assertEquals(List.of("alice"), server.nicks());
  }

  @Test
  void nicksAreSortedCaseInsensitively() {
    server.connect("bob", "a", new Inbox());
    server.connect("Alice", "a", new Inbox());
    server.connect("carol", "a", new Inbox());

    assertEquals(List.of("Alice", "bob", "carol"), server.nicks());
  }

  @Test
  void disconnectFreesTheNick() {
    User alice = server.connect("alice", "a", new Inbox());

    server.disconnect(alice, null);

    assertEquals(0, server.userCount());
    assertDoesNotThrow(() -> server.connect("Alice", "b", new Inbox()));
  }

  @Test
  void disconnectingTwiceIsHarmless() {
    Inbox bobInbox = new Inbox();
    User alice = server.connect("alice", "a", new Inbox());
    User bob = server.connect("bob", "b", bobInbox);
    server.join(alice, "#a");
    server.join(bob, "#a");
    server.disconnect(alice, null);
    bobInbox.clear();

    server.disconnect(alice, null);

    assertEquals(List.of(), bobInbox.events());
    assertEquals(List.of("bob"), server.nicks());
  }

  @Test
  void aStaleUserDisconnectingDoesNotLogOutTheNewHolderOfTheNick() {
    User first = server.connect("alice", "a", new Inbox());
    server.disconnect(first, null);
    User second = server.connect("alice", "b", new Inbox());

    server.disconnect(first, null);

    assertEquals(List.of("alice"), server.nicks());
    assertDoesNotThrow(() -> server.join(second, "#still-here"));
  }

  @Test
  void disconnectLeavesEveryChannelWithSuccessionAndTellsTheOthers() {
    Inbox bobInbox = new Inbox();
    Inbox carolInbox = new Inbox();
    Inbox aliceInbox = new Inbox();
    User alice = server.connect("alice", "a", aliceInbox);
    User bob = server.connect("bob", "b", bobInbox);
    User carol = server.connect("carol", "c", carolInbox);
    Channel a = server.join(alice, "#a");
    Channel b = server.join(alice, "#b");
    server.join(bob, "#a");
    server.join(carol, "#b");
    aliceInbox.clear();
    bobInbox.clear();
    carolInbox.clear();

    server.disconnect(alice, "gone fishing");

    assertEquals(
        List.of(
            new ChannelNotice(T0, "#a", "alice has quit (gone fishing)"),
            new ChannelNotice(
                T0, "#a", "bob is now main admin (~) of #a, taking over from alice.")),
        bobInbox.events());
    assertEquals(
        List.of(
            new ChannelNotice(T0, "#b", "alice has quit (gone fishing)"),
            new ChannelNotice(
                T0, "#b", "carol is now main admin (~) of #b, taking over from alice.")),
        carolInbox.events());
    assertEquals(List.of(), aliceInbox.events());
    assertEquals(ChannelRole.MAIN_ADMIN, a.roleOf(bob));
    assertEquals(ChannelRole.MAIN_ADMIN, b.roleOf(carol));
    assertNull(a.roleOf(alice));
    assertNull(b.roleOf(alice));
    assertEquals(List.of("bob", "carol"), server.nicks());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void disconnectWithoutReasonAddsNoParentheses(String reason) {
    Inbox bobInbox = new Inbox();
    User alice = server.connect("alice", "a", new Inbox());
    User bob = server.connect("bob", "b", bobInbox);
    server.join(alice, "#a");
    server.join(bob, "#a");
    bobInbox.clear();

    server.disconnect(alice, reason);

    assertEquals("alice has quit", bobInbox.texts().get(0));
  }

  @Test
  void disconnectReasonIsMadeSafe() {
    Inbox bobInbox = new Inbox();
    User alice = server.connect("alice", "a", new Inbox());
    User bob = server.connect("bob", "b", bobInbox);
    server.join(alice, "#a");
    server.join(bob, "#a");
    bobInbox.clear();

    server.disconnect(alice, "\u001b[2J\u202e");

    assertEquals("alice has quit (^[[2J<U+202E>)", bobInbox.texts().get(0));
  }

  @Test
  void disconnectDeletesChannelsLeftEmpty() {
    User alice = server.connect("alice", "a", new Inbox());
    User bob = server.connect("bob", "b", new Inbox());
    server.join(alice, "#solo");
    server.join(alice, "#shared");
    Channel shared = server.join(bob, "#shared");

    server.disconnect(alice, null);

    assertEquals(List.of(shared), server.channels());
    assertNull(server.channel("#solo"));
  }

  @Test
  void changeNickTellsEveryoneSharingAChannelExactlyOnce() {
    Inbox aliceInbox = new Inbox();
    Inbox bobInbox = new Inbox();
    Inbox carolInbox = new Inbox();
    Inbox daveInbox = new Inbox();
    User alice = server.connect("alice", "a", aliceInbox);
    User bob = server.connect("bob", "b", bobInbox);
    User carol = server.connect("carol", "c", carolInbox);
    server.connect("dave", "d", daveInbox);
    server.join(alice, "#a");
    server.join(alice, "#b");
    server.join(bob, "#a");
    server.join(bob, "#b");
    server.join(carol, "#b");
    List.of(aliceInbox, bobInbox, carolInbox, daveInbox).forEach(Inbox::clear);

    server.changeNick(alice, "alicia");

    ServerNotice told = new ServerNotice(T0, "alice is now known as alicia");
    assertEquals(List.of(told), bobInbox.events());
    assertEquals(List.of(told), carolInbox.events());
    assertEquals(List.of(), daveInbox.events());
    assertEquals(
        List.of(new ServerNotice(T0, "You are now known as alicia.")), aliceInbox.events());
  }

  @Test
  void changeNickMovesTheNickInTheRegistry() {
    User alice = server.connect("alice", "a", new Inbox());
    Channel a = server.join(alice, "#a");

    server.changeNick(alice, "alicia");

    assertEquals("alicia", alice.nick());
    assertEquals(List.of("alicia"), server.nicks());
    assertEquals("~alicia", ChatServer.whoLine(a));
    assertThrows(ChatException.class, () -> server.connect("ALICIA", "b", new Inbox()));
    assertDoesNotThrow(() -> server.connect("alice", "b", new Inbox()));
  }

  @Test
  void changeNickRefusesANickTakenByAnotherUserWhateverItsCase() {
    User alice = server.connect("alice", "a", new Inbox());
    server.connect("bob", "b", new Inbox());

    ChatException thrown = assertThrows(ChatException.class, () -> server.changeNick(alice, "BOB"));

    assertEquals("The nickname BOB is taken; choose another.", thrown.getMessage());
    assertEquals("alice", alice.nick());
    assertEquals(List.of("alice", "bob"), server.nicks());
  }

  @Test
  void changeNickRefusesAnInvalidNick() {
    User alice = server.connect("alice", "a", new Inbox());

    assertThrows(ChatException.class, () -> server.changeNick(alice, "-alice"));
    assertThrows(ChatException.class, () -> server.changeNick(alice, ""));
    assertEquals("alice", alice.nick());
  }

  @Test
  void changeNickMayChangeOnlyTheCase() {
    Inbox inbox = new Inbox();
    User alice = server.connect("alice", "a", inbox);

    server.changeNick(alice, "Alice");

    assertEquals("Alice", alice.nick());
    assertEquals(List.of("Alice"), server.nicks());
    assertEquals(List.of("You are now known as Alice."), inbox.texts());
  }

  @Test
  void changeNickToTheSameNickIsRefused() {
    User alice = server.connect("alice", "a", new Inbox());

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.changeNick(alice, "alice"));

    assertEquals("You are already called alice.", thrown.getMessage());
  }

  @Test
  void announceReachesEveryone() {
    Inbox aliceInbox = new Inbox();
    Inbox bobInbox = new Inbox();
    User alice = server.connect("alice", "a", aliceInbox);
    server.connect("bob", "b", bobInbox);
    server.join(alice, "#a");
    aliceInbox.clear();

    server.announce("Server going down");

    ServerNotice notice = new ServerNotice(T0, "Server going down");
    assertEquals(List.of(notice), aliceInbox.events());
    assertEquals(List.of(notice), bobInbox.events());
    assertSame(aliceInbox.events().get(0), bobInbox.events().get(0));
  }
}
