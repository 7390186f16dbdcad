package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;

import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When the main admin goes — /LEAVE, /BYE or a dropped connection — the longest-standing member
 * becomes main admin and everyone in the channel is told.
 */
class SuccessionIT {
  private static ChatshellServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private TestClient[] channelOfThree(String channel, String... nicks) throws Exception {
    TestClient[] clients = new TestClient[nicks.length];
    for (int i = 0; i < nicks.length; i++) {
      clients[i] = TestClient.plain(server.port());
      login(clients[i], nicks[i]);
      clients[i].send("/join " + channel);
      clients[i].expect(i == 0 ? "You created " + channel : "You joined " + channel);
    }
    return clients;
  }

  @Test
  void onLeave() throws Exception {
    TestClient[] c = channelOfThree("#s1", "ann", "ben", "cat");
    try (TestClient ann = c[0];
        TestClient ben = c[1];
        TestClient cat = c[2]) {
      ann.send("/leave");
      ann.expect("You left #s1.");
      ben.expect("ann has left #s1");
      ben.expect("ben is now main admin (~) of #s1, taking over from ann.");
      cat.expect("ben is now main admin (~) of #s1, taking over from ann.");
      cat.send("/who");
      cat.expect("#s1 (2): ~ben cat");
    }
  }

  @Test
  void onBye() throws Exception {
    TestClient[] c = channelOfThree("#s2", "dan", "eve", "fay");
    try (TestClient dan = c[0];
        TestClient eve = c[1];
        TestClient fay = c[2]) {
      dan.send("/bye gone fishing");
      dan.expect("Bye!");
      eve.expect("dan has quit (gone fishing)");
      fay.expect("eve is now main admin (~) of #s2, taking over from dan.");
      fay.send("/who");
      fay.expect("#s2 (2): ~eve fay");
    }
  }

  @Test
  void onDroppedConnection() throws Exception {
    TestClient[] c = channelOfThree("#s3", "gil", "hal", "ivy");
    try (TestClient hal = c[1];
        TestClient ivy = c[2]) {
      c[0].close();
      hal.expect("gil has quit (connection closed)");
      ivy.expect("hal is now main admin (~) of #s3, taking over from gil.");
    }
  }

  @Test
  void aSecondaryAdminComesBeforeLongerStandingMembers() throws Exception {
    TestClient[] c = channelOfThree("#s4", "joe", "kim", "lee");
    try (TestClient joe = c[0];
        TestClient kim = c[1];
        TestClient lee = c[2]) {
      joe.send("/grant lee");
      kim.expect("joe made lee a secondary admin (@) of #s4.");
      joe.send("/bye");
      kim.expect("lee is now main admin (~) of #s4, taking over from joe.");
      kim.send("/who");
      kim.expect("#s4 (2): ~lee kim"); // by rank
    }
  }
}
