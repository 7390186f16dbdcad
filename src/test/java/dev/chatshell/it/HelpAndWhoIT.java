package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, as a newcomer meets it over real sockets: /WHO on a channel before joining it, /HELP
 * explaining any command, and /HELP laid out for the width the terminal reported (NAWS).
 */
class HelpAndWhoIT {

  @Test
  void aNewcomerLooksAtAChannelBeforeJoiningItAndAsksAboutWho() throws Exception {
    try (ChatshellServer server = TestServer.start();
        TestClient alice = TestClient.plain(server.port());
        TestClient bob = TestClient.plain(server.port())) {
      login(alice, "alice");
      login(bob, "bob");
      alice.send("/join #rust");
      alice.expect("You created #rust");

      bob.send("/who #rust");
      bob.expect("#rust (1): ~alice");
      bob.send("/help who");
      bob.expect("/WHO [channel]");
      bob.expect("for everyone with a channel named)");
      bob.send("/who");
      bob.expect(
          "Error: /WHO needs a current channel: /JOIN one first, or name one: /WHO #channel.");
      assertFalse(bob.text().contains("No command /who"), bob.text());
    }
  }

  @Test
  void helpFitsANarrowTerminalWithoutCuttingWords() throws Exception {
    try (ChatshellServer server = TestServer.start();
        TestClient narrow = TestClient.telnet(server.port(), "xterm", 60, 24)) {
      login(narrow, "narrow");
      narrow.send("/help");
      narrow.expect("/JOIN <channel>\n    join or create a channel; it becomes current\n");
      narrow.expect(
          "/KILL <nick> [reason]\n    disconnect a user from the server [operators only]\n");
      narrow.expect("Text that does not start with /");
    }
  }
}
