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
 *   <li>hashes are made and checked on the {@link PasswordChecker}'s own thread;
 *   <li>each failure makes the next attempt from the same address (an IPv6 /64), and for the same
 *       account from that address, wait twice as long (from 1 s up to 5 min); a success lifts only
 *       the account's penalties, not the address's;
 *   <li>failures on one account from anywhere also slow its logins everywhere, but only up to
 *       {@link #ACCOUNT_MAX_WAIT}, so someone guessing from many addresses cannot lock the owner
 *       out for long;
 *   <li>a locked account answers "locked" whatever the password, so a lock confirms no guess;
 *   <li>an account that does not exist costs the same hash check as one that does.
 * </ul>
 *
 * Accounts are read from the database at each check, not cached, so an operator's offline tools
 * ({@code chatshell accounts lock}) take effect at the next login.
 */
public final class AccountLogins implements Accounts {
  private static final Logger log = LoggerFactory.getLogger(AccountLogins.class);

  /** The longest that failures from elsewhere can make an account's owner wait. */
  public static final Duration ACCOUNT_MAX_WAIT = Duration.ofSeconds(30);

  private static final String STORE_FAILED =
      "The account database is not answering; nothing was changed. Try again later.";

  private final AccountStore store;
  private final PasswordChecker checker;
  private final LoginThrottle throttle;
  private final LoginThrottle accountThrottle;
  private final Clock clock;
  private final int iterations;
  private volatile String decoy;

  /**
   * @param iterations the PBKDF2 work factor of new hashes ({@link PasswordHash#ITERATIONS})
   */
  public AccountLogins(
      AccountStore store,
      PasswordChecker checker,
      LoginThrottle throttle,
      Clock clock,
      int iterations) {
    this.store = store;
    this.checker = checker;
    this.throttle = throttle;
    this.accountThrottle = throttle.withMax(ACCOUNT_MAX_WAIT);
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
  public PasswordCheck check(String address, String name, char[] password) {
    String byAddress = LoginThrottle.byAddress(address);
    String account = "account:" + Names.key(name);
    String accountHere = account + "@" + byAddress;
    Duration wait = max(throttle.waitFor(byAddress, accountHere), accountThrottle.waitFor(account));
    if (!wait.isZero()) {
      return PasswordCheck.throttled(wait);
    }
    Optional<AccountStore.Account> found;
    try {
      found = store.find(name);
    } catch (StoreException e) {
      throw failed(e);
    }
    String hash = found.map(AccountStore.Account::passwordHash).orElseGet(this::decoy);
    Boolean matches = checker.verify(password, hash);
    if (matches == null) {
      return PasswordCheck.BUSY;
    }
    if (found.isPresent() && found.get().locked()) {
      // Locked whatever was typed, so a lock does not confirm a guess; and guessing stays slow.
      throttle.failed(byAddress, accountHere);
      accountThrottle.failed(account);
      return PasswordCheck.LOCKED;
    }
    if (!matches || found.isEmpty()) {
      throttle.failed(byAddress, accountHere);
      accountThrottle.failed(account);
      return PasswordCheck.REFUSED;
    }
    // Only this account's penalties are lifted: succeeding on one's own account must not reset
    // the address's count of guesses at others.
    throttle.succeeded(accountHere);
    accountThrottle.succeeded(account);
    return PasswordCheck.ACCEPTED;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public boolean register(String name, char[] password) {
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
        throw new ChatException("There is no account " + name + " any more.");
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
      throw new ChatException("Other password checks are under way; try again in a moment.");
    }
    return hash;
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
    return new ChatException(STORE_FAILED);
  }
}
