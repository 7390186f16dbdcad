package dev.chatshell.it;

import static dev.chatshell.it.AccountsIT.PASSWORD;
import static dev.chatshell.it.AccountsIT.logIn;
import static dev.chatshell.it.AccountsIT.register;
import static dev.chatshell.it.ChatIT.login;

import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.SmallFileSystem;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server whose data directory is on a real small file system that fills up, then gets room again:
 * users are told the truth about what was stored, logins go on, and everything works again without
 * a restart.
 */
class DiskFullIT {
  private static final String NOT_STORED =
      "Error: The account database is not answering; nothing was changed. Try again later.";

  @Test
  void aFullDiskIsToldTruthfullyAndServiceComesBackByItselfWhenThereIsRoom() throws Exception {
    try (SmallFileSystem disk = SmallFileSystem.mount(4)) {
      ChatshellServer server =
          TestServer.start(Map.of(Setting.DATA_DIR, disk.directory().resolve("var").toString()));
      try (TestClient alice = TestClient.plain(server.port());
          TestClient bob = TestClient.plain(server.port())) {
        login(alice, "alice");
        register(alice, "alice");
        alice.send("/join #full");
        alice.expect("You created #full");
        alice.send("before the disk filled");
        alice.expect("<alice> before the disk filled");
        login(bob, "bob");

        disk.fill();
        bob.send("/register");
        bob.expect("Password for bob: ");
        bob.send(PASSWORD);
        bob.expect("Again: ");
        bob.send(PASSWORD);
        bob.expect(NOT_STORED);
        for (int i = 1; i <= 3; i++) {
          alice.send("said while the disk was full " + i);
          alice.expect("<alice> said while the disk was full " + i);
        }
        try (TestClient again = TestClient.plain(server.port())) {
          logIn(again, "alice", PASSWORD);
          again.expect("Welcome, alice!"); // reading accounts goes on
        }

        disk.free();
        register(bob, "bob"); // the failed registration was not stored: the name is free
        try (TestClient back = TestClient.plain(server.port())) {
          logIn(back, "bob", PASSWORD);
          back.expect("Welcome, bob!");
        }
        alice.send("after the disk had room again");
        alice.expect("<alice> after the disk had room again");
        alice.send("/history 20");
        // every line once, in order: none lost, none twice
        alice.expect("The last 5 lines of #full (times in UTC):");
        alice.expect("<alice> before the disk filled");
        for (int i = 1; i <= 3; i++) {
          alice.expect("<alice> said while the disk was full " + i);
        }
        alice.expect("<alice> after the disk had room again");
      } finally {
        server.close();
      }
    }
  }
}
