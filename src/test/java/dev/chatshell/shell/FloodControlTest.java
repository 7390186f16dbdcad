package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelMessage;
import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.EventSink;
import dev.chatshell.chat.User;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Flood control of one session over a real domain. Its queue is made only when a first line has to
 * wait: these tests check that lines still wait, go out in order and are refused after close, with
 * the queue made late or never.
 */
class FloodControlTest {
  // One line at once, then 20 a second: the second line of a burst waits a moment.
  private final ShellSettings settings = TestSettings.flood(20, 1, 3);

  private final ChatServer chat = ChatTestSupport.server(Clock.systemUTC(), 50);
  private final Recorder aliceSees = new Recorder();
  private final Recorder bobSees = new Recorder();
  private final User alice = chat.connect("alice", "127.0.0.1", aliceSees);
  private final User bob = chat.connect("bob", "127.0.0.1", bobSees);
  private final Channel lobby = chat.join(alice, "#lobby");
  private final FloodControl flood =
      new FloodControl(settings, chat, aliceSees, new ScriptedConnection());

  FloodControlTest() {
    chat.join(bob, "#lobby");
  }

  /** A thread-safe sink: held lines arrive on the flood queue's thread. */
  private static final class Recorder implements EventSink {
    private final List<ChatEvent> events = new ArrayList<>();

    @Override
    public synchronized void deliver(ChatEvent event) {
      events.add(event);
      notifyAll();
    }

    synchronized List<String> said(int count) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (true) {
        List<String> said =
            events.stream()
                .filter(ChannelMessage.class::isInstance)
                .map(event -> ((ChannelMessage) event).text())
                .toList();
        if (said.size() >= count) {
          return said;
        }
        assertTrue(System.nanoTime() < deadline, "only " + said + " arrived");
        wait(10);
      }
    }

    synchronized List<String> errors() {
      return events.stream()
          .filter(Reply.class::isInstance)
          .flatMap(event -> ((Reply) event).lines().stream())
          .map(Reply.Line::text)
          .toList();
    }
  }

  @Test
  void aLineThatMustWaitIsQueuedOnTheSpotAndSentInOrder() throws Exception {
    assertTrue(flood.offerChat(alice, lobby, "first"), "the burst: the caller sends it");
    chat.say(alice, lobby, "first");
    assertEquals(0, flood.waiting(), "nothing waited, so no queue was made");

    assertFalse(flood.offerChat(alice, lobby, "second"), "no token left: held back");
    assertFalse(flood.offerChat(alice, lobby, "third"));

    assertEquals(List.of("first", "second", "third"), bobSees.said(3));
    assertEquals(1, aliceSees.errors().size(), "told once that lines are delayed");
    assertTrue(aliceSees.errors().getFirst().startsWith("You are sending too fast"));
  }

  @Test
  void aCommandWaitsForItsTokenWithOrWithoutAQueue() {
    assertTrue(flood.awaitTurn(), "a token is there");
    assertTrue(flood.awaitTurn(), "waits a moment for the next one, no queue needed");
    assertEquals(0, flood.waiting());
  }

  @Test
  void afterCloseNoLineGoesOutEvenWhenNothingEverWaited() throws Exception {
    flood.close();
    assertFalse(flood.offerChat(alice, lobby, "too late"));
    assertEquals(0, flood.waiting());
  }

  @Test
  void afterCloseTheHeldLinesAreDropped() throws Exception {
    assertTrue(flood.offerChat(alice, lobby, "first"));
    flood.offerChat(alice, lobby, "second");
    flood.close();
    assertFalse(flood.offerChat(alice, lobby, "third"));
    assertEquals(0, flood.waiting());
  }
}
