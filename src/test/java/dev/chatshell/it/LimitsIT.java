package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connection limits, login timeout and keepalive, with real sockets. */
class LimitsIT {

  @Test
  void connectionsOverThePerAddressLimitAreToldWhy() throws Exception {
    try (ChatshellServer server =
            TestServer.start(Map.of(Setting.MAX_CONNECTIONS_PER_ADDRESS, "2"));
        TestClient first = TestClient.plain(server.port());
        TestClient second = TestClient.plain(server.port())) {
      first.expect("Nickname: ");
      second.expect("Nickname: ");
      try (TestClient third = TestClient.plain(server.port())) {
        third.expect(
            "chatshell: connection refused: too many connections from your address (at most 2);"
                + " try again later.");
        assertTrue(third.awaitClosed(Duration.ofSeconds(5)), "closed after the message");
      }
      first.close();
      Thread.sleep(300);
      try (TestClient again = TestClient.plain(server.port())) {
        again.expect("Nickname: "); // the slot was released
      }
    }
  }

  @Test
  void connectionsOverTheTotalLimitAreToldWhy() throws Exception {
    try (ChatshellServer server = TestServer.start(Map.of(Setting.MAX_CONNECTIONS, "1"));
        TestClient first = TestClient.plain(server.port())) {
      first.expect("Nickname: ");
      try (TestClient second = TestClient.plain(server.port())) {
        second.expect("connection refused: the server is full (1 connections)");
      }
    }
  }

  @Test
  void aConnectionThatNeverLogsInIsClosed() throws Exception {
    try (ChatshellServer server = TestServer.start(Map.of(Setting.LOGIN_TIMEOUT_SECONDS, "1"));
        TestClient idle = TestClient.plain(server.port())) {
      idle.expect("Nickname: ");
      assertTrue(idle.awaitClosed(Duration.ofSeconds(5)), "dropped after the login timeout");
    }
  }

  @Test
  void aPlainClientThatStopsReadingInAQuietChannelIsDropped() throws Exception {
    Map<Setting, String> settings =
        Map.of(
            Setting.KEEPALIVE_SECONDS,
            "1",
            Setting.OUTBOX_LINES,
            "100000", // so only the blocked write can be the reason
            Setting.FLOOD_RATE,
            "1000",
            Setting.FLOOD_BURST,
            "50",
            Setting.FLOOD_QUEUE_LINES,
            "100000"); // every line of the talker's goes out, none is dropped as excess flood
    try (ChatshellServer server = TestServer.start(settings);
        TestClient talker = TestClient.plain(server.port());
        java.net.Socket lazy = new java.net.Socket()) {
      login(talker, "talker2");
      talker.send("/join #quiet");
      talker.expect("You created #quiet");
      lazy.setReceiveBufferSize(4096);
      lazy.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
      lazy.getOutputStream().write("lazy2\n/join #quiet\n".getBytes("UTF-8"));
      talker.expect("lazy2 has joined #quiet");
      // Enough to fill the lazy client's socket buffers, not its queue; then silence.
      String wall = "q".repeat(4000);
      for (int i = 0; i < 1500; i++) {
        if (i % 100 == 0 && talker.text().contains("lazy2 has quit")) {
          break;
        }
        talker.send(wall);
      }
      talker.expect("lazy2 has quit (not reading: output blocked for 1 s)", Duration.ofSeconds(20));
    }
  }

  @Test
  void aTelnetClientThatStopsAnsweringPingsIsDroppedOthersStay() throws Exception {
    try (ChatshellServer server = TestServer.start(Map.of(Setting.KEEPALIVE_SECONDS, "1"));
        TestClient healthy = TestClient.telnet(server.port(), "xterm", 80, 24);
        TestClient hung = TestClient.telnet(server.port(), "xterm", 80, 24)) {
      login(healthy, "healthy");
      login(hung, "hung");
      healthy.send("/join #alive");
      healthy.expect("You created #alive");
      hung.send("/join #alive");
      healthy.expect("hung has joined #alive");
      hung.stopAnsweringPings();
      healthy.expect("hung has quit (ping timeout: no answer in 1 s)", Duration.ofSeconds(10));
      assertTrue(hung.awaitClosed(Duration.ofSeconds(5)));
      Thread.sleep(2500); // several more ping rounds
      healthy.send("/who");
      healthy.expect("#alive (1): ~healthy");
      assertFalse(healthy.text().contains("healthy has quit"));
    }
  }
}
