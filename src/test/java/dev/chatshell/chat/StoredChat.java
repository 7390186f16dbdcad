package dev.chatshell.chat;

import dev.chatshell.auth.AccountLogins;
import dev.chatshell.auth.LoginThrottle;
import dev.chatshell.auth.PasswordChecker;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.BanStore;
import dev.chatshell.store.ChannelStore;
import dev.chatshell.store.Database;
import dev.chatshell.store.HistoryStore;
import dev.chatshell.store.PreferenceStore;
import dev.chatshell.testing.HandClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of domain tests that run a {@link ChatServer} over the real stores on an SQLite file:
 * account logins (throttled on a clock of nanoseconds the test moves by hand), registered channels
 * and, where a test asks for them, history and bans. Every moderation action is recorded. A restart
 * stops the server and starts a new one over a new connection to the same file.
 */
abstract class StoredChat {
  static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  static final String ALICE_PW = "alice-secret";
  static final String BOB_PW = "bob-secret!";

  /** What the server keeps in the database besides accounts and registered channels. */
  enum Kept {
    HISTORY,
    BANS,
    PREFERENCES
  }

  @TempDir Path directory;

  /** The server's clock, at {@link #T0} until the test moves it. */
  final HandClock clock;

  /** The login throttle's clock, in nanoseconds. */
  final AtomicLong nanos = new AtomicLong();

  /** The moderation actions since the last restart or clear. */
  final List<ModerationAction> recorded = new ArrayList<>();

  final PasswordChecker checker = new PasswordChecker();
  private final Set<Kept> kept;
  Database database;
  AccountStore store;
  AccountLogins accounts;
  HistoryStore history; // only where history is kept
  ChatServer server;

  StoredChat() {
    this(new HandClock(T0));
  }

  StoredChat(HandClock clock, Kept... kept) {
    this.clock = clock;
    this.kept = kept.length == 0 ? EnumSet.noneOf(Kept.class) : EnumSet.copyOf(List.of(kept));
  }

  @BeforeEach
  final void startServer() throws Exception {
    start();
  }

  @AfterEach
  final void closeStores() {
    if (history != null) {
      history.close();
    }
    database.close();
    checker.close();
  }

  /** A new server over a new connection to the same database file. */
  private void start() throws Exception {
    database = Database.sqlite(directory.resolve("chatshell.db"));
    store = new AccountStore(database);
    if (kept.contains(Kept.HISTORY)) {
      history = new HistoryStore(database, clock, Duration.ZERO);
    }
    LoginThrottle throttle =
        new LoginThrottle(nanos::get, Duration.ofSeconds(1), Duration.ofMinutes(5), 1000);
    accounts = new AccountLogins(store, checker, throttle, clock, 100_000);
    server = newServer();
  }

  /** Another server over the same stores, as after a restart that kept the connection. */
  final ChatServer newServer() {
    return ChatTestSupport.server(
        ChatPorts.none(clock)
            .withOperators(ChatTestSupport.credentials(Map.of()))
            .withModeration(recorded::add)
            .withAccounts(accounts)
            .withRegistry(new ChannelStore(database))
            .withHistory(history != null ? history : History.NONE)
            .withBans(kept.contains(Kept.BANS) ? new BanStore(database) : BanList.NONE)
            .withPreferences(
                kept.contains(Kept.PREFERENCES)
                    ? new PreferenceStore(database)
                    : AccountPreferences.NONE));
  }

  /**
   * Shuts the server down as the session manager does, forgets it and starts a new one over the
   * same database file.
   */
  final void restart() throws Exception {
    server.disconnectAll();
    if (history != null) {
      history.close();
    }
    database.close();
    start();
    recorded.clear();
  }

  static char[] pw(String password) {
    return password.toCharArray();
  }

  /** Logs in to the account {@code name} from address x. */
  final User login(String name, String password, Inbox inbox) {
    return server.login(name, pw(password), "x", inbox);
  }

  /** Registers {@code nick} with {@code password} and logs it out again. */
  final void registered(String nick, String password) {
    User user = server.connect(nick, "setup", new Inbox());
    server.register(user, pw(password));
    server.disconnect(user, null);
  }

  /** Empties the inboxes and forgets the moderation actions recorded so far. */
  final void clear(Inbox... inboxes) {
    List.of(inboxes).forEach(Inbox::clear);
    recorded.clear();
  }
}
