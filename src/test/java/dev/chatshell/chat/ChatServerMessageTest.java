package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Channel messages and private messages. */
class ChatServerMessageTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final ChatServer server = ChatTestSupport.server(Clock.fixed(T0, ZoneOffset.UTC), 50);
  private final Inbox aliceInbox = new Inbox();
  private final Inbox bobInbox = new Inbox();
  private final Inbox carolInbox = new Inbox();
  private final User alice = server.connect("alice", "a", aliceInbox);
  private final User bob = server.connect("bob", "b", bobInbox);
  private final User carol = server.connect("carol", "c", carolInbox);

  @BeforeEach
  void channels() {
    server.join(alice, "#a");
    server.join(bob, "#a");
    server.join(carol, "#c");
    List.of(aliceInbox, bobInbox, carolInbox).forEach(Inbox::clear);
  }

  @Test
  void sayReachesEveryMemberOfTheCurrentChannelIncludingTheSender() {
    server.say(alice, "hello all");

    ChannelMessage message = new ChannelMessage(T0, "#a", "alice", "hello all");
    assertEquals(List.of(message), aliceInbox.events());
    assertEquals(List.of(message), bobInbox.events());
    assertEquals(List.of(), carolInbox.events());
  }

  @Test
  void sayGoesOnlyToTheCurrentChannel() {
    server.join(alice, "#c");
    aliceInbox.clear();
    carolInbox.clear();

    server.say(alice, "over here");

    assertEquals(List.of(new ChannelMessage(T0, "#c", "alice", "over here")), carolInbox.events());
    assertEquals(List.of(), bobInbox.events());
  }

  @Test
  void sayMakesTheTextSafe() {
    server.say(alice, "\u001b[2Jboom\u202e\u009b");

    assertEquals(List.of("^[[2Jboom<U+202E><U+009B>"), bobInbox.texts());
  }

  @Test
  void sayIsRefusedOutsideAChannel() {
    server.leave(alice, null, null);
    bobInbox.clear();

    ChatException thrown = assertThrows(ChatException.class, () -> server.say(alice, "hello?"));

    assertTrue(thrown.getMessage().contains("/JOIN"), thrown.getMessage());
    assertEquals(List.of(), bobInbox.events());
  }

  @Test
  void sayingBlankTextSendsNothing() {
    server.say(alice, "   ");

    assertEquals(List.of(), bobInbox.events());
  }

  @Test
  void privateMessageReachesTheRecipientAndTheSender() {
    server.sendPrivate(alice, "CAROL", "psst");

    PrivateMessage message = new PrivateMessage(T0, "alice", List.of("carol"), "psst");
    assertEquals(List.of(message), carolInbox.events());
    assertEquals(List.of(message), aliceInbox.events());
    assertEquals(List.of(), bobInbox.events());
  }

  @Test
  void privateMessageToSeveralNicksIsOneEventForAll() {
    server.sendPrivate(alice, "bob;carol", "meeting at 3");

    PrivateMessage message =
        new PrivateMessage(T0, "alice", List.of("bob", "carol"), "meeting at 3");
    assertEquals(List.of(message), bobInbox.events());
    assertEquals(List.of(message), carolInbox.events());
    assertEquals(List.of(message), aliceInbox.events());
  }

  @Test
  void privateMessageToOneselfArrivesOnce() {
    server.sendPrivate(alice, "alice;bob", "note");

    assertEquals(1, aliceInbox.events().size());
    assertEquals(List.of("alice", "bob"), aliceInbox.ofType(PrivateMessage.class).get(0).to());
  }

  @Test
  void repeatedRecipientsGetTheMessageOnce() {
    server.sendPrivate(alice, "bob;;bob;BOB;", "once");

    assertEquals(
        List.of(new PrivateMessage(T0, "alice", List.of("bob"), "once")), bobInbox.events());
  }

  @Test
  void unknownNicksAreNamedWhileTheKnownOnesStillGetTheMessage() {
    ChatException thrown =
        assertThrows(ChatException.class, () -> server.sendPrivate(alice, "bob;ghost;carol", "hi"));

    assertEquals(
        "No user called ghost is online; the others got the message.", thrown.getMessage());
    PrivateMessage message = new PrivateMessage(T0, "alice", List.of("bob", "carol"), "hi");
    assertEquals(List.of(message), bobInbox.events());
    assertEquals(List.of(message), carolInbox.events());
    assertEquals(List.of(message), aliceInbox.events());
  }

  @Test
  void whenNobodyIsOnlineNothingIsSent() {
    ChatException thrown =
        assertThrows(ChatException.class, () -> server.sendPrivate(alice, "ghost;spook", "hi"));

    assertEquals("No user called ghost, spook is online; nothing was sent.", thrown.getMessage());
    assertEquals(List.of(), aliceInbox.events());
  }

  @Test
  void unknownNicksAreShownSafely() {
    ChatException thrown =
        assertThrows(ChatException.class, () -> server.sendPrivate(alice, "gh\u001bost", "hi"));

    assertTrue(thrown.getMessage().contains("gh^[ost"), thrown.getMessage());
  }

  @Test
  void privateMessageTextIsMadeSafe() {
    server.sendPrivate(alice, "bob", "\u001b]0;pwned\u0007");

    assertEquals(List.of("^[]0;pwned^G"), bobInbox.texts());
  }

  @Test
  void emptyPrivateMessagesAreRefused() {
    ChatException thrown =
        assertThrows(ChatException.class, () -> server.sendPrivate(alice, "bob", "  "));

    assertTrue(thrown.getMessage().contains("empty"), thrown.getMessage());
    assertEquals(List.of(), bobInbox.events());
  }

  @Test
  void aRecipientListWithoutNicksIsRefused() {
    ChatException thrown =
        assertThrows(ChatException.class, () -> server.sendPrivate(alice, ";;", "hi"));

    assertTrue(thrown.getMessage().contains("at least one nick"), thrown.getMessage());
  }
}
