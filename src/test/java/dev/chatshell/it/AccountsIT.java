package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Accounts as users meet them, over real sockets: registering, coming back and being asked the
 * password, several terminals on one account, and registered channels surviving a restart.
 */
class AccountsIT {
  static final String PASSWORD = "correct horse";

  /** Registers the logged-in client's nick with {@link #PASSWORD}. */
  static void register(TestClient client, String nick) throws Exception {
    client.send("/register");
    client.expect("Password for " + nick + ": ");
    client.send(PASSWORD);
    client.expect("Again: ");
    client.send(PASSWORD);
    client.expect("You registered " + nick + ".");
  }

  /** Logs in to an account: nickname, then password. */
  static void logIn(TestClient client, String nick, String password) throws Exception {
    client.expect("Nickname: ");
    client.send(nick);
    client.expect("Password: ");
    client.send(password);
  }

  @Test
  void aRegisteredNickAsksItsPasswordWhenItsOwnerComesBack() throws Exception {
    AtomicLong throttleNanos = new AtomicLong(); // the login throttle's clock, moved by hand
    ChatshellServer server = TestServer.start(null, Map.of(), throttleNanos::get);
    try {
      try (TestClient alice = TestClient.plain(server.port())) {
        login(alice, "alice");
        alice.send("/register");
        alice.expect("Password for alice: ");
        alice.send("short");
        alice.expect("Again: ");
        alice.send("short");
        alice.expect("Error: Use a password of at least 8 characters; nothing was changed.");
        alice.send("/register");
        alice.expect("Password for alice: ");
        alice.send(PASSWORD);
        alice.expect("Again: ");
        alice.send("something else");
        alice.expect("Error: The two passwords differ; nothing was registered.");
        register(alice, "alice");
        alice.send("/bye");
        alice.awaitClosed(Duration.ofSeconds(5));
      }
      try (TestClient back = TestClient.plain(server.port())) {
        logIn(back, "ALICE", "wrong password");
        back.expect("Error: Wrong password for alice.");
        back.expect("Nickname: ");
        back.send("alice");
        back.expect("Password: ");
        back.send(PASSWORD);
        back.expect("Error: Too many wrong passwords lately; try again in 1 s.");
        throttleNanos.addAndGet(Duration.ofMillis(1100).toNanos());
        back.send("alice");
        back.expect("Password: ");
        back.send(PASSWORD);
        back.expect("Welcome, alice!");
        back.send("/passwd");
        back.expect("Current password: ");
        back.send(PASSWORD);
        back.expect("New password: ");
        back.send("battery staple");
        back.expect("Again: ");
        back.send("battery staple");
        back.expect("The password of alice has changed.");
      }
      try (TestClient mallory = TestClient.plain(server.port())) {
        login(mallory, "mallory");
        mallory.send("/nick alice");
        mallory.expect("Password for alice: ");
        mallory.send(PASSWORD); // the old one
        mallory.expect("Error: Wrong password for alice; your nick is unchanged.");
        mallory.send("/nick alice");
        mallory.expect("Password for alice: ");
        mallory.send("battery staple");
        mallory.expect("Error: Too many wrong passwords lately; try again in 2 s.");
        // The address's second failure: its wait doubled, and alice's success did not reset it.
        throttleNanos.addAndGet(Duration.ofMillis(2100).toNanos());
        mallory.send("/nick alice");
        mallory.expect("Password for alice: ");
        mallory.send("battery staple");
        mallory.expect("You are now known as alice, logged in to the account alice.");
      }
    } finally {
      server.close();
    }
  }

  @Test
  void aPasswordTypedInCharacterModeIsNeverEchoed() throws Exception {
    ChatshellServer server = TestServer.start();
    try (TestClient dora = TestClient.telnet(server.port(), "xterm", 80, 24)) {
      dora.expect("Nickname: ");
      dora.type("dora\r");
      dora.expect("Welcome, dora!");
      dora.type("/register\r");
      dora.expect("Password for dora: ");
      dora.type("sekrit-passw0rd\r");
      dora.expect("Again: ");
      dora.type("sekrit-passw0rd\r");
      dora.expect("You registered dora.");
      String seen = new String(dora.raw(), StandardCharsets.UTF_8);
      assertFalse(seen.contains("sekrit"), "the password was echoed: " + seen);
    } finally {
      server.close();
    }
  }

