package dev.chatshell.it;

import static dev.chatshell.it.AccountsIT.PASSWORD;
import static dev.chatshell.it.AccountsIT.logIn;
import static dev.chatshell.it.AccountsIT.register;
import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** History as users meet it: scrollback on join, /HISTORY, and mentions missed while away. */
class HistoryIT {

  @Test
  void aNewcomerSeesWhatWasSaidAndAnAccountWhatItMissed() throws Exception {
    ChatshellServer server = TestServer.start();
    try (TestClient alice = TestClient.plain(server.port());
        TestClient bob = TestClient.plain(server.port());
        TestClient carol = TestClient.plain(server.port())) {
      login(alice, "alice");
      register(alice, "alice");
      login(bob, "bob");
      register(bob, "bob");
      alice.send("/join #h");
      alice.expect("You created #h");
      bob.send("/join #h");
      bob.expect("You joined #h");
      alice.send("first line");
      bob.expect("<alice> first line");
      bob.send("second line");
      alice.expect("<bob> second line");
      alice.send("/msg bob a private word");
      bob.expect("*alice* a private word");

      login(carol, "carol");
      carol.send("/join #h");
      carol.expect("You joined #h. Members: ~alice bob carol");
      carol.expect("Earlier in #h (/HISTORY shows more):");
      carol.expect("<alice> first line");
      carol.expect("<bob> second line");
      carol.send("/history 1");
      carol.expect("The last line of #h (times in UTC):");
      carol.expect("<bob> second line");
      carol.send("/history alice");
      carol.expect(
          "Error: Private history is kept for accounts only: /REGISTER your nick to keep yours.");
      bob.send("/history alice");
      bob.expect("The last line of your private messages with alice (times in UTC):");
      bob.expect("*alice* (to bob) a private word");

      bob.send("/bye");
      alice.expect("bob has quit");
      alice.send("bob: are you still there?");
      alice.send("nobody mentions bobby here");
      alice.expect("<alice> nobody mentions bobby here");
    }
    try (TestClient bob = TestClient.plain(server.port())) {
      logIn(bob, "bob", PASSWORD);
      bob.expect("While you were away, you were mentioned:");
      bob.expect("[#h] <alice> bob: are you still there?");
      bob.expect("Welcome, bob!");
      assertFalse(bob.text().contains("bobby"), "only whole-word mentions");
      assertFalse(bob.sees("Nobody mentioned you", Duration.ofMillis(200)), "one summary, not two");
    } finally {
      server.close();
    }
  }
}
