package dev.chatshell.server;

import dev.chatshell.Version;
import dev.chatshell.auth.AccountKeyRing;
import dev.chatshell.auth.AccountLogins;
import dev.chatshell.auth.LoginThrottle;
import dev.chatshell.auth.OperatorLogins;
import dev.chatshell.auth.PasswordChecker;
import dev.chatshell.chat.ChatPorts;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.History;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.PluginLoader;
import dev.chatshell.command.builtin.BuiltinCommands;
import dev.chatshell.config.ConfigException;
import dev.chatshell.config.ServerConfig;
import dev.chatshell.console.OperatorConsole;
import dev.chatshell.irc.IrcDoor;
import dev.chatshell.irc.IrcTls;
import dev.chatshell.shell.CleartextPasswords;
import dev.chatshell.shell.SessionManager;
import dev.chatshell.shell.ShellSettings;
import dev.chatshell.ssh.HostKey;
import dev.chatshell.ssh.SshDoor;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.BanStore;
import dev.chatshell.store.ChannelLogs;
import dev.chatshell.store.ChannelStore;
import dev.chatshell.store.DataDirectoryLock;
import dev.chatshell.store.Database;
import dev.chatshell.store.HistoryStore;
import dev.chatshell.store.KeyStore;
import dev.chatshell.store.ModerationLog;
import dev.chatshell.store.PreferenceStore;
import dev.chatshell.store.StoreException;
import dev.chatshell.telnet.TelnetServer;
import dev.chatshell.transport.ConnectionLimits;
import dev.chatshell.web.WebDoor;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server put together from its configuration: domain, command table, sessions, telnet
 * listener. Used by {@code chatshell serve} and by the integration tests.
 *
 * <p>It has a package of its own, above every other and below the command line: it is the one place
 * that knows all the parts, and it reads no command line, so tests (and later doors or an embedding
 * program) build a server without picocli.
 */
