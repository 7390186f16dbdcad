package dev.chatshell.auth;

import dev.chatshell.chat.Accounts;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.Names;
import dev.chatshell.chat.PasswordCheck;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts kept in the database, with their passwords made expensive to guess:
 *
 * <ul>
 *   <li>hashes are made and checked on the {@link PasswordChecker}'s own threads;
 *   <li>wrong passwords are throttled per address and per account from that address, and guessing
 *       addresses share a per-account cap that others bypass ({@link Guesses}): guesses from
 *       elsewhere never keep the owner out;
 *   <li>a locked account answers "locked" whatever the password, so a lock confirms no guess;
 *   <li>an account that does not exist costs the same hash check as one that does;
 *   <li>registrations are limited per address and in total per hour, each attempt counted before
 *       its hash is made (a "busy" answer included), and new hashes have a thread of their own, so
 *       registrations never take the capacity that logins use.
 * </ul>
 *
 * Accounts are read from the database at each check, not cached, so an operator's offline tools
 * ({@code chatshell accounts lock}) take effect at the next login.
 */
public final class AccountLogins implements Accounts {
  private static final Logger log = LoggerFactory.getLogger(AccountLogins.class);

  /** Registrations allowed from one address per hour unless configured. */
  public static final int REGISTRATIONS_PER_ADDRESS = 5;

  /** Registrations allowed from all addresses together per hour unless configured. */
  public static final int REGISTRATIONS_PER_HOUR = 60;

  private static final Duration HOUR = Duration.ofHours(1);

  private static final String STORE_FAILED =
      "The account database is not answering; nothing was changed. Try again later.";

  private final AccountStore store;
  private final PasswordChecker checker;
  private final Guesses guesses;
  private final RateLimit registrationsByAddress;
  private final RateLimit registrations;
  private final Clock clock;
  private final int iterations;
  private volatile String decoy;

  /**
   * Account logins with the default registration limits ({@link #REGISTRATIONS_PER_ADDRESS}, {@link
   * #REGISTRATIONS_PER_HOUR}).
   *
   * @param iterations the PBKDF2 work factor of new hashes ({@link PasswordHash#ITERATIONS})
   */
  public AccountLogins(
      AccountStore store,
      PasswordChecker checker,
      LoginThrottle throttle,
      Clock clock,
      int iterations) {
    this(
        store,
        checker,
        throttle,
        clock,
        iterations,
        REGISTRATIONS_PER_ADDRESS,
        REGISTRATIONS_PER_HOUR);
  }

  /**
   * @param iterations the PBKDF2 work factor of new hashes ({@link PasswordHash#ITERATIONS})
   * @param registrationsPerAddress accounts that one address (an IPv6 /64) may register per hour
   * @param registrationsPerHour accounts that all addresses together may register per hour
   */
  public AccountLogins(
      AccountStore store,
      PasswordChecker checker,
      LoginThrottle throttle,
      Clock clock,
      int iterations,
      int registrationsPerAddress,
      int registrationsPerHour) {
    this.store = store;
    this.checker = checker;
    this.guesses = new Guesses(throttle, "account");
    this.registrationsByAddress = throttle.rateLimit(registrationsPerAddress, HOUR);
    this.registrations = throttle.rateLimit(registrationsPerHour, HOUR);
    this.clock = clock;
    this.iterations = iterations;
  }

  @Override
  public List<String> names() {
    try {
      return store.list().stream().map(AccountStore.Account::name).toList();
    } catch (StoreException e) {
      throw failed(e);
    }
  }

  @Override
  public boolean locked(String name) {
    try {
      return store.find(name).map(AccountStore.Account::locked).orElse(false);
    } catch (StoreException e) {
      throw failed(e);
    }
  }

