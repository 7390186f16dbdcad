package dev.chatshell.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.PasswordCheck;
import dev.chatshell.chat.PasswordCheck.Verdict;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Account logins over a real SQLite database and real password hashes: registration, right and
 * wrong passwords, locked accounts, the throttling of failures, and database failures.
 */
class AccountLoginsTest {
  // The minimum work factor keeps these tests fast; the checks are the same.
  private static final int ITERATIONS = 100_000;
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  @TempDir Path directory;
  private final AtomicLong nanos = new AtomicLong();
  private Database database;
  private AccountStore store;
  private PasswordChecker checker;
  private AccountLogins logins;

  @BeforeEach
  void open() throws Exception {
    database = Database.sqlite(directory.resolve("accounts.db"));
    store = new AccountStore(database);
    checker = new PasswordChecker();
    logins =
        new AccountLogins(
            store,
            checker,
            new LoginThrottle(nanos::get, Duration.ofSeconds(1), Duration.ofMinutes(5), 100),
            Clock.fixed(NOW, ZoneOffset.UTC),
            ITERATIONS);
  }

  @AfterEach
  void close() {
    checker.close();
    database.close();
  }

  private PasswordCheck check(String address, String name, String password) {
    return logins.check(address, name, password.toCharArray());
  }

  private void register(String name, String password) {
    assertTrue(logins.register("10.0.0.1", name, password.toCharArray()));
  }

  @Test
  void theNamesAreListedAsRegistered() {
    register("Alice", "secret one");
    register("bob", "secret two");
    assertEquals(java.util.List.of("Alice", "bob"), logins.names());
  }

  @Test
  void theRightPasswordIsAcceptedAndAWrongOneRefused() {
    register("alice", "secret one");
    assertEquals(PasswordCheck.ACCEPTED, check("10.0.0.1", "Alice", "secret one"));
    assertEquals(PasswordCheck.REFUSED, check("10.0.0.1", "alice", "secret two"));
  }

  @Test
  void aNameIsRegisteredOnceWhateverItsCase() throws Exception {
    register("alice", "secret one");
    assertFalse(logins.register("10.0.0.1", "alice", "other".toCharArray()));
    assertFalse(logins.register("10.0.0.1", "ALICE", "other".toCharArray()));
    assertEquals("alice", store.find("alice").orElseThrow().name());
    assertEquals(PasswordCheck.ACCEPTED, check("10.0.0.1", "alice", "secret one"), "kept");
  }

  @Test
  void aLockedAccountSaysLockedWhateverThePasswordAndConfirmsNoGuess() throws Exception {
    register("alice", "secret one");
    assertTrue(store.setLocked("ALICE", true));
    assertEquals(PasswordCheck.LOCKED, check("10.0.0.1", "alice", "secret one"));
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertEquals(
        PasswordCheck.LOCKED,
        check("10.0.0.2", "alice", "wrong"),
        "a wrong password gets the same answer, so a lock tells a guesser nothing");
    assertEquals(
        Verdict.THROTTLED,
        check("10.0.0.2", "alice", "secret one").verdict(),
        "tries at a locked account count as failures");
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertTrue(store.setLocked("alice", false));
    assertEquals(
        PasswordCheck.ACCEPTED, check("10.0.0.1", "alice", "secret one"), "read at each check");
  }

  @Test
  void aFailureThrottlesTheAddressButNotTheAccountElsewhere() {
    register("alice", "secret one");
    register("bob", "secret two");
    assertEquals(PasswordCheck.REFUSED, check("10.0.0.1", "alice", "wrong"));

    PasswordCheck sameAddress = check("10.0.0.1", "alice", "secret one");
    assertEquals(Verdict.THROTTLED, sameAddress.verdict());
    assertEquals(Duration.ofSeconds(1), sameAddress.retryAfter());
    PasswordCheck sameAddressOtherAccount = check("10.0.0.1", "bob", "secret two");
    assertEquals(Verdict.THROTTLED, sameAddressOtherAccount.verdict(), "the address is throttled");
    assertEquals(Duration.ofSeconds(1), sameAddressOtherAccount.retryAfter());
    assertEquals(
        PasswordCheck.ACCEPTED,
        check("10.0.0.9", "ALICE", "secret one"),
        "another address is not held back by this one's failure");

    nanos.addAndGet(Duration.ofMillis(400).toNanos());
    assertEquals(Duration.ofMillis(600), check("10.0.0.1", "alice", "secret one").retryAfter());
    nanos.addAndGet(Duration.ofMillis(600).toNanos());
    assertEquals(PasswordCheck.ACCEPTED, check("10.0.0.1", "alice", "secret one"));
  }

