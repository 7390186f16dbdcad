package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several real socket clients chatting at once, in plain line mode and in character mode. */
class ChatIT {
  private static ChatshellServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void login(TestClient client, String nick) {
    client.expect("Nickname: ");
    try {
      client.send(nick);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    client.expect("Welcome, " + nick + "!");
  }

  @Test
  void plainClientsChatInChannelsAndPrivately() throws Exception {
    try (TestClient alice = TestClient.plain(server.port());
        TestClient bob = TestClient.plain(server.port());
        TestClient carol = TestClient.plain(server.port())) {
      login(alice, "alice");
      login(bob, "bob");
      login(carol, "carol");
      alice.send("/join #plain");
      alice.expect("You created #plain; you are its main admin (~).");
      bob.send("/JOIN plain");
      bob.expect("You joined #plain. Members: ~alice bob");
      alice.expect("bob has joined #plain");
      carol.send("/join #elsewhere");
      carol.expect("You created #elsewhere");

      alice.send("hello bob");
      bob.expect("<alice> hello bob");
      alice.expect("<alice> hello bob");

      bob.send("/who");
      bob.expect("#plain (2): ~alice bob");
      bob.send("/list");
      bob.expect("#elsewhere  1 member");
      bob.expect("#plain      2 members");

      bob.send("/msg alice;carol;nobody a secret");
      alice.expect("*bob* (to alice;carol) a secret");
      carol.expect("*bob* (to alice;carol) a secret");
      bob.expect("-> *alice;carol* a secret");
      bob.expect("Error: No user called nobody is online; the others got the message.");

      bob.send("/nick robert");
      alice.expect("bob is now known as robert");
      bob.expect("You are now known as robert.");
      bob.send("//slash is text");
      alice.expect("<robert> /slash is text");

      assertFalse(carol.text().contains("hello bob"), "carol is not in #plain");
      for (TestClient client : new TestClient[] {alice, bob, carol}) {
        assertFalse(new String(client.raw(), "UTF-8").contains("\u001B"), "no escape byte ever");
        assertFalse(client.text().contains("alice #plain>"), "no chat prompt in plain mode");
      }
    }
  }

  @Test
  void characterModeEchoesAndKeepsTheHalfTypedLineWhenMessagesArrive() throws Exception {
    try (TestClient alice = TestClient.telnet(server.port(), "xterm-256color", 100, 30);
        TestClient bob = TestClient.plain(server.port())) {
      alice.expect("Nickname: ");
      alice.type("ali");
      alice.expect("ali"); // the server echoes: the client only sends
      alice.send("ce2");
      alice.expect("Welcome, alice2!");
      alice.send("/join #edit");
      alice.expect("You created #edit");
      login(bob, "bob2");
      bob.send("/join #edit");
      alice.expect("bob2 has joined #edit");

      alice.type("half typ");
      alice.expect("half typ");
      bob.send("hi alice");
      alice.expect("<bob2> hi alice");
      alice.expect("half typ"); // redrawn under the new line, intact
      alice.type("ed");
      alice.send("");
      bob.expect("<alice2> half typed");
      assertTrue(new String(alice.raw(), "UTF-8").contains("\u001B["), "colour for xterm");
    }
  }

  @Test
  void tabCompletesAndArrowsWalkHistory() throws Exception {
    try (TestClient dora = TestClient.telnet(server.port(), "xterm", 80, 24)) {
      login(dora, "dora");
      dora.type("/jo\t");
      dora.expect("/join "); // in the case typed
      dora.send("#tabs");
      dora.expect("You created #tabs");
      dora.type("/who");
      dora.send("");
      dora.expect("#tabs (1): ~dora");
      dora.type("\u001B[A\u001B[A"); // up twice: back to /JOIN #tabs
      dora.expect("join #tabs"); // the editor redraws only what differs from "/who"
      dora.type("\u0015"); // Ctrl-U clears the line
      dora.type("/msg do\t");
      dora.expect("/msg dora ");
    }
  }

  @Test
  void resizeReachesTheLineEditor() throws Exception {
    Pattern cursorUp = Pattern.compile("\u001B\\[[0-9]*A");
    try (TestClient erin = TestClient.telnet(server.port(), "xterm", 200, 24)) {
      login(erin, "erin");
      erin.type("x".repeat(50));
      erin.expect("xxxxxxxxxx");
      int mark = erin.raw().length;
      erin.type("\u0001"); // Ctrl-A: to the start of the line, which fits on one row
      assertFalse(erin.awaitRaw(cursorUp, mark, Duration.ofMillis(500)), "no row to go up");
      erin.type("\u0015");
      erin.resize(30, 24);
      erin.type("y".repeat(50));
      erin.expect("yyyyyyyyyy");
      mark = erin.raw().length;
      erin.type("\u0001"); // now the line spans two rows: the editor must move the cursor up
      assertTrue(erin.awaitRaw(cursorUp, mark, Duration.ofSeconds(5)), "wrapped at 30 columns");
    }
  }

  @Test
  void aDumbTerminalGetsLineModeAndEchoesForItself() throws Exception {
    try (TestClient gus = TestClient.telnet(server.port(), "dumb", 80, 24)) {
      gus.expect("Nickname: ");
      int mark = gus.raw().length;
      gus.send("gus");
      gus.expect("Welcome, gus!");
      assertFalse(
          new String(gus.raw(), mark, gus.raw().length - mark, "UTF-8").contains("gus\r\nWelcome"),
          "the server does not echo the nick back");
      gus.send("/join #dumb");
      gus.expect("You created #dumb");
      gus.send("plain words");
      gus.expect("<gus> plain words");
      assertFalse(new String(gus.raw(), "UTF-8").contains("\u001B"), "no escape sequences");
    }
  }

  @Test
  void commandOutputLongerThanTheOutboxLimitIsNotMistakenForASlowClient() throws Exception {
    try (ChatshellServer small =
            TestServer.start(java.util.Map.of(dev.chatshell.config.Setting.OUTBOX_LINES, "10"));
        TestClient hoarder = TestClient.plain(small.port())) {
      login(hoarder, "hoarder");
      hoarder.send("/join #mine");
      hoarder.expect("You created #mine");
      for (int i = 0; i < 25; i++) {
        small.chat().join(small.chat().connect("u" + i, "test", e -> {}), "#c" + i);
      }
      hoarder.send("/list");
      hoarder.expect("26 channels:");
      hoarder.expect("#c9");
      hoarder.send("/who #c3");
      hoarder.expect("#c3 (1): ~u3");
    }
  }

  @Test
  void lineEndsCrLfCrNulAndLfAllWork() throws Exception {
    try (TestClient raw = TestClient.plain(server.port())) {
      raw.expect("Nickname: ");
      raw.sendRaw("fred\r\0/join #ends\r\nhello\n".getBytes("UTF-8"));
      raw.expect("Welcome, fred!");
      raw.expect("You created #ends");
      raw.expect("<fred> hello");
      assertEquals(-1, raw.text().indexOf("Unknown command"));
    }
  }
}
