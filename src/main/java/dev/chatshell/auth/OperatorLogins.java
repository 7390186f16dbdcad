package dev.chatshell.auth;

import dev.chatshell.chat.OperatorCredentials;
import dev.chatshell.chat.PasswordCheck;
import java.util.Map;

/**
 * The configured server operators and the checking of their passwords, made expensive to abuse:
 *
 * <ul>
 *   <li>hashes are checked on the {@link PasswordChecker}'s own thread, so a flood of /OPER
 *       attempts cannot occupy the threads that carry everyone's sessions; past a few waiting
 *       checks the answer is "busy";
 *   <li>wrong passwords are throttled per address and per operator name from that address, and
 *       guessing addresses share a per-name cap that others bypass ({@link Guesses}), so guesses
 *       from other addresses never keep the real operator out;
 *   <li>an unknown name costs the same hash check as a known one, so timing does not reveal which
 *       names exist.
 * </ul>
 */
public final class OperatorLogins implements OperatorCredentials {
  private final Map<String, String> hashes;
  private final PasswordChecker checker;
  private final Guesses guesses;
  private volatile String decoy;

  /**
   * @param hashes operator name to password hash ({@link PasswordHash})
   * @param checker where the hashes are checked
   * @param throttle slows down guessing, by address and by operator name from an address (shared
   *     with the account logins, so an address's failures count whatever it guessed)
   */
  public OperatorLogins(
      Map<String, String> hashes, PasswordChecker checker, LoginThrottle throttle) {
    this.hashes = Map.copyOf(hashes);
    this.checker = checker;
    this.guesses = new Guesses(throttle, "operator");
  }

  @Override
  public PasswordCheck check(String address, String name, char[] password) {
    Guesses.Attempt attempt = guesses.attempt(address, name);
    PasswordCheck throttled = guesses.admit(attempt);
    if (throttled != null) {
      return throttled;
    }
    try {
      String hash = hashes.get(name);
      Boolean matches = checker.verify(password, hash != null ? hash : decoy(), attempt.guessing());
      if (matches == null) {
        return guesses.busy(attempt);
      }
      if (matches && hash != null) {
        guesses.succeeded(attempt);
        return PasswordCheck.ACCEPTED;
      }
      guesses.failed(attempt);
      return PasswordCheck.REFUSED;
    } finally {
      guesses.done(attempt);
    }
  }

  /**
   * A hash of nothing to check unknown names against, at the cost of a configured hash (so an
   * unknown name takes as long), made on first use.
   */
  private String decoy() {
    String made = decoy;
    if (made == null) {
      int iterations =
          hashes.values().stream()
              .findFirst()
              .map(PasswordHash::iterations)
              .orElse(PasswordHash.ITERATIONS);
      made = PasswordHash.hash("no such operator".toCharArray(), iterations);
      decoy = made;
    }
    return made;
  }
}