  @Test
  void severalTerminalsShareOneAccount() throws Exception {
    ChatshellServer server = TestServer.start();
    try (TestClient first = TestClient.plain(server.port());
        TestClient bob = TestClient.plain(server.port())) {
      login(first, "erin");
      register(first, "erin");
      first.send("/join #both");
      first.expect("You created #both");
      login(bob, "bob");
      bob.send("/join #both");
      bob.expect("You joined #both. Members: ~erin bob");
      try (TestClient second = TestClient.telnet(server.port(), "xterm", 200, 24)) {
        second.expect("Nickname: ");
        second.type("erin\r");
        second.expect("Password: ");
        second.type(PASSWORD + "\r");
        second.expect("from 2 terminals now: they share channels and messages.");
        second.expect("Current channel: #both.");
        second.expect("Welcome, erin!");
        second.type("said from the second terminal\r");
        bob.expect("<erin> said from the second terminal");
        first.expect("<erin> said from the second terminal");
        bob.send("hello both of you");
        first.expect("<bob> hello both of you");
        second.expect("<bob> hello both of you");
        second.type("/bye\r");
        first.expect("One of your terminals left (bye); 1 is still logged in.");
      }
      first.send("/who");
      first.expect("#both (2): ~erin bob");
      assertFalse(bob.text().contains("erin has quit"), "bob saw no quit: erin is still here");
      first.send("/bye");
      bob.expect("erin has quit (bye)");
    } finally {
      server.close();
    }
  }

  @Test
  void aRegisteredChannelKeepsItsAdminsAndTopicAcrossARestart() throws Exception {
    Path data = Files.createTempDirectory("chatshell-accounts-it");
    Map<Setting, String> sameData = Map.of(Setting.DATA_DIR, data.toString());
    ChatshellServer first = TestServer.start(sameData);
    try (TestClient alice = TestClient.plain(first.port());
        TestClient bob = TestClient.plain(first.port())) {
      login(alice, "alice");
      register(alice, "alice");
      login(bob, "bob");
      register(bob, "bob");
      alice.send("/join #home");
      alice.expect("You created #home");
      alice.send("/register #home");
      alice.expect("alice registered #home");
      bob.send("/join #home");
      bob.expect("You joined #home");
      alice.send("/grant bob");
      alice.expect("alice made bob a secondary admin (@) of #home. It is kept across restarts.");
      bob.send("/topic All about home");
      alice.expect("bob set the topic of #home: All about home");
      alice.send("/leave");
      alice.expect("You left #home.");
      bob.expect("alice has left #home");
      assertFalse(bob.sees("is now main admin", Duration.ofMillis(300)), "no succession");
    } finally {
      first.close();
    }

    ChatshellServer second = TestServer.start(sameData);
    try (TestClient carol = TestClient.plain(second.port());
        TestClient alice = TestClient.plain(second.port());
        TestClient bob = TestClient.plain(second.port())) {
      login(carol, "carol");
      carol.send("/list");
      carol.expect("#home  0 members (registered)  All about home");
      carol.send("/join #home");
      carol.expect("You joined #home. Members: carol");
      carol.expect("Topic: All about home");
      logIn(alice, "alice", PASSWORD);
      // Logging in joins the registered channels where the account holds a role (autojoin).
      alice.expect("You joined #home as main admin (~). Members: carol ~alice");
      alice.expect("Welcome, alice!");
      logIn(bob, "bob", PASSWORD);
      bob.expect("You joined #home as secondary admin (@). Members: carol ~alice @bob");
      bob.expect("Welcome, bob!");
      bob.send("/join home");
      bob.expect("You are already in #home; it is now your current channel.");
      bob.send("/del #home");
      bob.expect("Error: /DEL is for the main admin of the current channel");
      alice.send("/del #elsewhere");
      alice.expect("Error: /DEL deletes your current channel, #home; type /DEL #home to confirm");
      alice.send("/del #home spring cleaning");
      carol.expect("alice deleted #home (spring cleaning).");
      carol.send("/list");
      carol.expect("No channels yet");
    } finally {
      second.close();
    }
  }
}
