package dev.chatshell.it;

import static dev.chatshell.it.AccountsIT.PASSWORD;
import static dev.chatshell.it.AccountsIT.logIn;
import static dev.chatshell.it.AccountsIT.register;
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
import org.junit.jupiter.api.Test;

/**
 * How sessions end and what their last screen shows, over real sockets: /SHUTDOWN, /KILL, idle
 * sessions giving way when the server is full, the cap on an account's terminals, and the prompt of
 * an account's second terminal.
 */
class SessionLifecycleIT {
  private static final Duration CLOSE = Duration.ofSeconds(10);

  /** Logs a client in and makes it the server operator "root". */
  private static void oper(TestClient client) throws Exception {
    client.send("/oper root");
    client.expect("Password: ");
    client.send("opensesame");
    client.expect("You are now a server operator (root)");
  }

  /** What the client was shown after the last occurrence of {@code text}. */
  private static String after(TestClient client, String text) {
    String all = client.text();
    return all.substring(all.lastIndexOf(text) + text.length());
  }

  @Test
  void shutdownTellsEveryoneTheReasonAndStopsTheServer() throws Exception {
    ChatshellServer server = TestServer.startWithOperator(Map.of(), "root", "opensesame");
    try (TestClient alice = TestClient.telnet(server.port(), "xterm", 80, 24);
        TestClient bob = TestClient.plain(server.port())) {
      login(alice, "alice");
      login(bob, "bob");
      alice.send("/join #c");
      alice.expect("~alice #c> ");
      oper(alice);

      alice.send("/shutdown disk swap");

      String told = "The server is shutting down: disk swap (server operator alice). Goodbye!";
      bob.expect(told);
      alice.expect(told);
      assertTrue(bob.awaitClosed(CLOSE), "bob's connection closes");
      assertTrue(alice.awaitClosed(CLOSE), "alice's connection closes");
      server.awaitStopped(); // returns: the server stopped by itself, as on SIGTERM
      // The operator's screen ends on the notice: no prompt drawn after it.
      assertEquals("\n", after(alice, told), "after the notice");
    } finally {
      server.close();
    }
  }

  @Test
  void aUserWhoIsNoOperatorCannotShutTheServerDown() throws Exception {
    ChatshellServer server = TestServer.startWithOperator(Map.of(), "root", "opensesame");
    try (TestClient bob = TestClient.plain(server.port())) {
      login(bob, "bob");
      bob.send("/join #c");
      bob.expect("You created #c");

      bob.send("/shutdown now");

      bob.expect("Error: /SHUTDOWN is for server operators; you are not.");
      bob.send("/list");
      bob.expect("#c");
      try (TestClient carol = TestClient.plain(server.port())) {
        login(carol, "carol"); // still serving
      }
    } finally {
      server.close();
    }
  }

  @Test
  void aKilledUsersScreenEndsOnTheReason() throws Exception {
    ChatshellServer server = TestServer.startWithOperator(Map.of(), "root", "opensesame");
    try (TestClient alice = TestClient.telnet(server.port(), "xterm", 80, 24);
        TestClient oscar = TestClient.plain(server.port())) {
      login(alice, "alice");
      alice.send("/join #c");
      alice.expect("~alice #c> ");
      alice.type("half a line");
      login(oscar, "oscar");
      oper(oscar);

      oscar.send("/kill alice enough");

      String told = "You were disconnected by server operator oscar (enough).";
      alice.expect(told);
      assertTrue(alice.awaitClosed(CLOSE), "alice's connection closes");
      assertEquals("\n", after(alice, told), "no prompt after the reason");
    } finally {
      server.close();
    }
  }

  @Test
  void anAccountsSecondTerminalGetsTheSamePromptWithItsSigil() throws Exception {
    ChatshellServer server = TestServer.start();
    try (TestClient first = TestClient.telnet(server.port(), "xterm", 80, 24);
        TestClient second = TestClient.telnet(server.port(), "xterm", 80, 24)) {
      login(first, "alice");
      register(first, "alice");
      first.send("/join #c");
      first.expect("~alice #c> ");

      logIn(second, "alice", PASSWORD);
      second.expect("Welcome, alice!");

      second.expect("~alice #c> ");
      second.send("/who");
      second.expect("~alice");
      assertFalse(after(second, "Welcome, alice!").contains("\nalice #c> "), second.text());
    } finally {
      server.close();
    }
  }

