package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What happens around a /KILL and a /KICK, beyond the rank rules: the killed user's session may
 * still hold typed lines, and must not bring them back; the kicked user's prompt must be right.
 */
class ChatServerAfterKillTest {
  private final ChatServer server = ChatTestSupport.server(Clock.systemUTC(), 50);
  private final Inbox rootInbox = new Inbox();
  private final Inbox victimInbox = new Inbox();
  private final User root = server.connect("root", "r", rootInbox);
  private final User victim = server.connect("victim", "v", victimInbox);

  ChatServerAfterKillTest() {
    server.promote(root, "root");
  }

  @Test
  void aKilledUserCannotJoinSpeakOrTakeANickAgain() {
    server.join(victim, "#room");
    server.kill(root, "victim", "spam");

    assertTrue(victim.isGone());
    for (Runnable late :
        List.<Runnable>of(
            () -> server.join(victim, "#ghost"),
            () -> server.say(victim, "still here?"),
            () -> server.changeNick(victim, "revenant"),
            () -> server.sendPrivate(victim, "root", "psst"),
            () -> server.notice(victim, "hello"),
            () -> server.leave(victim, null, null))) {
      ChatException refused = assertThrows(ChatException.class, late::run);
      assertEquals("You are no longer connected.", refused.getMessage());
    }
    assertNull(server.channel("#ghost"), "no ghost channel");
    assertFalse(server.nicks().contains("revenant"));
    assertFalse(server.nicks().contains("victim"), "the nick is free");
  }

  @Test
  void theServersOwnConsoleCannotBeKilled() {
    User console = server.connectConsole("console", new Inbox());
    ChatException refused =
        assertThrows(ChatException.class, () -> server.kill(root, "console", null));
    assertEquals("The server's own console cannot be disconnected.", refused.getMessage());
    assertFalse(console.isGone());
    assertTrue(console.isOperator());
  }

  @Test
  void aKillerWhoSharesNoChannelWithTheVictimIsToldItWasDone() {
    server.join(victim, "#elsewhere");
    rootInbox.clear();
    server.kill(root, "victim", "bye");
    assertEquals(List.of("You disconnected victim (bye)."), rootInbox.texts());
  }

  @Test
  void aKillerInTheVictimsChannelSeesTheChannelNoticeOnly() {
    server.join(victim, "#room");
    server.join(root, "#room");
    rootInbox.clear();
    server.kill(root, "victim", null);
    assertEquals("victim was disconnected by root", rootInbox.texts().get(0));
    assertFalse(rootInbox.texts().stream().anyMatch(t -> t.startsWith("You disconnected")));
  }

  @Test
  void theKickedUserIsToldAfterLeavingSoTheirPromptIsRightAlready() {
    AtomicReference<User> self = new AtomicReference<>();
    List<String> currentWhenTold = new ArrayList<>();
    EventSink sink =
        event -> {
          if (event instanceof ChannelNotice notice
              && notice.text().startsWith("You were kicked")) {
            Channel current = self.get().current();
            currentWhenTold.add(current == null ? "-" : current.name());
          }
        };
    self.set(server.connect("kicked", "k", sink));
    server.join(self.get(), "#first");
    server.join(root, "#second");
    server.join(self.get(), "#second");
    server.kick(root, "kicked", "off");
    assertEquals(List.of("#first"), currentWhenTold, "the prompt already shows #first");
  }
}
