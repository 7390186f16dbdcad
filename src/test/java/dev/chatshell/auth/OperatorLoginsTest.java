package dev.chatshell.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.PasswordCheck;
import dev.chatshell.chat.PasswordCheck.Verdict;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Operator logins: right and wrong passwords, unknown names, and the throttling of failures. */
class OperatorLoginsTest {
  // The minimum work factor keeps these tests fast; the checks are the same.
  private static final String HASH = PasswordHash.hash("right password".toCharArray(), 100_000);
  private final AtomicLong now = new AtomicLong();
  private final OperatorLogins logins =
      new OperatorLogins(
          Map.of("root", HASH),
          new PasswordChecker(),
          new LoginThrottle(now::get, Duration.ofSeconds(1), Duration.ofMinutes(5), 100));

  /** Issue 14: operators' keys (operator.<name>.key), for /OPER over SSH and the SSH door. */
  @Test
  void anOperatorsKeyIsKnownByItsLineAndByTheKeyItself() {
    String rootKey = dev.chatshell.testing.SshKeygen.ed25519Line("root@laptop");
    String sharedKey = dev.chatshell.testing.SshKeygen.ed25519Line("shared");
    String strangerKey = dev.chatshell.testing.SshKeygen.ed25519Line("stranger");
    OperatorLogins keyed =
        new OperatorLogins(
            Map.of("root", HASH),
            Map.of(
                "root", java.util.List.of(rootKey, sharedKey), "ops", java.util.List.of(sharedKey)),
            new PasswordChecker(),
            new LoginThrottle(now::get, Duration.ofSeconds(1), Duration.ofMinutes(5), 100));
    PublicKeyLine root = PublicKeyLine.parse(rootKey);
    String proven = root.publicKey(); // as the session has it: no comment

    assertEquals(root.fingerprint(), keyed.keyOf("root", proven));
    assertEquals(null, keyed.keyOf("ops", proven), "another operator's key");
    assertEquals(null, keyed.keyOf("nobody", proven));
    assertEquals(null, keyed.keyOf("root", strangerKey));
    assertEquals(null, keyed.keyOf("root", "not a key"));
    assertEquals(null, keyed.keyOf("root", null));
    String shared = PublicKeyLine.parse(sharedKey).publicKey();
    assertEquals(PublicKeyLine.parse(sharedKey).fingerprint(), keyed.keyOf("ops", shared));
    assertEquals(PublicKeyLine.parse(sharedKey).fingerprint(), keyed.keyOf("root", shared));
    assertEquals(null, logins.keyOf("root", proven), "no keys configured");
  }

  @Test
  void anOperatorWithKeysOnlyHasNoPassword() {
    OperatorLogins keyed =
        new OperatorLogins(
            Map.of(),
            Map.of("ops", java.util.List.of(dev.chatshell.testing.SshKeygen.ed25519Line("k"))),
            new PasswordChecker(),
            new LoginThrottle(now::get, Duration.ofSeconds(1), Duration.ofMinutes(5), 100));

    assertEquals(Verdict.REFUSED, keyed.check("10.0.0.1", "ops", "".toCharArray()).verdict());
  }

  @Test
  void theRightPasswordIsAccepted() {
    assertEquals(
        PasswordCheck.ACCEPTED, logins.check("10.0.0.1", "root", "right password".toCharArray()));
  }

  @Test
  void aWrongPasswordOrAnUnknownNameIsRefused() {
    assertEquals(Verdict.REFUSED, logins.check("10.0.0.1", "root", "nope".toCharArray()).verdict());
    assertEquals(
        Verdict.REFUSED,
        logins.check("10.0.0.2", "nobody", "right password".toCharArray()).verdict());
  }

  @Test
  void failuresThrottleTheAddressEvenWithTheRightPasswordButNotOtherAddresses() {
    logins.check("10.0.0.1", "root", "nope".toCharArray());
    PasswordCheck sameAddress = logins.check("10.0.0.1", "root", "right password".toCharArray());
    assertEquals(Verdict.THROTTLED, sameAddress.verdict());
    assertEquals(Duration.ofSeconds(1), sameAddress.retryAfter());
    assertEquals(
        PasswordCheck.ACCEPTED,
        logins.check("10.0.0.9", "root", "right password".toCharArray()),
        "another address is not held back by this one's failure");
    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertEquals(
        PasswordCheck.ACCEPTED, logins.check("10.0.0.1", "root", "right password".toCharArray()));
  }

  /** Five addresses guess at root for five minutes; the real operator, elsewhere, never waits. */
  @Test
  void guessesFromOtherAddressesNeverKeepTheOperatorOut() {
    int guesses = 0;
    for (int second = 0; second < 300; second++) {
      for (int i = 0; i < 5; i++) {
        PasswordCheck answer = logins.check("10.0.1." + i, "root", ("guess" + i).toCharArray());
        guesses += answer.verdict() == Verdict.REFUSED ? 1 : 0;
      }
      if (second % 20 == 0) {
        assertEquals(
            PasswordCheck.ACCEPTED,
            logins.check("10.9.9.9", "root", "right password".toCharArray()),
            "the operator at second " + second);
      }
      now.addAndGet(Duration.ofSeconds(1).toNanos());
    }
    // Each address alone is checked at 0, 1, 3, 7, 15, 31, 63, 127 and 255 s.
    assertTrue(guesses <= 5 * 9, guesses + " guesses were checked: each address is slowed");
  }

  @Test
  void anUnknownNameCostsAHashCheckToo() {
    long start = System.nanoTime();
    logins.check("10.0.0.3", "nobody", "x".toCharArray());
    long unknown = System.nanoTime() - start;
    // PBKDF2 at 100,000 iterations takes tens of milliseconds; a map lookup takes microseconds.
    assertTrue(unknown > 5_000_000, "an unknown name was answered in " + unknown + " ns");
  }
}
