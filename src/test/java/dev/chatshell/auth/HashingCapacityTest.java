package dev.chatshell.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may use the hashing threads, made deterministic: a gate holds chosen hashes until the test
 * lets them go, so a lane is known to be full (one thread each, no queue) when the next attempt
 * comes. Everything else is real: SQLite, PBKDF2, the throttles.
 */
class HashingCapacityTest {
  private static final int ITERATIONS = 100_000;
  private static final String HELD = "held password";

  @TempDir Path directory;
  private final AtomicLong nanos = new AtomicLong();
  private final Gate gate = new Gate();
  private Database database;
  private PasswordChecker checker;
  private AccountLogins logins;

  /** PBKDF2, except that checks and hashes of {@link #HELD} wait for the test. */
  private static final class Gate implements PasswordChecker.Hasher {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public boolean verify(char[] password, String stored) {
      hold(password);
      return PasswordHash.verify(password, stored);
    }

    @Override
    public String hash(char[] password, int iterations) {
      hold(password);
      return PasswordHash.hash(password, iterations);
    }

    private void hold(char[] password) {
      if (String.valueOf(password).equals(HELD)) {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  @BeforeEach
  void open() throws Exception {
    database = Database.sqlite(directory.resolve("accounts.db"));
    checker = new PasswordChecker(gate, 1, 0, 0);
    logins =
        new AccountLogins(
            new AccountStore(database),
            checker,
            new LoginThrottle(nanos::get, Duration.ofSeconds(1), Duration.ofMinutes(5), 100),
            Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC),
            ITERATIONS,
            1,
            100);
    assertTrue(logins.register("10.0.0.1", "alice", "secret one".toCharArray()));
  }

  @AfterEach
  void close() throws Exception {
    gate.release.countDown();
    checker.close();
    database.close();
  }

  private PasswordCheck check(String address, String name, String password) {
    return logins.check(address, name, password.toCharArray());
  }

  /** Starts {@code work} on its own thread and returns once its hash holds the lane. */
  private Thread holdLane(Runnable work) throws InterruptedException {
    Thread holder = Thread.ofVirtual().start(work);
    assertTrue(gate.entered.await(10, TimeUnit.SECONDS), "the held hash started");
    return holder;
  }

  @Test
  void aFloodOfRegistrationsNeverTakesTheThreadsThatCheckLogins() throws Exception {
    Thread registering =
        holdLane(() -> logins.register("10.0.2.1", "mallory1", HELD.toCharArray()));
    ChatException busy =
        assertThrows(
            ChatException.class,
            () -> logins.register("10.0.2.2", "mallory2", "password two".toCharArray()));
    assertTrue(
        busy.getMessage().startsWith("Other password checks are under way"), busy.getMessage());

    assertEquals(
        PasswordCheck.ACCEPTED,
        check("10.0.0.9", "alice", "secret one"),
        "the owner's login has a lane registrations never use");

    ChatException retried =
        assertThrows(
            ChatException.class,
            () -> logins.register("10.0.2.2", "mallory2", "password two".toCharArray()));
    assertTrue(
        retried.getMessage().startsWith("Too many accounts were registered from your address"),
        "the busy attempt counted against the retrier: " + retried.getMessage());

    gate.release.countDown();
    registering.join();
  }

  @Test
  void guessingAddressesHaveALaneOfTheirOwn() throws Exception {
    for (int i = 0; i < Guesses.GUESSING_AFTER; i++) {
      check("10.0.1.1", "alice", "guess " + i);
      check("10.0.1.2", "alice", "guess " + i);
      nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    }
    Thread guessing = holdLane(() -> check("10.0.1.1", "alice", HELD));
    assertEquals(
        Verdict.BUSY, check("10.0.1.2", "alice", "another guess").verdict(), "guessers queue");
    assertEquals(
        PasswordCheck.ACCEPTED,
        check("10.0.0.9", "alice", "secret one"),
        "the owner never waits behind guessers");
    gate.release.countDown();
    guessing.join();
  }

  @Test
  void aBusyAnswerMakesTheRetrierWait() throws Exception {
    Thread holder = holdLane(() -> check("10.0.3.1", "alice", HELD));
    PasswordCheck busy = check("10.0.3.2", "alice", "secret one");
    assertEquals(Verdict.BUSY, busy.verdict());
    assertEquals(Duration.ofSeconds(1), busy.retryAfter());
    gate.release.countDown();
    holder.join();

    PasswordCheck retry = check("10.0.3.2", "alice", "secret one");
    assertEquals(Verdict.THROTTLED, retry.verdict(), "an immediate retry is not free");
    assertEquals(
        PasswordCheck.ACCEPTED,
        check("10.0.0.9", "alice", "secret one"),
        "while another address is checked at once");
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertEquals(PasswordCheck.ACCEPTED, check("10.0.3.2", "alice", "secret one"));
  }

  @Test
  void registrationsAreLimitedPerAddressAndInTotal() {
    AccountLogins limited =
        new AccountLogins(
            new AccountStore(database),
            checker,
            new LoginThrottle(nanos::get, Duration.ofSeconds(1), Duration.ofMinutes(5), 100),
            Clock.systemUTC(),
            ITERATIONS,
            2,
            3);
    assertTrue(limited.register("10.0.4.1", "a1", "password".toCharArray()));
    assertTrue(limited.register("10.0.4.1", "a2", "password".toCharArray()));
    ChatException perAddress =
        assertThrows(
            ChatException.class,
            () -> limited.register("10.0.4.1", "a3", "password".toCharArray()));
    assertEquals(
        "Too many accounts were registered from your address lately; try again in 60 min.",
        perAddress.getMessage());
    assertTrue(limited.register("10.0.4.2", "b1", "password".toCharArray()));
    ChatException total =
        assertThrows(
            ChatException.class,
            () -> limited.register("10.0.4.3", "c1", "password".toCharArray()));
    assertEquals(
        "Too many accounts were registered on this server lately; try again in 60 min.",
        total.getMessage());
    nanos.addAndGet(Duration.ofMinutes(45).toNanos());
    ChatException later =
        assertThrows(
            ChatException.class,
            () -> limited.register("10.0.4.3", "c1", "password".toCharArray()));
    assertTrue(later.getMessage().endsWith("try again in 15 min."), later.getMessage());
    nanos.addAndGet(Duration.ofMinutes(15).toNanos());
    assertTrue(limited.register("10.0.4.3", "c1", "password".toCharArray()), "an hour later");
    assertTrue(
        limited.register("10.0.4.3", "c2", "password".toCharArray()),
        "attempts refused by the server's limit used up none of the address's own");
  }
}
