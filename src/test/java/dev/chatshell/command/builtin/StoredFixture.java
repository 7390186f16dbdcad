package dev.chatshell.command.builtin;

import dev.chatshell.auth.AccountKeyRing;
import dev.chatshell.auth.AccountLogins;
import dev.chatshell.auth.LoginThrottle;
import dev.chatshell.auth.PasswordChecker;
import dev.chatshell.chat.Accounts;
import dev.chatshell.chat.ChannelRegistry;
import dev.chatshell.chat.ChatPorts;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.History;
import dev.chatshell.chat.Inbox;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.FakeContext;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.ChannelStore;
import dev.chatshell.store.Database;
import dev.chatshell.store.HistoryStore;
import dev.chatshell.store.KeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Like {@link BuiltinFixture}, for the commands that need what the database keeps: a chat server
 * over the real account, channel and history stores on an SQLite file.
 */
abstract class StoredFixture {
  final CommandTable commands = new CommandTable(BuiltinCommands.all());
  private final PasswordChecker checker = new PasswordChecker();

  /** The login throttle's clock, in nanoseconds: a test moves it past a wrong password's wait. */
  final AtomicLong throttleNanos = new AtomicLong();

  @TempDir Path directory;
  Database database;
  HistoryStore history;
  ChatServer server;
  AccountKeyRing keys;

  @BeforeEach
  final void open() throws Exception {
    database = Database.sqlite(directory.resolve("chatshell.db"));
    history = new HistoryStore(database, Clock.systemUTC(), Duration.ZERO);
    LoginThrottle throttle =
        new LoginThrottle(throttleNanos::get, Duration.ofSeconds(1), Duration.ofMinutes(5), 100);
    Accounts accounts =
        new AccountLogins(
            new AccountStore(database), checker, throttle, Clock.systemUTC(), 100_000);
    keys = new AccountKeyRing(new KeyStore(database));
    server = newServer(accounts, new ChannelStore(database), history, keys);
  }

  /** The one place these tests build a chat server. */
  private static ChatServer newServer(
      Accounts accounts, ChannelRegistry registry, History history, AccountKeyRing keys) {
    return ChatTestSupport.server(
        ChatPorts.none(Clock.systemUTC())
            .withAccounts(accounts)
            .withRegistry(registry)
            .withHistory(history)
            .withKeys(keys));
  }

  @AfterEach
  final void close() {
    history.close();
    database.close();
    checker.close();
  }

  /** The account a login to {@code name} with {@code password} gets in to (throws if refused). */
  String loginAccount(String name, String password) {
    return server.login(name, password.toCharArray(), "203.0.113.9", new Inbox()).account();
  }

  FakeContext connect(String nick) {
    return new FakeContext(server, commands, nick);
  }
}