  @Test
  void anAccountHoldsAtMostTheConfiguredTerminals() throws Exception {
    ChatshellServer server = TestServer.start(Map.of(Setting.TERMINALS_PER_ACCOUNT, "2"));
    try (TestClient first = TestClient.plain(server.port());
        TestClient second = TestClient.plain(server.port());
        TestClient third = TestClient.plain(server.port())) {
      login(first, "alice");
      register(first, "alice");
      logIn(second, "alice", PASSWORD);
      second.expect("Welcome, alice!");

      logIn(third, "alice", PASSWORD);

      third.expect(
          "Error: alice is already logged in from 2 terminals, the most one account may have;"
              + " leave one (/BYE there) first.");
      third.expect("Nickname: "); // back to the nickname prompt: another nick still works
      third.send("carol");
      third.expect("Welcome, carol!");
      first.send("/msg alice still here");
      second.expect("still here"); // the two terminals were not disturbed
      second.send("/bye");
      assertTrue(second.awaitClosed(CLOSE));
      try (TestClient again = TestClient.plain(server.port())) {
        logIn(again, "alice", PASSWORD);
        again.expect("Welcome, alice!"); // a place freed is a place to take
      }
    } finally {
      server.close();
    }
  }

  @Test
  void aFullServerDisconnectsTheIdlestTerminalForANewcomer() throws Exception {
    ChatshellServer server =
        TestServer.start(Map.of(Setting.MAX_CONNECTIONS, "3", Setting.IDLE_WHEN_FULL_SECONDS, "1"));
    try (TestClient idle = TestClient.telnet(server.port(), "xterm", 80, 24);
        TestClient busy = TestClient.plain(server.port());
        TestClient late = TestClient.plain(server.port())) {
      login(idle, "ida");
      idle.send("/join #c");
      idle.expect("~ida #c> ");
      login(busy, "bo");
      busy.send("/join #c");
      busy.expect("You joined #c");
      login(late, "lu");
      Thread.sleep(1100); // time for all three to pass the minimum; then two speak
      busy.send("/list");
      busy.expect("#c");
      late.send("/list");
      late.expect("#c");

      try (TestClient newcomer = TestClient.plain(server.port())) {
        login(newcomer, "nu");

        idle.expect("You were disconnected: idle for ");
        String told = " while the server was full.";
        idle.expect(told);
        assertTrue(idle.awaitClosed(CLOSE), "the idlest connection closes");
        assertEquals("\n", after(idle, told), "no prompt after the reason");
        busy.expect("ida has quit (idle for ");
        busy.expect(" while the server was full)");
        late.send("/list");
        late.expect("#c"); // the others stay
      }
    } finally {
      server.close();
    }
  }

  /** Found by review: connections that never log in pushed out every idle user, one each. */
  @Test
  void connectionsThatNeverLogInTakeOnePlaceAtATime() throws Exception {
    ChatshellServer server =
        TestServer.start(Map.of(Setting.MAX_CONNECTIONS, "2", Setting.IDLE_WHEN_FULL_SECONDS, "1"));
    try (TestClient ann = TestClient.plain(server.port());
        TestClient ben = TestClient.plain(server.port())) {
      login(ann, "ann");
      login(ben, "ben");
      Thread.sleep(1100); // both idle past the minimum
      try (TestClient silent = TestClient.plain(server.port())) {
        silent.expect("Nickname: "); // let in, in the place of one idle user, and says nothing
        try (TestClient another = TestClient.plain(server.port())) {
          another.expect("connection refused: the server is full (2 connections)");
        }
        assertTrue(
            ann.text().contains("You were disconnected")
                ^ ben.text().contains("You were disconnected"),
            "exactly one idle user made room: " + ann.text() + " / " + ben.text());
      }
    } finally {
      server.close();
    }
  }

  @Test
  void aFullServerWithNobodyIdleLongEnoughStillRefuses() throws Exception {
    ChatshellServer server =
        TestServer.start(
            Map.of(Setting.MAX_CONNECTIONS, "1", Setting.IDLE_WHEN_FULL_SECONDS, "3600"));
    try (TestClient ann = TestClient.plain(server.port())) {
      login(ann, "ann");
      try (TestClient newcomer = TestClient.plain(server.port())) {
        newcomer.expect("connection refused: the server is full (1 connections)");
      }
      ann.send("/list");
      ann.expect("No channels yet");
    } finally {
      server.close();
    }
  }

  @Test
  void anIdleTimeoutDisconnectsASilentTerminalWithANotice() throws Exception {
    ChatshellServer server = TestServer.start(Map.of(Setting.IDLE_TIMEOUT_SECONDS, "2"));
    try (TestClient sleepy = TestClient.telnet(server.port(), "xterm", 80, 24);
        TestClient awake = TestClient.plain(server.port())) {
      login(sleepy, "sleepy");
      sleepy.send("/join #c");
      sleepy.expect("~sleepy #c> ");
      login(awake, "awake");
      awake.send("/join #c");
      awake.expect("You joined #c");
      // a second later, awake speaks: it falls idle a whole keepalive tick after sleepy does
      Thread.sleep(1000);
      awake.send("/list");
      awake.expect("#c");

      String told = "You were disconnected: no line sent for 2 seconds.";
      sleepy.expect(told);
      assertTrue(sleepy.awaitClosed(CLOSE));
      assertEquals("\n", after(sleepy, told), "no prompt after the reason");
      awake.expect("sleepy has quit (no line sent for 2 seconds)");
    } finally {
      server.close();
    }
  }
}