  @Test
  void failuresDoubleTheWaitAndASuccessClearsOnlyTheAccounts() {
    register("alice", "secret one");
    check("10.0.0.1", "alice", "wrong");
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    check("10.0.0.1", "alice", "wrong again");
    assertEquals(Duration.ofSeconds(2), check("10.0.0.1", "alice", "secret one").retryAfter());
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertEquals(PasswordCheck.ACCEPTED, check("10.0.0.1", "alice", "secret one"));
    assertEquals(PasswordCheck.ACCEPTED, check("10.0.0.1", "alice", "secret one"), "cleared");
    assertEquals(PasswordCheck.REFUSED, check("10.0.0.1", "alice", "wrong"));
    assertEquals(
        Duration.ofSeconds(4),
        check("10.0.0.1", "alice", "secret one").retryAfter(),
        "the address keeps its count: succeeding on one's own account does not reset it");
  }

  /** Ten addresses guess at alice for five minutes, each as fast as its own throttle lets it. */
  @Test
  void guessesFromManyAddressesNeverKeepTheOwnerOut() {
    register("alice", "secret one");
    int owner = 0;
    int guesses = 0;
    for (int second = 0; second < 300; second++) {
      for (int i = 0; i < 10; i++) {
        PasswordCheck answer = check("10.0.1." + i, "alice", "guess " + second + "/" + i);
        guesses += answer.verdict() == Verdict.REFUSED ? 1 : 0;
      }
      if (second % 30 == 0) {
        owner++;
        assertEquals(
            PasswordCheck.ACCEPTED,
            check("10.9.9.9", "alice", "secret one"),
            "the owner, from an address that has not been guessing, at second " + second);
      }
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    }
    assertEquals(10, owner);
    // Each address alone would be checked at 0, 1, 3, 7, 15, 31, 63, 127 and 255 s.
    assertTrue(guesses <= 10 * 9, guesses + " guesses were checked: the guessers are slowed");
  }

  @Test
  void guessingAddressesShareACapOfChecksPerAccount() {
    register("alice", "secret one");
    for (int round = 0; round < Guesses.GUESSING_AFTER; round++) {
      for (int i = 0; i < 10; i++) {
        assertEquals(PasswordCheck.REFUSED, check("10.0.1." + i, "bob", "guess"));
      }
      nanos.addAndGet(Duration.ofMinutes(5).toNanos()); // every address's own wait is over
    }
    // Now all ten are guessing: together they get six checks of alice in a minute, not ten.
    int checked = 0;
    PasswordCheck capped = null;
    for (int i = 0; i < 10; i++) {
      PasswordCheck answer = check("10.0.1." + i, "alice", "guess");
      if (answer.verdict() == Verdict.REFUSED) {
        checked++;
      } else {
        capped = answer;
      }
    }
    assertEquals(Guesses.CHECKS_PER_MINUTE, checked);
    assertEquals(Verdict.THROTTLED, capped.verdict());
    assertEquals(
        Duration.ofMinutes(1), capped.retryAfter(), "until the first of them is a minute old");
    assertEquals(
        PasswordCheck.ACCEPTED,
        check("10.0.0.7", "alice", "secret one"),
        "an address that has not been guessing bypasses the cap");
    assertEquals(
        PasswordCheck.REFUSED,
        check("10.0.1.9", "bob", "guess"),
        "the cap is per account: guesses at bob are still checked");
  }

