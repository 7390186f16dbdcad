package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;

import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Bans and private channels as users meet them, over real sockets with plain clients. */
class BansAndPrivateIT {

  @Test
  void anAdminBansListsAndLiftsABanThenAnswersJoinRequests() throws Exception {
    ChatshellServer server = TestServer.start();
    try (TestClient alice = TestClient.plain(server.port());
        TestClient bob = TestClient.plain(server.port());
        TestClient carol = TestClient.plain(server.port());
        TestClient dave = TestClient.plain(server.port())) {
      login(alice, "alice");
      login(bob, "bob");
      login(carol, "carol");
      login(dave, "dave");
      alice.send("/join #c");
      alice.expect("You created #c");
      bob.send("/join #c");
      bob.expect("You joined #c. Members: ~alice bob");
      alice.expect("bob has joined #c");

      // A ban by nick for an hour: bob is removed and told by whom, why and until when.
      alice.send("/ban bob 1h spamming");
      bob.expect("You were banned from #c by alice (spamming), until ");
      alice.expect("alice banned bob from #c (spamming), until ");
      alice.expect("bob was banned from #c");
      bob.send("/join #c");
      bob.expect("Error: You are banned from #c by alice (spamming), until ");
      alice.send("/bans");
      alice.expect("1 ban on #c:");
      alice.expect("  bob by alice on ");
      alice.expect(": spamming");
      bob.send("/bans #c");
      bob.expect("Error: You are not in #c; /JOIN it first.");

      alice.send("/unban bob");
      alice.expect("alice lifted the ban on bob from #c.");
      bob.send("/join #c");
      bob.expect("You joined #c. Members: ~alice bob");
      alice.send("/bans");
      alice.expect("No bans in force on #c.");

      // A private channel: joining asks the admins, who accept or deny.
      alice.send("/private on");
      alice.expect("alice made #c private");
      bob.expect("alice made #c private");
      carol.send("/join #c");
      carol.expect("#c is private: your request to join was sent to its admins.");
      alice.expect("carol asks to join #c: /ACCEPT carol or /DENY carol.");
      bob.send("/accept carol");
      bob.expect("Error: /ACCEPT is for admins of the current channel; you are not.");
      alice.send("/requests");
      alice.expect("  carol asks to join: /ACCEPT carol or /DENY carol");
      alice.send("/accept carol");
      carol.expect("You joined #c. Members: ~alice bob carol");
      alice.expect("alice accepted carol's request to join #c.");
      alice.expect("carol has joined #c");
      bob.expect("carol has joined #c");

      dave.send("/join #c");
      dave.expect("#c is private: your request to join was sent to its admins.");
      alice.expect("dave asks to join #c");
      dave.send("/join #c");
      dave.expect("Your request to join #c is still waiting for an admin.");
      alice.send("/deny dave not today");
      dave.expect("Your request to join #c was turned down by alice (not today).");
      alice.expect("alice turned down dave's request to join #c (not today).");
      carol.expect("alice turned down dave's request to join #c (not today).");
      alice.send("/requests");
      alice.expect("No requests or invitations are waiting.");

      // An invitation lets dave in at his next /JOIN after all.
      alice.send("/invite dave");
      dave.expect("alice invites you to #c: /JOIN #c");
      dave.send("/join #c");
      dave.expect("You joined #c. Members: ~alice bob carol dave");

      alice.send("/private off");
      alice.expect("alice opened #c: anyone may /JOIN it.");
    } finally {
      server.close();
    }
  }
}