  @Override
  public PasswordCheck check(String address, String name, char[] password) {
    Guesses.Attempt attempt = guesses.attempt(address, Names.key(name));
    PasswordCheck throttled = guesses.admit(attempt);
    if (throttled != null) {
      return throttled;
    }
    try {
      Optional<AccountStore.Account> found;
      try {
        found = store.find(name);
      } catch (StoreException e) {
        throw failed(e);
      }
      String hash = found.map(AccountStore.Account::passwordHash).orElseGet(this::decoy);
      Boolean matches = checker.verify(password, hash, attempt.guessing());
      if (matches == null) {
        return guesses.busy(attempt);
      }
      if (found.isPresent() && found.get().locked()) {
        // Locked whatever was typed, so a lock does not confirm a guess; and guessing stays slow.
        guesses.failed(attempt);
        return PasswordCheck.LOCKED;
      }
      if (!matches || found.isEmpty()) {
        guesses.failed(attempt);
        return PasswordCheck.REFUSED;
      }
      // Only this account's penalty here is lifted: succeeding on one's own account must not reset
      // the address's count of guesses at others.
      guesses.succeeded(attempt);
      return PasswordCheck.ACCEPTED;
    } finally {
      guesses.done(attempt);
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each attempt that gets as far as its hash counts against the address's and the server's
   * hourly limits, even when the hashing thread is busy or the name turns out to be taken: the hash
   * (or the retry) is what costs, so the one who retries pays for it.
   */
  @Override
  public boolean register(String address, String name, char[] password) {
    String byAddress = LoginThrottle.byAddress(address);
    Duration wait = registrationsByAddress.waitFor(byAddress);
    if (!wait.isZero()) {
      throw new ChatException(
          ChatException.Reason.TRY_LATER,
          "Too many accounts were registered from your address lately; try again in "
              + minutes(wait)
              + ".",
          wait);
    }
    // The server's limit first: an attempt it refuses must not use up the address's own.
    wait = registrations.take("all");
    if (!wait.isZero()) {
      throw new ChatException(
          ChatException.Reason.TRY_LATER,
          "Too many accounts were registered on this server lately; try again in "
              + minutes(wait)
              + ".",
          wait);
    }
    wait = registrationsByAddress.take(byAddress);
    if (!wait.isZero()) { // another registration from the address took the last room meanwhile
      throw new ChatException(
          ChatException.Reason.TRY_LATER,
          "Too many accounts were registered from your address lately; try again in "
              + minutes(wait)
              + ".",
          wait);
    }
    String hash = hash(password);
    try {
      return store.create(name, hash, clock.instant());
    } catch (StoreException e) {
      throw failed(e);
    }
  }

  @Override
  public void setPassword(String name, char[] password) {
    String hash = hash(password);
    try {
      if (!store.setPassword(name, hash)) {
        throw new ChatException(
            ChatException.Reason.NO_SUCH_NICK, "There is no account " + name + " any more.", name);
      }
    } catch (StoreException e) {
      throw failed(e);
    }
  }

  @Override
  public java.util.Set<String> ignored(String account) {
    try {
      return store.ignored(account);
    } catch (StoreException e) {
      throw failed(e);
    }
  }

  @Override
  public void setIgnored(String account, java.util.Set<String> keys) {
    try {
      store.setIgnored(account, keys);
    } catch (StoreException e) {
      throw failed(e);
    }
  }

  private String hash(char[] password) {
    String hash = checker.hash(password, iterations);
    if (hash == null) {
      throw new ChatException(
          ChatException.Reason.TRY_LATER,
          "Other password checks are under way; try again in a moment.",
          Duration.ZERO);
    }
    return hash;
  }

  private static String minutes(Duration wait) {
    return Math.max(1, (wait.toSeconds() + 59) / 60) + " min"; // rounded up
  }

  /** A hash of nothing at the same work factor, so an unknown name takes as long; made once. */
  private String decoy() {
    String made = decoy;
    if (made == null) {
      made = PasswordHash.hash("no such account".toCharArray(), iterations);
      decoy = made;
    }
    return made;
  }

  private static ChatException failed(StoreException e) {
    log.error("Account database: {}", e.getMessage(), e);
    return new ChatException(ChatException.Reason.UNAVAILABLE, STORE_FAILED);
  }
}
