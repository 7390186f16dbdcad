package dev.chatshell.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chatshell.chat.PasswordCheck;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One check at a time per address. Found by review: ten wrong guesses sent together from one fresh
 * address all passed as "not guessing" (failures are counted once a hash says so) and filled the
 * hashing threads that check owners' logins.
 */
class GuessesTest {
  private final AtomicLong nanos = new AtomicLong();
  private final Guesses guesses =
      new Guesses(
          new LoginThrottle(nanos::get, Duration.ofSeconds(1), Duration.ofMinutes(5), 100),
          "account");

  @Test
  void aSecondCheckFromTheSameAddressWaitsForTheFirst() {
    Guesses.Attempt first = guesses.attempt("192.0.2.7", "alice");
    assertNull(guesses.admit(first));

    PasswordCheck second = guesses.admit(guesses.attempt("192.0.2.7", "bob"));
    assertNotNull(second, "a burst from one address is checked one at a time");
    assertEquals(PasswordCheck.throttled(Guesses.ONE_AT_A_TIME), second);

    assertNull(guesses.admit(guesses.attempt("198.51.100.9", "alice")), "other addresses go on");
    guesses.done(first);
    assertNull(
        guesses.admit(guesses.attempt("192.0.2.7", "bob")), "its turn once the first is over");
  }
}
