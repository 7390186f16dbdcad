package dev.chatshell.auth;

import dev.chatshell.chat.PasswordCheck;
import java.time.Duration;

/**
 * The throttling of password checks against one kind of name (accounts, operator names), shared by
 * {@link AccountLogins} and {@link OperatorLogins}. Designed so that guesses from other addresses
 * never keep out a right password from an address that has not been guessing:
 *
 * <ul>
 *   <li>each failure from an address (an IPv6 /64) doubles the wait before that address's next
 *       check, of any name (1 s up to 5 min), and so does each failure for the same name from that
 *       address; a success lifts only the name's penalty at that address;
 *   <li>an address with {@link #GUESSING_AFTER} or more failures not yet forgotten (they are,
 *       {@link LoginThrottle#FORGET_AFTER} after the last) is <em>guessing</em>: its checks of one
 *       name, together with those of every other guessing address, are capped at {@link
 *       #CHECKS_PER_MINUTE} a minute, and run on a hashing thread of their own;
 *   <li>an address that is not guessing bypasses that cap, so no number of guessing addresses can
 *       lock the owner out;
 *   <li>an address has one check under way at a time: a burst sent together waits its turn;
 *   <li>a "busy" answer (no hashing thread free) makes the same address wait too (1 s doubling), so
 *       retrying in a loop costs the retrier.
 * </ul>
 */
final class Guesses {
  /** Failures after which an address counts as guessing (two typos are forgiven). */
  static final int GUESSING_AFTER = 3;

  /** Checks of one name per minute from all the guessing addresses together. */
  static final int CHECKS_PER_MINUTE = 6;

  /** One check of a name from an address, with the keys it is throttled under. */
  record Attempt(String address, String nameHere, String name, String busy, boolean guessing) {}

  /** What an address is told while another of its checks is under way. */
  static final Duration ONE_AT_A_TIME = Duration.ofSeconds(1);

  private final LoginThrottle throttle;
  private final java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final RateLimit guessedNames;
  private final String kind;

  /**
   * @param kind what the names are, prefixed to their keys ({@code account}, {@code operator}), so
   *     one throttle can serve several kinds and count an address's failures at all of them
   */
  Guesses(LoginThrottle throttle, String kind) {
    this.throttle = throttle;
    this.guessedNames = throttle.rateLimit(CHECKS_PER_MINUTE, Duration.ofMinutes(1));
    this.kind = kind;
  }

  /** An attempt at {@code nameKey} (already folded as names compare) from {@code address}. */
  Attempt attempt(String address, String nameKey) {
    String byAddress = LoginThrottle.byAddress(address);
    String name = kind + ":" + nameKey;
    return new Attempt(
        byAddress,
        name + "@" + byAddress,
        name,
        "busy:" + byAddress,
        throttle.recentFailures(byAddress) >= GUESSING_AFTER);
  }

  /**
   * Null when the attempt may be checked now, and then {@link #done} must follow its check;
   * otherwise the throttled answer to give. One check at a time per address: failures are counted
   * once a hash has said so, and a burst of guesses sent together from one fresh address would
   * otherwise all pass as "not guessing" and fill the hashing threads that owners' logins use.
   */
  PasswordCheck admit(Attempt attempt) {
    Duration wait = throttle.waitFor(attempt.address(), attempt.nameHere(), attempt.busy());
    if (!wait.isZero()) {
      return PasswordCheck.throttled(wait);
    }
    if (!inFlight.add(attempt.address())) {
      return PasswordCheck.throttled(ONE_AT_A_TIME);
    }
    if (attempt.guessing()) {
      wait = guessedNames.take(attempt.name());
      if (!wait.isZero()) {
        inFlight.remove(attempt.address());
        return PasswordCheck.throttled(wait);
      }
    }
    return null;
  }

  /** The check of an admitted attempt is over (whatever its outcome). */
  void done(Attempt attempt) {
    inFlight.remove(attempt.address());
  }

  /** A wrong password (or a locked account): the address and the name from there wait longer. */
  void failed(Attempt attempt) {
    throttle.failed(attempt.address(), attempt.nameHere());
  }

  /** The right password: the name's penalty at this address is lifted, not the address's. */
  void succeeded(Attempt attempt) {
    throttle.succeeded(attempt.nameHere(), attempt.busy());
  }

  /** No hashing thread was free: the retrier waits before the next attempt. */
  PasswordCheck busy(Attempt attempt) {
    throttle.failed(attempt.busy());
    return PasswordCheck.busy(throttle.waitFor(attempt.busy()));
  }
}
