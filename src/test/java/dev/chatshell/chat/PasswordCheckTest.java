package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a user is told when a password check fails. */
class PasswordCheckTest {
  private static final String WRONG = "Wrong password for alice.";

  private static String message(PasswordCheck check) {
    return assertThrows(ChatException.class, () -> check.requireAccepted(WRONG)).getMessage();
  }

  @Test
  void anAcceptedCheckThrowsNothing() {
    PasswordCheck.ACCEPTED.requireAccepted(WRONG);
  }

  @Test
  void aRefusedCheckSaysTheCallersMessage() {
    assertEquals(WRONG, message(PasswordCheck.REFUSED));
  }

  @Test
  void aLockedAccountIsSaidToBeLocked() {
    String message = message(PasswordCheck.LOCKED);
    assertTrue(message.contains("locked"), message);
  }

  @Test
  void aBusyCheckSaysToTryAgainInAMoment() {
    String message = message(PasswordCheck.BUSY);
    assertTrue(message.contains("under way") && message.contains("try again"), message);
  }

  @Test
  void aThrottledCheckSaysHowManySecondsToWaitAtLeastOne() {
    assertTrue(
        message(PasswordCheck.throttled(Duration.ofSeconds(30))).contains("try again in 30 s."));
    assertTrue(
        message(PasswordCheck.throttled(Duration.ofMinutes(5))).contains("try again in 300 s."));
    assertTrue(
        message(PasswordCheck.throttled(Duration.ofMillis(300))).contains("try again in 1 s."));
    assertTrue(message(PasswordCheck.throttled(Duration.ofNanos(1))).contains("try again in 1 s."));
    assertTrue(message(PasswordCheck.throttled(Duration.ZERO)).contains("try again in 1 s."));
  }
}
