package dev.chatshell.auth;

import dev.chatshell.chat.OperatorCredentials;
import dev.chatshell.chat.PasswordCheck;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 *
 * <p>An operator may also have public keys ({@code operator.<name>.key} lines): a session that
 * proved it holds one of them (SSH) becomes that operator with /OPER and no password ({@link
 * #keyOf}).
 */
public final class OperatorLogins implements OperatorCredentials {
  private final Map<String, String> hashes;
  private final Map<String, List<PublicKeyLine>> keys; // operator name -> its keys
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
    this(hashes, Map.of(), checker, throttle);
  }

  /**
   * @param hashes operator name to password hash ({@link PasswordHash})
   * @param keys operator name to its OpenSSH public-key lines (checked already: a line {@link
   *     PublicKeyLine} refuses is refused here too, with its reason)
   * @param checker where the hashes are checked
   * @param throttle slows down guessing (see the other constructor)
   */
  public OperatorLogins(
      Map<String, String> hashes,
      Map<String, List<String>> keys,
      PasswordChecker checker,
      LoginThrottle throttle) {
    this.hashes = Map.copyOf(hashes);
    Map<String, List<PublicKeyLine>> read = new TreeMap<>();
    keys.forEach(
        (name, lines) -> read.put(name, lines.stream().map(PublicKeyLine::parse).toList()));
    this.keys = Map.copyOf(read);
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

  @Override
  public String keyOf(String name, String publicKeyLine) {
    List<PublicKeyLine> held = keys.get(name);
    if (held == null || publicKeyLine == null) {
      return null;
    }
    PublicKeyLine proven;
    try {
      proven = PublicKeyLine.parse(publicKeyLine);
    } catch (IllegalArgumentException e) {
      return null; // no kind of key an operator can have
    }
    for (PublicKeyLine key : held) {
      if (key.publicKey().equals(proven.publicKey())) {
        return key.fingerprint();
      }
    }
    return null;
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