public final class ChatshellServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChatshellServer.class);

  private final ServerConfig config;
  private final DataDirectoryLock dataLock;
  private final ModerationLog moderationLog;
  private final Database database;
  private final HistoryStore historyStore;
  private final ChannelLogs channelLogs; // null when off
  private final PasswordChecker passwords = new PasswordChecker();
  private final ChatServer chat;
  private final AccountKeyRing accountKeys; // the SSH door asks it which keys log in to an account
  private final OperatorLogins operatorLogins;
  private final CommandTable commands;
  private final SessionManager sessions;
  private final TelnetServer telnet;
  private final SshDoor ssh; // null when off
  private final IrcDoor irc; // null when both IRC ports are off
  private final WebDoor web; // null when the browser door is off
  private final String ircTlsFingerprint; // null when IRC over TLS is off
  private final HostKey hostKey; // null when the SSH door is off
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final CountDownLatch done = new CountDownLatch(1); // counted down once stopped

  public ChatshellServer(ServerConfig config) throws ConfigException, IOException {
    this(config, System::nanoTime);
  }

  /**
   * A server whose login throttle runs on {@code throttleClock} (nanoseconds): tests pass a hand
   * clock so that waiting out a penalty costs no wall-clock time.
   */
  public ChatshellServer(ServerConfig config, java.util.function.LongSupplier throttleClock)
      throws ConfigException, IOException {
    this.config = config;
    // First of all: a second server on the same files must not touch them.
    DataDirectoryLock lock = DataDirectoryLock.acquire(config.dataDirectory());
    java.nio.file.Path databaseFolder = config.databaseFile().getParent();
    if (config.databaseUrl() == null && !databaseFolder.equals(config.dataDirectory())) {
      lock = lock.with(databaseFolder); // the database file lives elsewhere: hold it too
    }
    this.dataLock = lock;
    try {
      java.util.Set<String> operatorNames = new java.util.TreeSet<>(config.operators().keySet());
      operatorNames.addAll(config.operatorKeys().keySet()); // an operator may have keys only
      this.moderationLog = ModerationLog.open(config.moderationLog(), operatorNames);
    } catch (IOException e) {
      dataLock.close();
      throw new ConfigException(
          "Cannot write the moderation log " + config.moderationLog() + ": " + e.getMessage());
    }
    try {
      this.database = Database.open(config.databaseUrl(), config.databaseFile());
    } catch (StoreException e) {
      moderationLog.close();
      dataLock.close();
      throw new ConfigException(e.getMessage());
    }
    // One throttle for both: failures from an address count against it whatever was guessed.
    LoginThrottle throttle = LoginThrottle.standard(throttleClock);
    Clock clock = Clock.systemUTC();
    try {
      this.historyStore = new HistoryStore(database, clock, config.historyKept());
    } catch (RuntimeException e) { // the history could not be read: one line, nothing left open
      database.close();
      moderationLog.close();
      dataLock.close();
      throw new ConfigException("Cannot read the database: " + e.getMessage());
    }
    Path logs = config.channelLogs();
    this.channelLogs = logs == null ? null : new ChannelLogs(historyStore, logs);
    History history = channelLogs == null ? historyStore : channelLogs;
    this.accountKeys = new AccountKeyRing(new KeyStore(database));
    this.operatorLogins =
        new OperatorLogins(config.operators(), config.operatorKeys(), passwords, throttle);
    try {
      this.chat =
          new ChatServer(
              ChatPorts.none(clock)
                  .withOperators(operatorLogins)
                  .withModeration(moderationLog)
                  .withAccounts(
                      new AccountLogins(
                          new AccountStore(database),
                          passwords,
                          throttle,
                          clock,
                          config.passwordIterations(),
                          config.registrationsPerAddress(),
                          config.registrationsPerHour()))
                  .withRegistry(new ChannelStore(database))
                  .withHistory(history)
                  .withBans(new BanStore(database))
                  .withPreferences(new PreferenceStore(database))
                  .withKeys(accountKeys)
                  .withCommits(database::together),
              config.channelsPerUser());
    } catch (RuntimeException e) { // the stored accounts or channels could not be read
      closeHistory();
      database.close();
      moderationLog.close();
      dataLock.close();
      throw new ConfigException("Cannot read the database: " + e.getMessage());
    }
    this.chat.reserveForConsole(config.consoleNick());
    this.chat.setScrollback(config.historyJoinLines());
    this.chat.setTerminalsPerAccount(config.terminalsPerAccount());

    this.commands =
        CommandTable.withPlugins(
            BuiltinCommands.all(),
            PluginLoader.loadWithExample(config.commandsDirectory(), config.exampleCommands()));
    ShellSettings settings =
        new ShellSettings(
            config.serverName(),
            Version.get(),
            config.motd(),
            config.maxLineBytes(),
            config.outboxLines(),
            config.keepalive(),
            config.loginTimeout(),
            config.floodRate(),
            config.floodBurst(),
            config.floodQueueLines(),
            new CleartextPasswords(
                CleartextPasswords.Policy.named(config.telnetPasswords()), config.sshPort()));
    this.sessions = new SessionManager(chat, commands, settings);
    this.sessions.setIdleLimits(config.idleTimeout(), config.idleWhenFull());
    // /SHUTDOWN: stopped as by SIGTERM, with the operator's reason
    this.sessions.onShutdownRequest(this::shutdown);
    // One count of connections for every door: telnet and SSH together.
    ConnectionLimits limits =
        new ConnectionLimits(config.maxConnections(), config.maxConnectionsPerAddress(), sessions);
    this.telnet =
        new TelnetServer(
            new TelnetServer.Settings(
                config.bind(),
                config.port(),
                config.maxConnections(),
                config.maxConnectionsPerAddress(),
                config.negotiationTimeout()),
            sessions,
            limits);
    if (config.sshPort() == 0) {
      this.hostKey = null;
      this.ssh = null;
    } else {
      try {
        this.hostKey = HostKey.loadOrCreate(config.sshHostKey());
      } catch (IOException e) {
        closeAllStores();
        throw new ConfigException("Cannot use the SSH host key: " + e.getMessage());
      }
      this.ssh =
          new SshDoor(
              new SshDoor.Settings(config.bind(), config.sshPort(), config.loginTimeout()),
              hostKey,
              chat,
              accountKeys::keysOf,
              sessions,
              limits);
    }
    SSLContext tls = null;
    if (config.ircTlsPort() != 0) {
      if ((config.ircTlsCertificate() == null) != (config.ircTlsKey() == null)) {
        closeAllStores();
        throw new ConfigException(
            "irc.tls-certificate and irc.tls-key go together: set both, or neither for a"
                + " self-signed certificate.");
      }
      try {
        tls =
            config.ircTlsCertificate() != null
                ? IrcTls.fromPem(config.ircTlsCertificate(), config.ircTlsKey())
                : IrcTls.selfSigned(config.dataDirectory(), config.serverName());
      } catch (IOException | RuntimeException e) {
        closeAllStores();
        throw new ConfigException("Cannot use the IRC TLS certificate: " + e.getMessage());
      }
    }
    this.ircTlsFingerprint = tls == null ? null : IrcTls.fingerprint(tls);
    this.irc =
        config.ircPort() == 0 && config.ircTlsPort() == 0
            ? null
            : new IrcDoor(
                new IrcDoor.Settings(
                    config.bind(),
                    config.ircPort(),
                    config.ircTlsPort(),
                    tls,
                    config.serverName(),
                    config.ircNetwork(),
                    Version.get(),
                    config.motd(),
                    config.channelsPerUser(),
                    config.ircOutputGather()),
                sessions,
                commands,
                limits);
    this.web =
        config.httpPort() == 0
            ? null
            : new WebDoor(
                new WebDoor.Settings(
                    config.bind(), config.httpPort(), config.trustedProxies(), config.serverName()),
                sessions,
                limits);
  }

  /** Starts listening, on every door. */
  public void start() throws IOException {
    try {
      telnet.start();
    } catch (BindException e) {
      throw new BindException("port " + config.port() + ": " + e.getMessage());
    }
    if (ssh != null) {
      try {
        ssh.start();
      } catch (BindException e) {
        telnet.close();
        throw new BindException("SSH port " + config.sshPort() + ": " + e.getMessage());
      }
      log.info("SSH host key: {} {}", hostKey.type(), hostKey.fingerprint());
    }
    if (irc != null) {
      try {
        irc.start();
      } catch (BindException e) {
        telnet.close();
        if (ssh != null) {
          ssh.close();
        }
        throw new BindException(
            "IRC port " + config.ircPort() + "/" + config.ircTlsPort() + ": " + e.getMessage());
      }
      if (ircTlsFingerprint != null) {
        log.info("IRC TLS certificate: SHA256 {}", ircTlsFingerprint);
      }
    }
    if (web != null) {
      try {
        web.start();
      } catch (IOException e) {
        telnet.close();
        if (ssh != null) {
          ssh.close();
        }
        if (irc != null) {
          irc.close();
        }
        throw new BindException("HTTP port " + config.httpPort() + ": " + e.getMessage());
      }
    }
  }

  /** The browser door's HTTP port as bound; 0 when off. */
  public int httpPort() {
    return web == null ? 0 : web.port();
  }

  /** Plain IRC's port as bound; 0 when off. */
  public int ircPort() {
    return irc == null ? 0 : irc.port();
  }

  /** IRC over TLS's port as bound; 0 when off. */
  public int ircTlsPort() {
    return irc == null ? 0 : irc.tlsPort();
  }

  /** The SSH port actually bound; 0 when the SSH door is off. */
  public int sshPort() {
    return ssh == null ? 0 : ssh.port();
  }

  /** The SSH host key's fingerprint ({@code SHA256:...}), or null when the SSH door is off. */
  public String hostKeyFingerprint() {
    return hostKey == null ? null : hostKey.fingerprint();
  }

  /** The telnet port actually bound. */
  public int port() {
    return telnet.port();
  }

  public ChatServer chat() {
    return chat;
  }

  /** The configuration the server was built from. */
  public ServerConfig config() {
    return config;
  }

  public CommandTable commands() {
    return commands;
  }

  /** Live sessions, logged in or not. */
  public int sessionCount() {
    return sessions.sessionCount();
  }

  /**
   * Makes this process's terminal an operator console, when the configuration allows it and there
   * is an interactive terminal; returns at once, the console runs on its own thread.
   */
  public void startConsoleIfInteractive() {
    if (config.console() && OperatorConsole.available()) {
      Thread.ofPlatform()
          .name("console")
          .daemon(true)
          .start(() -> OperatorConsole.run(sessions, config.consoleNick()));
    }
  }

  /**
   * Stops accepting, tells every user why, and closes their sessions. Runs once; a second caller
   * (SIGTERM during a /SHUTDOWN) waits for the first to finish.
   */
  public void shutdown(String reason) {
    if (!stopped.compareAndSet(false, true)) {
      awaitStopped();
      return;
    }
    try {
      stop(reason);
    } finally {
      done.countDown();
    }
  }

  /** Waits until the server has stopped (by {@link #shutdown}, a signal or /SHUTDOWN). */
  public void awaitStopped() {
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stop(String reason) {
    log.info("Shutting down: {}", reason);
    telnet.close();
    if (irc != null) {
      irc.stopListening(); // no newcomers; the sessions already in are told and closed below
    }
    sessions.shutdown(reason, config.shutdownGrace());
    if (web != null) {
      web.close(); // after the sessions: their goodbyes went out on the WebSockets
    }
    if (irc != null) {
      irc.close(); // after the sessions, however long their grace: goodbyes go through it
    }
    if (ssh != null) {
      ssh.close(); // after the sessions: their goodbyes went out on the SSH connections
    }
    sessions.close();
    passwords.close();
    closeHistory(); // stores the last lines
    database.close();
    try {
      moderationLog.close();
    } catch (IOException e) {
      log.warn("Closing the moderation log: {}", e.toString());
    }
    dataLock.close(); // last: another server may take the files now
    log.info("Stopped");
  }

  /** Gives back everything the constructor opened, when it fails late. */
  private void closeAllStores() throws IOException {
    sessions.close();
    passwords.close();
    closeHistory();
    database.close();
    moderationLog.close();
    dataLock.close();
  }

  private void closeHistory() {
    if (channelLogs != null) {
      channelLogs.close();
    }
    historyStore.close();
  }

  @Override
  public void close() {
    shutdown("server closed");
  }
}
