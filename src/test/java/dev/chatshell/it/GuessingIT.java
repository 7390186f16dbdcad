package dev.chatshell.it;

import static dev.chatshell.it.AccountsIT.PASSWORD;
import static dev.chatshell.it.AccountsIT.logIn;
import static dev.chatshell.it.AccountsIT.register;
import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Password guessing and registration floods from many peer addresses at once (127.0.0.x, all this
 * machine), over real sockets: the owner of an account, or the real operator, connecting from an
 * address that has not been guessing, gets in whatever the others do.
 */
class GuessingIT {
  private static final String OWNER = "127.0.0.1";

  private static String attacker(int i) {
    return "127.0.0." + (2 + i);
  }

  @Test
  void guessesFromTenOtherAddressesNeverKeepTheOwnerOut() throws Exception {
    // The throttle's clock stands still: each guesser's second try comes within its 1 s wait
    // however slow the machine.
    ChatshellServer server = TestServer.start(null, Map.of(), () -> 1_000_000_000L);
    List<TestClient> attackers = new ArrayList<>();
    try {
      try (TestClient alice = TestClient.plainFrom(OWNER, server.port())) {
        login(alice, "alice");
        register(alice, "alice");
        alice.send("/bye");
        alice.awaitClosed(Duration.ofSeconds(5));
      }
      for (int i = 0; i < 10; i++) {
        TestClient guesser = TestClient.plainFrom(attacker(i), server.port());
        attackers.add(guesser);
        logIn(guesser, "alice", "guess number " + i);
        guesser.expect("Error: Wrong password for alice.");
        logIn(guesser, "alice", "another guess " + i);
        guesser.expect("Error: Too many wrong passwords lately; try again in 1 s.");
      }
      try (TestClient owner = TestClient.plainFrom(OWNER, server.port())) {
        logIn(owner, "alice", PASSWORD);
        owner.expect("Welcome, alice!");
      }
    } finally {
      for (TestClient guesser : attackers) {
        guesser.close();
      }
      server.close();
    }
  }

  @Test
  void operGuessesFromFiveOtherAddressesNeverKeepTheOperatorOut() throws Exception {
    Path config = Files.createTempFile("chatshell-operators", ".properties");
    Files.writeString(
        config,
        "operator.root=" + PasswordHash.hash("root password".toCharArray(), 100_000) + "\n");
    ChatshellServer server = TestServer.start(config, Map.of());
    List<TestClient> attackers = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        TestClient guesser = TestClient.plainFrom(attacker(i), server.port());
        attackers.add(guesser);
        login(guesser, "guesser" + i);
      }
      for (int i = 0; i < 5; i++) { // all at once, as a botnet would
        attackers.get(i).send("/oper root");
        attackers.get(i).send("guess number " + i);
      }
      for (TestClient guesser : attackers) {
        guesser.expect("Error: Wrong operator name or password.");
      }
      try (TestClient root = TestClient.plainFrom(OWNER, server.port())) {
        login(root, "rooted");
        root.send("/oper root");
        root.expect("Password: ");
        root.send("root password");
        root.expect("You are now a server operator (root)");
      }
    } finally {
      for (TestClient guesser : attackers) {
        guesser.close();
      }
      server.close();
      Files.deleteIfExists(config);
    }
  }

  /**
   * Twelve guests send /REGISTER at once from twelve addresses while the owner logs in: the owner
   * gets in (logins never wait for registrations' hashes), at most the hourly limit of accounts is
   * made, a busy attempt used up its address's allowance, and one refused by the server's limit did
   * not.
   */
  @Test
  void aFloodOfRegistrationsKeepsToTheLimitsAndNeverKeepsTheOwnerOut() throws Exception {
    ChatshellServer server =
        TestServer.start(
            Map.of(Setting.REGISTRATIONS_PER_ADDRESS, "1", Setting.REGISTRATIONS_PER_HOUR, "6"));
    List<TestClient> guests = new ArrayList<>();
    try {
      try (TestClient alice = TestClient.plainFrom(OWNER, server.port())) {
        login(alice, "alice");
        register(alice, "alice");
        alice.send("/bye");
        alice.awaitClosed(Duration.ofSeconds(5));
      }
      for (int i = 0; i < 12; i++) {
        TestClient guest = TestClient.plainFrom("127.0.0." + (20 + i), server.port());
        guests.add(guest);
        login(guest, "guest" + i);
      }
      for (TestClient guest : guests) {
        guest.send("/register");
        guest.send(PASSWORD);
        guest.send(PASSWORD); // all of them at once: a flood of hashes
      }
      try (TestClient owner = TestClient.plainFrom(OWNER, server.port())) {
        logIn(owner, "alice", PASSWORD);
        owner.expect("Welcome, alice!");
      }
      int registered = 0;
      for (int i = 0; i < guests.size(); i++) {
        TestClient guest = guests.get(i);
        guest.expect("Again: ");
        String answer = answer(guest);
        if (answer.contains("You registered guest" + i + ".")) {
          registered++;
          continue;
        }
        boolean serverFull = answer.contains("Too many accounts were registered on this server");
        assertTrue(serverFull || answer.contains("Other password checks are under way"), answer);
        guest.send("/register");
        guest.send(PASSWORD);
        guest.send(PASSWORD);
        // A busy attempt got as far as its hash and used up the address's allowance; one the
        // server's limit refused used up nothing of the address's, and is refused the same way.
        guest.expect(
            serverFull
                ? "Error: Too many accounts were registered on this server lately"
                : "Error: Too many accounts were registered from your address lately");
      }
      assertTrue(registered >= 1 && registered <= 5, registered + " guests registered");
    } finally {
      for (TestClient guest : guests) {
        guest.close();
      }
      server.close();
    }
  }

  /** The lines after a /REGISTER's last prompt, up to its answer. */
  private static String answer(TestClient guest) {
    StringBuilder seen = new StringBuilder();
    while (!seen.toString().contains("You registered") && !seen.toString().contains("Error: ")) {
      seen.append(guest.expect("\n", Duration.ofSeconds(30))).append('\n');
    }
    return seen.toString();
  }
}
