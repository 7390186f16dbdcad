package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chatshell.chat.ChannelMessage;
import dev.chatshell.chat.ChannelNotice;
import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.HistoryEntry;
import dev.chatshell.chat.HistoryLines;
import dev.chatshell.chat.Inbox;
import dev.chatshell.chat.Preferences;
import dev.chatshell.chat.PrivateMessage;
import dev.chatshell.chat.ServerNotice;
import dev.chatshell.chat.User;
import dev.chatshell.testing.HandClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Timestamps on live lines (/SET timestamps on): {@code HH:MM} in UTC before what others say and
 * what the server tells, none on command replies or history (which has its own times), and the line
 * still formatted once for everyone who sees it alike.
 */
class RendererTimestampTest {
  private static final Instant SAID = Instant.parse("2025-06-01T09:05:59Z");

  private final HandClock clock = new HandClock(SAID);
  private final ChatServer chat = ChatTestSupport.server(clock, 10);
  private final Inbox aliceInbox = new Inbox();
  private User alice;
  private User bob;
  private User carol;

  @BeforeEach
  void threeUsersInOneChannel() {
    alice = chat.connect("alice", "a", aliceInbox);
    bob = chat.connect("bob", "b", new Inbox());
    carol = chat.connect("carol", "c", new Inbox());
    for (User user : List.of(alice, bob, carol)) {
      chat.join(user, "#rust");
    }
    chat.setPreferences(alice, Preferences.DEFAULTS.withTimestamps(true));
    chat.setPreferences(carol, Preferences.DEFAULTS.withTimestamps(true));
    aliceInbox.clear();
  }

  private static String plain(ChatEvent event, User viewer) {
    return Renderer.formatted(event, viewer, FormattingShell.plain());
  }

  @Test
  void aViewerWithTimestampsSeesTheUtcTimeBeforeEveryLiveLine() {
    chat.say(bob, "hi");
    chat.sendPrivate(bob, "alice", "psst");
    chat.leave(carol, null, "off");
    List<ChatEvent> seen = aliceInbox.events();

    assertEquals("09:05 <bob> hi", plain(seen.get(0), alice));
    assertEquals("09:05 *bob* psst", plain(seen.get(1), alice));
    assertEquals("09:05 -!- " + ((ChannelNotice) seen.get(2)).text(), plain(seen.get(2), alice));
    assertEquals(
        "09:05 -!- the server", plain(new ServerNotice(SAID, "the server"), alice), "a notice");
  }

  @Test
  void aViewerWithoutTimestampsSeesTheLinesAsBefore() {
    ChannelMessage message = new ChannelMessage(SAID, "#rust", "alice", "hi bob there");
    assertEquals("<alice> hi bob there", plain(message, bob));
    assertEquals(
        "*alice* psst", plain(new PrivateMessage(SAID, "alice", List.of("bob"), "psst"), bob));
  }

  @Test
  void repliesAndHistoryGetNoTimestamp() {
    assertEquals("You ignore nobody.", plain(Reply.of("You ignore nobody.", false), alice));
    HistoryLines history =
        new HistoryLines(
            SAID,
            "The last line:",
            List.of(new HistoryEntry(SAID, "#rust", "bob", null, List.of(), List.of(), "old")),
            false);
    assertEquals("-!- The last line:", plain(history, alice).lines().findFirst().orElseThrow());
  }

  @Test
  void aLineIsFormattedOnceForEveryoneWithTimestampsAndOnceForTheRest() {
    ChannelMessage message = new ChannelMessage(SAID, "#rust", "dave", "hello all");

    String forAlice = plain(message, alice);
    String forCarol = plain(message, carol);
    String forBob = plain(message, bob);

    assertSame(forAlice, forCarol, "shared by every viewer who has timestamps on");
    assertNotEquals(forAlice, forBob);
    assertEquals(
        Renderer.variant(message, alice, FormattingShell.plain()),
        Renderer.variant(message, carol, FormattingShell.plain()));
  }

  @Test
  void turningTimestampsOffTakesThemAwayFromTheNextLine() {
    chat.setPreferences(alice, Preferences.DEFAULTS);
    assertEquals("<bob> later", plain(new ChannelMessage(SAID, "#rust", "bob", "later"), alice));
  }
}
