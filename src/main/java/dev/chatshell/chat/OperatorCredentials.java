package dev.chatshell.chat;

import java.time.Duration;

/**
 * Checks an operator name and password for /OPER. The check is slow on purpose and throttled by the
 * implementation; the domain only applies its verdict.
 */
@FunctionalInterface
public interface OperatorCredentials {
  /** No operators at all. */
  OperatorCredentials NONE = (address, name, password) -> Check.REFUSED;

  /** The outcome of a check; {@code retryAfter} says how long to wait when throttled. */
  record Check(Verdict verdict, Duration retryAfter) {
    public static final Check ACCEPTED = new Check(Verdict.ACCEPTED, Duration.ZERO);
    public static final Check REFUSED = new Check(Verdict.REFUSED, Duration.ZERO);
    public static final Check BUSY = new Check(Verdict.BUSY, Duration.ZERO);
  }

  /** Accepted; wrong name or password; too many checks at once; too many failures lately. */
  enum Verdict {
    ACCEPTED,
    REFUSED,
    BUSY,
    THROTTLED
  }

  /** Checks {@code password} for operator {@code name}, asked from {@code address}. */
  Check check(String address, String name, char[] password);
}
