package dev.chatshell.auth;

import dev.chatshell.chat.Accounts;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.Names;
import dev.chatshell.chat.PasswordCheck;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts kept in the database, with their passwords made expensive to guess:
 *
 * <ul>
 *   <li>hashes are made and checked on the {@link PasswordChecker}'s own thread;
 *   <li>each failure makes the next attempt from the same address, and for the same account, wait
 *       twice as long (from 1 s up to 5 min), whoever tries;
 *   <li>an account that does not exist costs the same hash check as one that does.
 * </ul>
 *
 * Accounts are read from the database at each check, not cached, so an operator's offline tools
 * ({@code chatshell accounts lock}) take effect at the next login.
 */
public final class AccountLogins implements Accounts {
  private static final Logger log = LoggerFactory.getLogger(AccountLogins.class);
  private static final String STORE_FAILED =
      "The account database is not answering; nothing was changed. Try again later.";

  private final AccountStore store;
  private final PasswordChecker checker;
  private final LoginThrottle throttle;
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
    this.clock = clock;
    this.iterations = iterations;
  }

  @Override
  public Optional<String> registered(String name) {
    if (Names.nickProblem(name) != null) {
      return Optional.empty(); // not a nick, so never an account: no need to ask the database
    }
    try {
      return store.find(name).map(AccountStore.Account::name);
    } catch (StoreException e) {
      throw failed(e);
    }
  }

  @Override
  public PasswordCheck check(String address, String name, char[] password) {
    String byAddress = LoginThrottle.byAddress(address);
    String byAccount = "account:" + Names.key(name);
    Duration wait = throttle.waitFor(byAddress, byAccount);
    if (!wait.isZero()) {
      return PasswordCheck.throttled(wait);
    }
    Optional<AccountStore.Account> account;
    try {
      account = store.find(name);
    } catch (StoreException e) {
      throw failed(e);
    }
    String hash = account.map(AccountStore.Account::passwordHash).orElseGet(this::decoy);
    Boolean matches = checker.verify(password, hash);
    if (matches == null) {
      return PasswordCheck.BUSY;
    }
    if (!matches || account.isEmpty()) {
      throttle.failed(byAddress, byAccount);
      return PasswordCheck.REFUSED;
    }
    throttle.succeeded(byAddress, byAccount);
    return account.get().locked() ? PasswordCheck.LOCKED : PasswordCheck.ACCEPTED;
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
