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
import org.jline.utils.AttributedCharSequence;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mentions: which lines name a user, how they stand out, and how actions look. */
class RendererMentionTest {
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

  /** Connects the nicks and puts them all in #rust, in that order. */
  private List<User> inRust(String... nicks) {
    List<User> users = new ArrayList<>();
    for (String nick : nicks) {
      User user = connect(nick);
      chat.join(user, "#rust");
      users.add(user);
    }
    return users;
  }

  private static String plain(ChatEvent event, User viewer) {
    return Renderer.render(event, viewer).toString();
  }

  /** The style of the first character of {@code part} in the line {@code viewer} sees. */
  private static AttributedStyle styleOf(String part, ChatEvent event, User viewer) {
    AttributedString line = Renderer.render(event, viewer);
    int at = line.toString().indexOf(part);
    assertTrue(at >= 0, part + " in " + line);
    return line.styleAt(at);
  }

  // ---- Renderer.mentions ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alice: hi",
        "hi Alice!",
        "ALICE",
        "@alice",
        "(alice)",
        "alice",
        "hi alice",
        "alice, look",
        "ask alice.",
        "alice's turn",
        "malice and alice", // the second one counts
        "\"alice\""
      })
  void theseNameAlice(String text) {
    assertTrue(Renderer.mentions(text, "alice"), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "malice", "alice_2", "alices", "xalice", "alice2", "alice-x", "alice|x",
        "[alice]", // brackets are nick characters
        "ali ce", "", "a", "alic"
      })
  void theseDoNotNameAlice(String text) {
    assertFalse(Renderer.mentions(text, "alice"), text);
  }

  @Test
  void aNickLongerThanTheTextIsNeverMentioned() {
    assertFalse(Renderer.mentions("al", "alice"));
    assertFalse(Renderer.mentions("bob", "bobby"));
    assertFalse(Renderer.mentions("", "x"));
  }

  @Test
  void nicksWithSpecialCharactersAreMatchedLiterallyAsWords() {
    assertTrue(Renderer.mentions("[bot]: status", "[bot]"));
    assertTrue(Renderer.mentions("ask [BOT] please", "[bot]"));
    assertTrue(Renderer.mentions("[bot]", "[bot]"));
    assertFalse(Renderer.mentions("x[bot]", "[bot]"));
    assertFalse(Renderer.mentions("[bot]s", "[bot]"));
    assertFalse(Renderer.mentions("bot", "[bot]"));
    assertFalse(Renderer.mentions("[bot", "[bot]"));

    assertTrue(Renderer.mentions("a|b: hi", "a|b"));
    assertTrue(Renderer.mentions("hi A|B!", "a|b"));
    assertFalse(Renderer.mentions("a|bc", "a|b"));
    assertFalse(Renderer.mentions("a b", "a|b"), "| is not a wildcard");
    assertFalse(Renderer.mentions("ab", "a|b"));
    assertFalse(Renderer.mentions("a", "a|b"));
    assertFalse(Renderer.mentions("b", "a|b"));

    assertTrue(Renderer.mentions("hi ^_^ there", "^_^"));
    assertTrue(Renderer.mentions("hi {x}", "{x}"));
    assertTrue(Renderer.mentions("hi a\\b", "a\\b"));
  }

  // ---- Renderer.render and mentionsViewer ----

  @Test
  void aLineNamingTheViewerStandsOut() {
    List<User> users = inRust("alice", "bob", "carol");
    User alice = users.get(0);
    User bob = users.get(1);
    User carol = users.get(2);

    chat.say(bob, "alice: lunch?");
    ChannelMessage message = last("alice", ChannelMessage.class);

    assertEquals("<bob> alice: lunch?", plain(message, alice));
    assertEquals("<bob> alice: lunch?", plain(message, carol), "same text for everyone");
    AttributedString forAlice = Renderer.render(message, alice);
    AttributedString forCarol = Renderer.render(message, carol);
    assertNotEquals(forAlice, forCarol, "styled differently");
    assertNotEquals(
        forAlice.toAnsi(256, AttributedCharSequence.ForceMode.None),
        forCarol.toAnsi(256, AttributedCharSequence.ForceMode.None));
    assertNotEquals(
        styleOf("alice: lunch?", message, alice), styleOf("alice: lunch?", message, carol));
    assertEquals(AttributedStyle.DEFAULT, styleOf("alice: lunch?", message, carol));
    assertEquals(
        styleOf("bob", message, alice), styleOf("bob", message, carol), "the nick looks the same");
    assertTrue(Renderer.mentionsViewer(message, alice));
    assertFalse(Renderer.mentionsViewer(message, carol));
    assertFalse(Renderer.mentionsViewer(message, bob), "bob wrote it");
  }

  @Test
  void aMentionIsRecognisedWhateverTheCase() {
    List<User> users = inRust("Alice", "bob");
    chat.say(users.get(1), "hey ALICE");
    ChannelMessage message = last("Alice", ChannelMessage.class);

    assertTrue(Renderer.mentionsViewer(message, users.get(0)));
    assertNotEquals(Renderer.render(message, users.get(0)), Renderer.render(message, users.get(1)));
  }

  @Test
  void aLineThatOnlyContainsTheNickInAWordDoesNotStandOut() {
    List<User> users = inRust("al", "bob", "carol");
    chat.say(users.get(1), "totally normal");
    ChannelMessage message = last("al", ChannelMessage.class);

    assertFalse(Renderer.mentionsViewer(message, users.get(0)));
    assertEquals(Renderer.render(message, users.get(0)), Renderer.render(message, users.get(2)));
  }

  @Test
  void theSendersOwnLineNamingThemselvesIsNotAMention() {
    List<User> users = inRust("alice", "bob");
    User alice = users.get(0);
    User bob = users.get(1);

    chat.say(alice, "alice is back");
    ChannelMessage message = last("alice", ChannelMessage.class);

    assertFalse(Renderer.mentionsViewer(message, alice));
    assertFalse(Renderer.mentionsViewer(message, bob));
    assertEquals(AttributedStyle.DEFAULT, styleOf("alice is back", message, alice));
    assertEquals(
        styleOf("alice is back", message, alice),
        styleOf("alice is back", message, bob),
        "the text looks the same to the sender and to others");
  }

  @Test
  void theSenderIsRecognisedWhateverTheCaseOfTheNick() {
    User alice = connect("Alice");
    chat.join(alice, "#rust");
    ChannelMessage message = new ChannelMessage(NOW, "#rust", "alice", "alice here", false);

    assertFalse(Renderer.mentionsViewer(message, alice));
  }

  @Test
  void aMentionFromAnotherChannelIsTaggedAndStillStandsOut() {
    List<User> users = inRust("alice", "bob");
    User alice = users.get(0);
    chat.join(alice, "#go"); // #rust is no longer alice's current channel

    chat.say(users.get(1), "where is alice?");
    ChannelMessage message = last("alice", ChannelMessage.class);

    assertEquals("[#rust] <bob> where is alice?", plain(message, alice));
    assertTrue(Renderer.mentionsViewer(message, alice));
    assertNotEquals(AttributedStyle.DEFAULT, styleOf("where is alice?", message, alice));
  }

  @Test
  void anActionRendersAsStarNickText() {
    List<User> users = inRust("alice", "bob");
    chat.act(users.get(1), "waves");
    ChannelMessage action = last("alice", ChannelMessage.class);

    assertTrue(action.action());
    assertEquals("* bob waves", plain(action, users.get(0)));
    assertEquals("* bob waves", plain(action, users.get(1)));
    assertEquals("[#rust] * bob waves", plain(action, null), "no current channel before login");
    assertFalse(Renderer.mentionsViewer(action, users.get(0)));
  }

  @Test
  void anActionIsNotShownAsALineSaid() {
    User alice = inRust("alice").getFirst();
    ChannelMessage said = new ChannelMessage(NOW, "#rust", "bob", "waves", false);
    ChannelMessage done = new ChannelMessage(NOW, "#rust", "bob", "waves", true);

    assertEquals("<bob> waves", plain(said, alice));
    assertEquals("* bob waves", plain(done, alice));
  }

  @Test
  void anActionFromAnotherChannelIsTagged() {
    List<User> users = inRust("alice", "bob");
    chat.join(users.get(0), "#go");
    chat.act(users.get(1), "waves");

    assertEquals("[#rust] * bob waves", plain(last("alice", ChannelMessage.class), users.get(0)));
  }

  @Test
  void anOwnActionHasTheNickInBold() {
    List<User> users = inRust("alice", "bob");
    chat.act(users.get(1), "waves");
    ChannelMessage action = last("bob", ChannelMessage.class);

    assertNotEquals(styleOf("bob", action, users.get(1)), styleOf("bob", action, users.get(0)));
  }

  @Test
  void anActionNamingTheViewerIsAMention() {
    List<User> users = inRust("alice", "bob", "carol");
    chat.act(users.get(1), "waves at alice");
    ChannelMessage action = last("alice", ChannelMessage.class);

    assertEquals("* bob waves at alice", plain(action, users.get(0)));
    assertTrue(Renderer.mentionsViewer(action, users.get(0)));
    assertFalse(Renderer.mentionsViewer(action, users.get(2)));
    assertNotEquals(Renderer.render(action, users.get(0)), Renderer.render(action, users.get(2)));
  }

  @Test
  void onlyChannelMessagesRingAndNeverBeforeLogin() {
    User alice = connect("alice");

    assertFalse(
        Renderer.mentionsViewer(new PrivateMessage(NOW, "bob", List.of("alice"), "alice?"), alice),
        "a private message needs no bell to be noticed");
    assertFalse(Renderer.mentionsViewer(new ServerNotice(NOW, "alice is here"), alice));
    assertFalse(Renderer.mentionsViewer(new ChannelNotice(NOW, "#a", "alice joined"), alice));
    assertFalse(
        Renderer.mentionsViewer(new ChannelMessage(NOW, "#a", "bob", "alice", false), null));
  }

  @Test
  void aNickWithSpecialCharactersIsMentionedToo() {
    List<User> users = inRust("[bot]", "a|b", "bob");
    User bot = users.get(0);
    User pipe = users.get(1);
    chat.say(users.get(2), "[bot]: status? a|b: you too");
    ChannelMessage message = last("[bot]", ChannelMessage.class);

    assertTrue(Renderer.mentionsViewer(message, bot));
    assertTrue(Renderer.mentionsViewer(message, pipe));
    assertFalse(Renderer.mentionsViewer(message, users.get(2)));
  }

  // ---- the shared formatting cache keeps mentions apart ----

  @Test
  void theSharedFormattedLineIsNotReusedBetweenTheNamedAndOthers() {
    List<User> users = inRust("alice", "bob", "carol");
    chat.say(users.get(1), "alice: ping");
    ChannelMessage message = last("alice", ChannelMessage.class);
    Shell shell = FormattingShell.colour();

    String forCarol = Renderer.formatted(message, users.get(2), shell);
    String forAlice = Renderer.formatted(message, users.get(0), shell);
    String forCarolAgain = Renderer.formatted(message, users.get(2), shell);

    assertNotEquals(forCarol, forAlice);
    assertEquals(forCarol, forCarolAgain);
    assertEquals(
        Renderer.render(message, users.get(0)).toAnsi(256, AttributedCharSequence.ForceMode.None),
        forAlice);
    assertFalse(forAlice.contains("\u0007"), "the bell is rung separately, not in the line");
  }
}
