package dev.chatshell.auth;

import dev.chatshell.chat.OperatorCredentials;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The configured server operators and the checking of their passwords, made expensive to abuse:
 *
 * <ul>
 *   <li>hashes are checked one at a time on a dedicated platform thread, so a flood of /OPER
 *       attempts cannot occupy the threads that carry everyone's sessions; past a few waiting
 *       checks the answer is "busy";
 *   <li>each failure makes the next attempt from the same address, and for the same operator name,
 *       wait twice as long (from 1 s up to 5 min);
 *   <li>an unknown name costs the same hash check as a known one, so timing does not reveal which
 *       names exist.
 * </ul>
 */
public final class OperatorLogins implements OperatorCredentials, AutoCloseable {
  private static final int QUEUED_CHECKS = 4;

  private final Map<String, String> hashes;
  private final LoginThrottle throttle;
  private final ThreadPoolExecutor checker =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(QUEUED_CHECKS),
          Thread.ofPlatform().name("password-check").daemon(true).factory());
  private volatile String decoy;

  /**
   * @param hashes operator name to password hash ({@link PasswordHash})
   */
  public OperatorLogins(Map<String, String> hashes) {
    this(
        hashes,
        new LoginThrottle(System::nanoTime, Duration.ofSeconds(1), Duration.ofMinutes(5), 10_000));
  }

  OperatorLogins(Map<String, String> hashes, LoginThrottle throttle) {
    this.hashes = Map.copyOf(hashes);
    this.throttle = throttle;
  }

  @Override
  public Check check(String address, String name, char[] password) {
    String byAddress = "address:" + address;
    String byName = "operator:" + name;
    Duration wait = max(throttle.waitFor(byAddress), throttle.waitFor(byName));
    if (!wait.isZero()) {
      return new Check(Verdict.THROTTLED, wait);
    }
    String hash = hashes.get(name);
    String against = hash != null ? hash : decoy();
    boolean matches;
    try {
      Future<Boolean> result = checker.submit(() -> PasswordHash.verify(password, against));
      matches = result.get();
    } catch (RejectedExecutionException e) {
      return Check.BUSY;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Check.BUSY;
    } catch (ExecutionException e) {
      throw new IllegalStateException("checking a password failed", e.getCause());
    }
    if (matches && hash != null) {
      throttle.succeeded(byAddress);
      throttle.succeeded(byName);
      return Check.ACCEPTED;
    }
    throttle.failed(byAddress);
    throttle.failed(byName);
    return Check.REFUSED;
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

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
