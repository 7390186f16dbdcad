package dev.chatshell.it;

import static dev.chatshell.it.AccountsIT.PASSWORD;
import static dev.chatshell.it.AccountsIT.register;
import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Logging in to an account and the /SET choices kept with it (issue 12, items 14 and 19), over real
 * sockets and a real database across a restart: the prompt of a registered nick says so and how to
 * pick another, timestamps chosen before the restart are on after it, the registered channel is
 * joined again at login, and the first terminal is told when a second logs in.
 */
class PreferencesIT {
  private static final Pattern STAMPED_BOB = Pattern.compile("(?m)^\\d\\d:\\d\\d <bob> hi alice$");

  @Test
  void anAccountComesBackToItsChannelsWithItsTimestampsAndItsTerminalsAreTold() throws Exception {
    Path data = Files.createTempDirectory("chatshell-preferences-it");
    Map<Setting, String> sameData = Map.of(Setting.DATA_DIR, data.toString());
    ChatshellServer first = TestServer.start(sameData);
    try (TestClient alice = TestClient.plain(first.port())) {
      login(alice, "alice");
      register(alice, "alice");
      alice.send("/join #ops");
      alice.expect("You created #ops");
      alice.send("/register #ops");
      alice.expect("registered #ops");
      alice.send("/set timestamps on");
      alice.expect("timestamps is now on: lines start with the time they were said (HH:MM, UTC)");
      alice.send("/bye");
      alice.awaitClosed(Duration.ofSeconds(5));
    } finally {
      first.close();
    }

    ChatshellServer second = TestServer.start(sameData);
    try (TestClient back = TestClient.plain(second.port());
        TestClient bob = TestClient.plain(second.port())) {
      back.expect("Nickname: ");
      back.send("ALICE");
      back.expect(
          "alice is a registered nick: type its password, or an empty line to choose another"
              + " nick.");
      back.expect("Password: ");
      back.send(""); // changed her mind: another nick
      back.expect("Nickname: ");
      back.send("alice");
      back.expect("Password: ");
      back.send(PASSWORD);
      back.expect("Joining your registered channels again: #ops (/SET autojoin off stops this).");
      back.expect("Welcome, alice!");
      back.send("/who");
      back.expect("#ops (1): ~alice");

      login(bob, "bob");
      bob.send("/join #ops");
      bob.expect("You joined #ops");
      bob.send("hi alice");
      bob.expect("<bob> hi alice");
      back.expect("<bob> hi alice");
      assertTrue(STAMPED_BOB.matcher(back.text()).find(), back.text());
      assertFalse(bob.text().matches("(?s).*\\d\\d:\\d\\d <bob>.*"), "bob chose no timestamps");

      try (TestClient laptop = TestClient.plain(second.port())) {
        laptop.expect("Nickname: ");
        laptop.send("alice");
        laptop.expect("Password: ");
        laptop.send(PASSWORD);
        laptop.expect("from 2 terminals now");
        back.expect("Another terminal logged in to alice, from 127.0.0.1.");
        laptop.send("/set");
        laptop.expect("timestamps on, autojoin on (kept with your account).");
      }
    } finally {
      second.close();
    }
  }
}
