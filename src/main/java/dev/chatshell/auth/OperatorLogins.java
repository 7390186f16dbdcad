package dev.chatshell.auth;

import dev.chatshell.chat.OperatorCredentials;
import dev.chatshell.chat.PasswordCheck;
import java.time.Duration;
import java.util.Map;

/**
 * The configured server operators and the checking of their passwords, made expensive to abuse:
 *
 * <ul>
 *   <li>hashes are checked on the {@link PasswordChecker}'s own thread, so a flood of /OPER
 *       attempts cannot occupy the threads that carry everyone's sessions; past a few waiting
 *       checks the answer is "busy";
 *   <li>each failure makes the next attempt from the same address, and for the same operator name,
 *       wait twice as long (from 1 s up to 5 min);
 *   <li>an unknown name costs the same hash check as a known one, so timing does not reveal which
 *       names exist.
 * </ul>
 */
public final class OperatorLogins implements OperatorCredentials {
  private final Map<String, String> hashes;
  private final PasswordChecker checker;
  private final LoginThrottle throttle;
  private volatile String decoy;

  /**
   * @param hashes operator name to password hash ({@link PasswordHash})
   * @param checker where the hashes are checked
   * @param throttle slows down guessing, by address and by operator name
   */
  public OperatorLogins(
      Map<String, String> hashes, PasswordChecker checker, LoginThrottle throttle) {
    this.hashes = Map.copyOf(hashes);
    this.checker = checker;
    this.throttle = throttle;
  }

  @Override
  public PasswordCheck check(String address, String name, char[] password) {
    String byAddress = LoginThrottle.byAddress(address);
    String byName = "operator:" + name;
    Duration wait = throttle.waitFor(byAddress, byName);
    if (!wait.isZero()) {
      return PasswordCheck.throttled(wait);
    }
    String hash = hashes.get(name);
    Boolean matches = checker.verify(password, hash != null ? hash : decoy());
    if (matches == null) {
      return PasswordCheck.BUSY;
    }
    if (matches && hash != null) {
      throttle.succeeded(byAddress, byName);
      return PasswordCheck.ACCEPTED;
    }
    throttle.failed(byAddress, byName);
    return PasswordCheck.REFUSED;
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
