package dev.chatshell.chat;

import java.time.Duration;

/**
 * The outcome of checking a password (an operator's or an account's); {@code retryAfter} says how
 * long to wait when throttled.
 */
public record PasswordCheck(Verdict verdict, Duration retryAfter) {
  public static final PasswordCheck ACCEPTED = new PasswordCheck(Verdict.ACCEPTED, Duration.ZERO);
  public static final PasswordCheck REFUSED = new PasswordCheck(Verdict.REFUSED, Duration.ZERO);
  public static final PasswordCheck LOCKED = new PasswordCheck(Verdict.LOCKED, Duration.ZERO);
  public static final PasswordCheck BUSY = new PasswordCheck(Verdict.BUSY, Duration.ZERO);

  /** Too many checks at once; the asker should wait {@code retryAfter} (zero: a moment). */
  public static PasswordCheck busy(Duration retryAfter) {
    return new PasswordCheck(Verdict.BUSY, retryAfter);
  }

  /** A refusal for trying again too soon after failures. */
  public static PasswordCheck throttled(Duration retryAfter) {
    return new PasswordCheck(Verdict.THROTTLED, retryAfter);
  }

  /**
   * Accepted; wrong name or password; right password but the account is locked; too many checks at
   * once; too many failures lately.
   */
  public enum Verdict {
    ACCEPTED,
    REFUSED,
    LOCKED,
    BUSY,
    THROTTLED
  }

  /**
   * Throws the {@link ChatException} that tells the user why a check other than {@link
   * Verdict#ACCEPTED} failed; {@code refused} is the message for a wrong password.
   */
  public void requireAccepted(String refused) {
    switch (verdict) {
      case ACCEPTED -> {}
      case REFUSED -> throw new ChatException(ChatException.Reason.BAD_PASSWORD, refused);
      case LOCKED ->
          throw new ChatException(
              ChatException.Reason.LOCKED,
              "That account is locked; a server operator can unlock it.");
      case BUSY ->
          throw new ChatException(
              ChatException.Reason.TRY_LATER,
              "Other password checks are under way; try again in "
                  + (retryAfter.isZero() ? "a moment." : seconds(retryAfter)),
              retryAfter);
      case THROTTLED ->
          throw new ChatException(
              ChatException.Reason.TRY_LATER,
              "Too many wrong passwords lately; try again in " + seconds(retryAfter),
              retryAfter);
    }
  }

  private static String seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000) + " s."; // rounded up
  }
}