  @Test
  void aTypoOrTwoDoNotMakeTheOwnerAGuesserAndFailuresAreForgotten() {
    register("alice", "secret one");
    for (int round = 0; round < Guesses.GUESSING_AFTER; round++) {
      for (int i = 0; i < 10; i++) {
        check("10.0.1." + i, "alice", "guess");
      }
      nanos.addAndGet(Duration.ofMinutes(5).toNanos());
    }
    for (int i = 0; i < 10; i++) {
      check("10.0.1." + i, "alice", "guess"); // the guessers use up the cap
    }
    assertEquals(PasswordCheck.REFUSED, check("10.9.9.9", "alice", "typo one"));
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertEquals(PasswordCheck.REFUSED, check("10.9.9.9", "alice", "typo two"));
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertEquals(
        PasswordCheck.ACCEPTED, check("10.9.9.9", "alice", "secret one"), "two typos forgiven");

    assertEquals(
        Verdict.THROTTLED, check("10.0.1.0", "alice", "secret one").verdict(), "a guesser waits");
    nanos.addAndGet(LoginThrottle.FORGET_AFTER.toNanos());
    assertEquals(
        PasswordCheck.ACCEPTED,
        check("10.0.1.0", "alice", "secret one"),
        "15 minutes after its last failure an address is not guessing any more");
  }

  @Test
  void anIpv6HostIsThrottledByItsSlash64() {
    register("alice", "secret one");
    check("2001:db8:1:2::1", "alice", "wrong");
    assertEquals(
        Verdict.THROTTLED,
        check("2001:db8:1:2:ffff::9", "bob", "whatever").verdict(),
        "another address in the same /64");
  }

  @Test
  void anUnknownAccountIsRefusedAfterAHashCheckToo() {
    register("alice", "secret one");
    assertEquals(PasswordCheck.REFUSED, check("10.0.0.1", "nobody", "x")); // makes the decoy
    long start = System.nanoTime();
    PasswordCheck unknown = check("10.0.0.2", "nobody2", "secret one");
    long elapsed = System.nanoTime() - start;
    assertEquals(PasswordCheck.REFUSED, unknown);
    // PBKDF2 at 100,000 iterations takes tens of milliseconds; a missing row takes microseconds.
    assertTrue(elapsed > 5_000_000, "an unknown account was answered in " + elapsed + " ns");
    PasswordCheck again = check("10.0.0.2", "NOBODY2", "x");
    assertEquals(Verdict.THROTTLED, again.verdict(), "unknown names are throttled like others");
  }

  @Test
  void aNewPasswordReplacesTheOldOne() throws Exception {
    register("alice", "secret one");
    logins.setPassword("ALICE", "secret two".toCharArray());
    assertEquals(PasswordCheck.ACCEPTED, check("10.0.0.1", "alice", "secret two"));
    assertEquals(PasswordCheck.REFUSED, check("10.0.0.2", "alice", "secret one"));
    String stored = store.find("alice").orElseThrow().passwordHash();
    assertEquals(ITERATIONS, PasswordHash.iterations(stored));
    assertFalse(stored.contains("secret two"), stored);
  }

  @Test
  void theNewPasswordOfAMissingAccountIsRefused() {
    ChatException refused =
        assertThrows(
            ChatException.class, () -> logins.setPassword("ghost", "secret".toCharArray()));
    assertTrue(refused.getMessage().contains("ghost"), refused.getMessage());
  }

  @Test
  void onlyAPbkdf2HashIsStoredNeverThePassword() throws Exception {
    register("Alice", "correct horse battery staple");
    AccountStore.Account account = store.find("alice").orElseThrow();
    String stored = account.passwordHash();
    assertNull(PasswordHash.problem(stored), stored);
    assertTrue(stored.startsWith(PasswordHash.SCHEME + ":"), stored);
    assertEquals(ITERATIONS, PasswordHash.iterations(stored));
    assertFalse(stored.contains("correct horse"), stored);
    assertFalse(stored.contains("battery"), stored);
    assertTrue(PasswordHash.verify("correct horse battery staple".toCharArray(), stored));
    assertEquals(NOW, account.created(), "registered at the clock's time");
    assertFalse(account.locked());
  }

  @Test
  void aDatabaseFailureSaysNothingWasChanged() {
    register("alice", "secret one");
    database.close();
    for (Runnable call :
        new Runnable[] {
          () -> logins.names(),
          () -> logins.check("10.0.0.1", "alice", "secret one".toCharArray()),
          () -> logins.register("10.0.0.1", "bob", "secret".toCharArray()),
          () -> logins.setPassword("alice", "secret two".toCharArray())
        }) {
      ChatException failed = assertThrows(ChatException.class, call::run);
      assertTrue(failed.getMessage().contains("nothing was changed"), failed.getMessage());
    }
  }
}
