package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Flood control over real sockets: what it holds back, what it drops, what it lets through. */
class FloodIT {
  private static final Pattern PASTED = Pattern.compile("<paster> line (\\d+)\n");

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }

  /**
   * A paste of 500 lines, then /WHO and /BYE: the commands are answered before the held-back lines
   * have gone out, the excess is dropped with one notice, and the others see at most the burst plus
   * the lines that may wait, in order.
   */
  @Test
  void aPasteIsBoundedAndTheCommandsTypedAfterItOvertakeIt() throws Exception {
    Map<Setting, String> settings =
        Map.of(Setting.FLOOD_RATE, "1", Setting.FLOOD_BURST, "10", Setting.FLOOD_QUEUE_LINES, "20");
    try (ChatshellServer server = TestServer.start(settings);
        TestClient paster = TestClient.plain(server.port());
        TestClient listener = TestClient.plain(server.port())) {
      inOneChannel(paster, "paster", listener, "listener", "#paste");

      StringBuilder paste = new StringBuilder();
      for (int i = 1; i <= 500; i++) {
        paste.append("line ").append(i).append('\n');
      }
      paste.append("/who\n/bye\n");
      paster.type(paste.toString()); // one write, as a terminal sends a paste

      paster.expect("Error: You are sending too fast");
      paster.expect("Error: Excess flood: 20 of your lines are already waiting");
      paster.expect("#paste (2): ~paster listener");
      String beforeBye = paster.expect("Bye!");
      assertTrue(paster.awaitClosed(Duration.ofSeconds(10)), "/BYE ended the session");

      String seen = paster.text();
      assertEquals(1, count(seen, "sending too fast"), "warned once: " + seen);
      assertEquals(1, count(seen, "Excess flood"), "told once of the dropped lines");
      int echoed = count(seen.substring(0, seen.indexOf("Bye!")), "<paster> line ");
      assertTrue(
          echoed < 30, "/BYE did not wait for the held-back lines: " + echoed + " before it");
      assertFalse(beforeBye.contains("<paster> line 500"));

      String heard = listener.expect("paster has quit");
      Matcher lines = PASTED.matcher(heard);
      int received = 0;
      while (lines.find()) {
        received++;
        assertEquals(received, Integer.parseInt(lines.group(1)), "in order, none skipped");
      }
      assertTrue(received >= 1 && received <= 30, "at most burst + waiting: " + received);
    }
  }

  /**
   * Found by review: a paste of commands that cost a line (/ME) trickled out whole, and the /WHO
   * and /BYE typed after it waited behind it. Now it is bounded like a paste of chat lines.
   */
  @Test
  void aPasteOfCommandsIsBoundedToo() throws Exception {
    Map<Setting, String> settings =
        Map.of(Setting.FLOOD_RATE, "10", Setting.FLOOD_BURST, "5", Setting.FLOOD_QUEUE_LINES, "5");
    try (ChatshellServer server = TestServer.start(settings);
        TestClient paster = TestClient.plain(server.port());
        TestClient listener = TestClient.plain(server.port())) {
      inOneChannel(paster, "paster", listener, "listener", "#paste");

      StringBuilder paste = new StringBuilder();
      for (int i = 1; i <= 300; i++) {
        paste.append("/me waves ").append(i).append('\n');
      }
      paste.append("/who\n/bye\n");
      paster.type(paste.toString());

      paster.expect("Error: Excess flood: your commands are coming faster than 10 per second");
      paster.expect("#paste (2): ~paster listener");
      paster.expect("Bye!");
      assertEquals(1, count(paster.text(), "Excess flood"), "told once");

      String heard = listener.expect("paster has quit");
      int waves = count(heard, "* paster waves ");
      assertTrue(waves >= 5 && waves <= 12, "at most burst + waiting, about: " + waves);
      assertFalse(heard.contains("* paster waves 300"), heard);
    }
  }

  /** Found by review: a /ME went ahead of the chat lines held before it. */
  @Test
  void aCommandKeepsItsPlaceAfterHeldChatLines() throws Exception {
    Map<Setting, String> settings = Map.of(Setting.FLOOD_RATE, "5", Setting.FLOOD_BURST, "2");
    try (ChatshellServer server = TestServer.start(settings);
        TestClient talker = TestClient.plain(server.port());
        TestClient listener = TestClient.plain(server.port())) {
      inOneChannel(talker, "talker", listener, "listener", "#order");

      talker.type("line 1\nline 2\nline 3\nline 4\nline 5\n/me waves\n");

      String heard = listener.expect("* talker waves");
      for (int i = 1; i <= 5; i++) {
        assertTrue(
            heard.contains("<talker> line " + i), "line " + i + " before the wave: " + heard);
      }
    }
  }

  /** Flood control counts what reaches others: reading is free, talking is not. */
  @Test
  void queriesCostNothingButChatLinesStillDo() throws Exception {
    Map<Setting, String> settings = Map.of(Setting.FLOOD_RATE, "1", Setting.FLOOD_BURST, "5");
    try (ChatshellServer server = TestServer.start(settings);
        TestClient bot = TestClient.plain(server.port())) {
      login(bot, "bot");
      bot.send("/join #q");
      bot.expect("You created #q");
      StringBuilder reads = new StringBuilder();
      for (int i = 0; i < 30; i++) {
        reads.append("/who\n/list\n/current\n/history 1\n/help who\n");
      }
      bot.type(reads.toString());
      for (int i = 0; i < 30; i++) {
        bot.expect("#q (1): ~bot");
        bot.expect("Your current channel is #q");
      }
      bot.send("/who #q"); // answered last: everything before it was answered too
      bot.expect("#q (1): ~bot");
      assertFalse(bot.text().contains("sending too fast"), "150 queries, no warning");

      StringBuilder talk = new StringBuilder();
      for (int i = 1; i <= 10; i++) {
        talk.append("chat ").append(i).append('\n');
      }
      bot.type(talk.toString());
      bot.expect("Error: You are sending too fast");
    }
  }

  /** A held-back line goes where it was typed, even when a /CURRENT switch overtakes it. */
  @Test
  void heldLinesGoToTheChannelTheyWereTypedIn() throws Exception {
    Map<Setting, String> settings = Map.of(Setting.FLOOD_RATE, "2", Setting.FLOOD_BURST, "3");
    try (ChatshellServer server = TestServer.start(settings);
        TestClient talker = TestClient.plain(server.port());
        TestClient inA = TestClient.plain(server.port());
        TestClient inB = TestClient.plain(server.port())) {
      login(talker, "talker");
      login(inA, "ann");
      login(inB, "ben");
      talker.send("/join #b");
      talker.expect("You created #b");
      talker.send("/join #a");
      talker.expect("You created #a");
      inA.send("/join #a");
      inA.expect("Members:");
      inB.send("/join #b");
      inB.expect("Members:");

      talker.type("l1\nl2\nl3\nl4\nl5\nl6\n/current #b\nhello b\n");
      talker.expect("Your current channel is now #b.");
      for (int i = 1; i <= 6; i++) {
        inA.expect("<talker> l" + i + "\n");
      }
      String beforeHello = inB.expect("<talker> hello b");
      assertFalse(beforeHello.contains("<talker> l"), "nothing typed in #a reached #b");
      assertFalse(inA.text().contains("hello b"), "nor the other way round");
    }
  }

  /** Logs both in; the first creates the channel and the second joins it. */
  private static void inOneChannel(
      TestClient first, String firstNick, TestClient second, String secondNick, String channel)
      throws Exception {
    login(first, firstNick);
    login(second, secondNick);
    first.send("/join " + channel);
    first.expect("You created " + channel);
    second.send("/join " + channel);
    second.expect("Members: ~" + firstNick + " " + secondNick);
  }
}
