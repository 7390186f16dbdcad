package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChannelMessage;
import dev.chatshell.chat.ChannelNotice;
import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.PrivateMessage;
import dev.chatshell.chat.ServerNotice;
import dev.chatshell.chat.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class RendererTest {
  private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

  private final ChatServer chat = ChatTestSupport.server(Clock.fixed(NOW, ZoneOffset.UTC), 10);
  private final Map<String, List<ChatEvent>> received = new HashMap<>();

  private User connect(String nick) {
    List<ChatEvent> events = new ArrayList<>();
    received.put(nick, events);
    return chat.connect(nick, "127.0.0.1", events::add);
  }

  /** The last event of a kind that {@code nick} was sent. */
  private <T extends ChatEvent> T last(String nick, Class<T> kind) {
    List<ChatEvent> events = received.get(nick);
    for (int i = events.size() - 1; i >= 0; i--) {
      if (kind.isInstance(events.get(i))) {
        return kind.cast(events.get(i));
      }
    }
    throw new AssertionError(nick + " received no " + kind.getSimpleName() + ": " + events);
  }

  private static String plain(ChatEvent event, User viewer) {
    return Renderer.render(event, viewer).toString();
  }

  @Test
  void messageFromTheCurrentChannelHasNoTagAndFromAnotherOneIsTagged() {
    User alice = connect("alice");
    User bob = connect("bob");
    chat.join(alice, "#rust");
    chat.join(bob, "#rust");
    chat.join(alice, "#go"); // alice's current channel is now #go

    chat.say(bob, "hello");
    ChannelMessage message = last("alice", ChannelMessage.class);
    assertEquals("[#rust] <bob> hello", plain(message, alice));
    assertEquals("<bob> hello", plain(message, bob));

    chat.switchTo(alice, "#rust");
    assertEquals("<bob> hello", plain(message, alice));
  }

  @Test
  void ownMessageIsShownLikeAnyOtherButInBold() {
    User alice = connect("alice");
    User bob = connect("bob");
    chat.join(alice, "#rust");
    chat.join(bob, "#rust");
    chat.say(alice, "me");
    ChannelMessage message = last("alice", ChannelMessage.class);
    assertEquals("<alice> me", plain(message, alice));
    assertEquals("<alice> me", plain(message, bob));
    AttributedString own = Renderer.render(message, alice);
    AttributedString other = Renderer.render(message, bob);
    assertNotEquals(own.styleAt(1), other.styleAt(1), "own nick is emphasised");
  }

  @Test
  void privateMessageShowsTheSenderToTheRecipientAndTheRecipientToTheSender() {
    User alice = connect("alice");
    User bob = connect("bob");
    chat.sendPrivate(alice, "bob", "psst");
    PrivateMessage message = last("bob", PrivateMessage.class);
    assertEquals("*alice* psst", plain(message, bob));
    assertEquals("-> *bob* psst", plain(last("alice", PrivateMessage.class), alice));
  }

  @Test
  void privateMessageToSeveralNamesTheOthersToEachRecipient() {
    User alice = connect("alice");
    User bob = connect("bob");
    connect("carol");
    chat.sendPrivate(alice, "bob;carol", "meeting");
    assertEquals("*alice* (to bob;carol) meeting", plain(last("bob", PrivateMessage.class), bob));
    assertEquals("-> *bob;carol* meeting", plain(last("alice", PrivateMessage.class), alice));
  }

  @Test
  void senderIsRecognisedWhateverTheCaseOfTheNick() {
    User alice = connect("Alice");
    PrivateMessage message = new PrivateMessage(NOW, "alice", List.of("bob"), "hi");
    assertEquals("-> *bob* hi", plain(message, alice));
  }

  @Test
  void repliesAndErrors() {
    assertEquals(
        "Error: no such channel",
        plain(new Reply(NOW, List.of(new Reply.Line("no such channel", true))), null));
    assertEquals(
        "Channels: 3", plain(new Reply(NOW, List.of(new Reply.Line("Channels: 3", false))), null));
  }

  @Test
  void noticesArePrefixed() {
    assertEquals(
        "-!- bob has joined #rust",
        plain(new ChannelNotice(NOW, "#rust", "bob has joined #rust"), null));
    assertEquals(
        "-!- Server shutting down", plain(new ServerNotice(NOW, "Server shutting down"), null));
  }

  @Test
  void textWithEscapeSequencesNeverComesOutRaw() {
    String attack = "\u001b[2J\u001b]0;owned\u0007red\u009b31m\u202Eevil";
    User alice = connect("alice");
    User bob = connect("bob");
    chat.join(alice, "#rust");
    chat.join(bob, "#rust");
    chat.say(bob, attack);
    chat.sendPrivate(bob, "alice", attack);
    chat.leave(bob, "#rust", attack);

    List<ChatEvent> events = new ArrayList<>(received.get("alice"));
    events.add(new Reply(NOW, List.of(new Reply.Line(attack, false))));
    events.add(new Reply(NOW, List.of(new Reply.Line(attack, true))));
    assertTrue(events.size() >= 5, "alice saw the message, the PM and the departure: " + events);
    for (ChatEvent event : events) {
      String shown = plain(event, alice);
      assertFalse(shown.contains("\u001b"), "ESC in " + shown);
      assertFalse(shown.contains("\u0007"), "BEL in " + shown);
      assertFalse(shown.contains("\u009b"), "CSI in " + shown);
      assertFalse(shown.contains("\u202E"), "RLO in " + shown);
    }
    assertEquals(
        "<bob> ^[[2J^[]0;owned^Gred<U+009B>31m<U+202E>evil",
        plain(last("alice", ChannelMessage.class), alice));
    assertEquals(
        "Error: ^[[2J^[]0;owned^Gred<U+009B>31m<U+202E>evil",
        plain(new Reply(NOW, List.of(new Reply.Line(attack, true))), alice));
  }

  /** Issue 12: a server operator sees it in their own prompt, marked as in /WHO. */
  @Test
  void promptMarksAServerOperator() {
    User alice = connect("alice");
    chat.join(alice, "#rust");
    assertEquals("~alice #rust> ", Renderer.prompt(alice).toString());
    Renderer.PromptKey before = Renderer.promptKey(alice);

    chat.promote(alice, "alice");

    assertEquals("~alice* #rust> ", Renderer.prompt(alice).toString());
    assertNotEquals(before, Renderer.promptKey(alice), "the prompt is redrawn when it changes");
  }

  @Test
  void promptShowsRoleSigilNickAndChannel() {
    User alice = connect("alice");
    User bob = connect("bob");
    User carol = connect("carol");
    chat.join(alice, "#rust");
    chat.join(bob, "#rust");

    assertEquals("~alice #rust> ", Renderer.prompt(alice).toString());
    assertEquals("bob #rust> ", Renderer.prompt(bob).toString());
    assertEquals("carol> ", Renderer.prompt(carol).toString());

    chat.leave(alice, null, null); // bob inherits the channel
    assertEquals("~bob #rust> ", Renderer.prompt(bob).toString());
    assertEquals("alice> ", Renderer.prompt(alice).toString());
  }

  @Test
  void nickColourIsTheSameWhateverTheCase() {
    assertEquals(Renderer.nickStyle("Alice"), Renderer.nickStyle("alice"));
  }
}
