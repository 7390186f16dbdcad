package dev.chatshell.config;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.auth.PublicKeyLine;
import dev.chatshell.chat.Names;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The server's settings: the defaults of {@link Setting}, overridden by a properties file,
 * overridden by the command line. Immutable; every value is checked when it is loaded so a bad
 * setting stops the server at start with a message naming it.
 */
public final class ServerConfig {
  /** Prefix of the keys that declare server operators: {@code operator.<name>=<hash>}. */
  public static final String OPERATOR_PREFIX = "operator.";

  /** What an operator's name may be: what /OPER takes and operator-line accepts. */
  public static final Pattern OPERATOR_NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  /**
   * The keys that give operators public keys: {@code operator.<name>.key}, and for more keys {@code
   * operator.<name>.key.<label>} (a label such as {@code 2} or {@code laptop}).
   */
  private static final Pattern OPERATOR_KEY =
      Pattern.compile("operator\\.([^.]*)\\.key(?:\\.([A-Za-z0-9_-]{1,32}))?");

  private final Map<Setting, String> values;
  private final Map<String, String> operators; // name -> password hash
  private final Map<String, List<String>> operatorKeys; // name -> public-key lines
  private final Path home; // the installation directory: relative paths start here

  private ServerConfig(
      Map<Setting, String> values,
      Map<String, String> operators,
      Map<String, List<String>> operatorKeys,
      Path home) {
    this.values = values;
    this.operators = operators;
    this.operatorKeys = operatorKeys;
    this.home = home;
  }

  /** The embedded defaults; relative paths resolve against the installation directory. */
  public static ServerConfig defaults(Path home) {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      values.put(setting, setting.defaultValue());
    }
    return new ServerConfig(values, Map.of(), Map.of(), home);
  }

  /**
   * Loads {@code file} (when not null) over the defaults, then {@code overrides} over both.
   * Relative paths, wherever they come from, resolve against {@code home}, the installation
   * directory, so a site configuration kept elsewhere still finds {@code var/} and {@code
   * commands/} where the installation has them.
   */
  public static ServerConfig load(Path file, Path home, Map<Setting, String> overrides)
      throws ConfigException {
    ServerConfig config = defaults(home);
    if (file != null) {
      config = config.withFile(file);
    }
    Map<Setting, String> values = new EnumMap<>(config.values);
    for (Map.Entry<Setting, String> override : overrides.entrySet()) {
      check(override.getKey(), override.getValue(), "on the command line");
      checkNamedFile(home, override.getKey(), override.getValue(), "on the command line");
      values.put(override.getKey(), override.getValue().strip());
    }
    ServerConfig loaded =
        new ServerConfig(values, config.operators, config.operatorKeys, config.home);
    loaded.bind(); // an unresolvable address is a configuration error, found now
    String url = loaded.get(Setting.DATABASE_URL);
    if (!url.equals("embedded")
        && !url.startsWith("jdbc:postgresql:")
        && !url.startsWith("jdbc:sqlite:")) {
      throw new ConfigException(
          "Bad value for database.url: use embedded, or a jdbc:postgresql: (or jdbc:sqlite:) URL");
    }
    loaded.checkPaths();
    String nickProblem = Names.nickProblem(loaded.consoleNick());
    if (nickProblem != null) {
      throw new ConfigException("Bad value for console.nick: " + nickProblem);
    }
    return loaded;
  }

  private ServerConfig withFile(Path file) throws ConfigException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("Cannot read " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      // Properties.load refuses a broken \\u escape this way: a bad file, not a crash.
      throw new ConfigException("Cannot read " + file + ": a \\u escape is not 4 hex digits");
    }
    Map<Setting, String> merged = new EnumMap<>(values);
    Map<String, String> declaredOperators = new TreeMap<>();
    Map<String, List<String>> declaredKeys = new TreeMap<>();
    for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
      java.util.regex.Matcher operatorKey = OPERATOR_KEY.matcher(key);
      if (operatorKey.matches()) {
        String name = operatorKey.group(1);
        if (!OPERATOR_NAME.matcher(name).matches()) {
          throw new ConfigException(
              "Bad operator name '" + name + "' in " + file + ": use 1-32 letters, digits, _ or -");
        }
        String line = properties.getProperty(key).strip();
        try {
          PublicKeyLine.parse(line);
        } catch (IllegalArgumentException e) {
          throw new ConfigException("Bad value for " + key + " in " + file + ": " + e.getMessage());
        }
        declaredKeys.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(line);
        continue;
      }
      if (key.startsWith(OPERATOR_PREFIX)) {
        String name = key.substring(OPERATOR_PREFIX.length());
        String hash = properties.getProperty(key).strip();
        if (!OPERATOR_NAME.matcher(name).matches()) {
          throw new ConfigException(
              "Bad operator name '" + name + "' in " + file + ": use 1-32 letters, digits, _ or -");
        }
        String problem = PasswordHash.problem(hash);
        if (problem != null) {
          throw new ConfigException("Bad value for " + key + " in " + file + ": " + problem);
        }
        declaredOperators.put(name, hash);
        continue;
      }
      Setting setting = Setting.byKey(key);
      if (setting == null) {
        throw new ConfigException("Unknown setting '" + key + "' in " + file);
      }
      String value = properties.getProperty(key);
      check(setting, value, "in " + file);
      checkNamedFile(home, setting, value, "in " + file);
      merged.put(setting, value.strip());
    }
    Map<String, List<String>> keys = new TreeMap<>();
    declaredKeys.forEach((name, lines) -> keys.put(name, List.copyOf(lines)));
    return new ServerConfig(
        merged, Map.copyOf(declaredOperators), java.util.Collections.unmodifiableMap(keys), home);
  }

  /**
   * A path the file system cannot take (a NUL in it, found by ServerConfigPropertiesTest) stops the
   * server here with the setting's name, not later with a stack trace where the file is opened.
   */
  private void checkPaths() throws ConfigException {
    for (Setting setting :
        List.of(
            Setting.MOTD_FILE,
            Setting.DATA_DIR,
            Setting.DATABASE_FILE,
            Setting.MODERATION_LOG,
            Setting.LOGS_DIR,
            Setting.COMMANDS_DIR)) {
      try {
        home.resolve(get(setting));
      } catch (java.nio.file.InvalidPathException e) {
        throw new ConfigException(
            "Bad value for " + setting.key() + ": not a usable path (" + e.getReason() + ")");
      }
    }
  }

  private static void check(Setting setting, String value, String where) throws ConfigException {
    String problem = setting.problem(value);
    if (problem != null) {
      throw new ConfigException("Bad value for " + setting.key() + " " + where + ": " + problem);
    }
  }

  /**
   * A message-of-the-day file that is named must exist: a mistyped name would otherwise show the
   * built-in text without a word. Only the default may be missing (an installation without one).
   */
  private static void checkNamedFile(Path home, Setting setting, String value, String where)
      throws ConfigException {
    if (setting != Setting.MOTD_FILE) {
      return;
    }
    Path named;
    try {
      named = home.resolve(value.strip());
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConfigException(
          "Bad value for "
              + setting.key()
              + " "
              + where
              + ": not a usable path ("
              + e.getReason()
              + ")");
    }
    if (!Files.exists(named)) {
      throw new ConfigException(
          "Bad value for " + setting.key() + " " + where + ": no such file " + named);
    }
    if (!Files.isRegularFile(named)) {
      throw new ConfigException(
          "Bad value for " + setting.key() + " " + where + ": " + named + " is not a file");
    }
  }

  public String get(Setting setting) {
    return values.get(setting);
  }

  private int integer(Setting setting) {
    return (int) Double.parseDouble(values.get(setting));
  }

  public String serverName() {
    return get(Setting.SERVER_NAME);
  }

  public InetAddress bind() throws ConfigException {
    try {
      return InetAddress.getByName(get(Setting.BIND));
    } catch (UnknownHostException e) {
      throw new ConfigException("Bad value for bind: unknown address " + get(Setting.BIND));
    }
  }

  public int port() {
    return integer(Setting.PORT);
  }

  /** The SSH door's port; 0 when the door is off. */
  public int sshPort() {
    return integer(Setting.SSH_PORT);
  }

  /** Plain IRC's port; 0 when off. */
  public int ircPort() {
    return integer(Setting.IRC_PORT);
  }

  /** The browser door's HTTP port; 0 when off. */
  public int httpPort() {
    return integer(Setting.HTTP_PORT);
  }

  /** The reverse proxies whose X-Forwarded-For the browser door believes. */
  public List<InetAddress> trustedProxies() throws ConfigException {
    List<InetAddress> proxies = new ArrayList<>();
    for (String entry : get(Setting.HTTP_TRUSTED_PROXIES).split(",")) {
      if (!entry.isBlank()) {
        try {
          proxies.add(InetAddress.ofLiteral(entry.strip()));
        } catch (IllegalArgumentException e) {
          throw new ConfigException(
              "Bad value for http.trusted-proxies: " + entry.strip() + " is not an IP address");
        }
      }
    }
    return List.copyOf(proxies);
  }

  /** IRC over TLS's port; 0 when off. */
  public int ircTlsPort() {
    return integer(Setting.IRC_TLS_PORT);
  }

  /** The configured TLS certificate chain for IRC, or null to use a self-signed one. */
  public Path ircTlsCertificate() {
    String value = get(Setting.IRC_TLS_CERTIFICATE).strip();
    return value.isEmpty() ? null : home.resolve(value).normalize();
  }

  /** The configured TLS private key for IRC, or null. */
  public Path ircTlsKey() {
    String value = get(Setting.IRC_TLS_KEY).strip();
    return value.isEmpty() ? null : home.resolve(value).normalize();
  }

  /** The network name IRC clients show. */
  public String ircNetwork() {
    return get(Setting.IRC_NETWORK);
  }

  /** How long an IRC client's output may be gathered after a write; zero for not at all. */
  public Duration ircOutputGather() {
    return Duration.ofMillis(integer(Setting.IRC_OUTPUT_GATHER_MS));
  }

  /** Where the SSH host key is kept: in the data directory, made on first start. */
  public java.nio.file.Path sshHostKey() {
    return dataDirectory().resolve("ssh_host_ed25519_key");
  }

  /** {@code allow}, {@code warn} or {@code refuse}: passwords over telnet from other machines. */
  public String telnetPasswords() {
    return get(Setting.TELNET_PASSWORDS);
  }

  /**
   * The message of the day, or a short default when the default file is missing (a file named in
   * the configuration was checked at load). Bytes that are not UTF-8 become U+FFFD rather than
   * stopping the server.
   */
  public List<String> motd() throws ConfigException {
    Path file = home.resolve(get(Setting.MOTD_FILE));
    if (!Files.isRegularFile(file)) {
      return List.of("Be kind. Type /HELP once you are in.");
    }
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new ConfigException("Cannot read motd.file " + file + ": " + e.getMessage());
    }
  }

  /** Where the server writes its files; created when missing. */
  public Path dataDirectory() {
    return home.resolve(get(Setting.DATA_DIR)).normalize();
  }

  /** The JDBC URL of an external database, or {@code null} for the embedded SQLite file. */
  public String databaseUrl() {
    String url = get(Setting.DATABASE_URL);
    return url.equals("embedded") ? null : url;
  }

  /** The embedded SQLite database file. */
  public Path databaseFile() {
    return dataDirectory().resolve(get(Setting.DATABASE_FILE)).normalize();
  }

  /** The work factor of new account password hashes. */
  public int passwordIterations() {
    return integer(Setting.PASSWORD_ITERATIONS);
  }

  /** Accounts one address may register in any hour. */
  public int registrationsPerAddress() {
    return integer(Setting.REGISTRATIONS_PER_ADDRESS);
  }

  /** Accounts all addresses together may register in any hour. */
  public int registrationsPerHour() {
    return integer(Setting.REGISTRATIONS_PER_HOUR);
  }

  /** Lines of history shown on /JOIN. */
  public int historyJoinLines() {
    return integer(Setting.HISTORY_JOIN_LINES);
  }

  /** How long messages are kept; zero for ever. */
  public Duration historyKept() {
    return Duration.ofDays(integer(Setting.HISTORY_DAYS));
  }

  /** Where channel logs go, or {@code null} when they are off. */
  public Path channelLogs() {
    return Boolean.parseBoolean(get(Setting.CHANNEL_LOGS))
        ? dataDirectory().resolve(get(Setting.LOGS_DIR)).normalize()
        : null;
  }

  /** The moderation log file. */
  public Path moderationLog() {
    return dataDirectory().resolve(get(Setting.MODERATION_LOG)).normalize();
  }

  /** Where command plugin jars are looked for. */
  public Path commandsDirectory() {
    return home.resolve(get(Setting.COMMANDS_DIR)).normalize();
  }

  /** The example command plugin's jar, or {@code null} when examples are off. */
  public Path exampleCommands() {
    return Boolean.parseBoolean(get(Setting.COMMANDS_EXAMPLES))
        ? home.resolve("target").resolve("chatshell-minigames.jar").normalize()
        : null;
  }

  /** Whether an interactive terminal becomes an operator console. */
  public boolean console() {
    return Boolean.parseBoolean(get(Setting.CONSOLE));
  }

  public String consoleNick() {
    return get(Setting.CONSOLE_NICK);
  }

  /** Server operators by name, with their password hashes. */
  public Map<String, String> operators() {
    return operators;
  }

  /**
   * Server operators' public keys by operator name ({@code operator.<name>.key} and {@code
   * operator.<name>.key.<label>} lines, in the order of their keys), each an OpenSSH public-key
   * line already checked. An operator may have keys and no password line: then only a key makes
   * them one.
   */
  public Map<String, List<String>> operatorKeys() {
    return operatorKeys;
  }

  public int maxConnections() {
    return integer(Setting.MAX_CONNECTIONS);
  }

  public int maxConnectionsPerAddress() {
    return integer(Setting.MAX_CONNECTIONS_PER_ADDRESS);
  }

  public int maxLineBytes() {
    return integer(Setting.MAX_LINE_BYTES);
  }

  public int outboxLines() {
    return integer(Setting.OUTBOX_LINES);
  }

  public int channelsPerUser() {
    return integer(Setting.CHANNELS_PER_USER);
  }

  public Duration negotiationTimeout() {
    return Duration.ofMillis(integer(Setting.NEGOTIATION_TIMEOUT_MS));
  }

  public Duration keepalive() {
    return Duration.ofSeconds(integer(Setting.KEEPALIVE_SECONDS));
  }

  public Duration loginTimeout() {
    return Duration.ofSeconds(integer(Setting.LOGIN_TIMEOUT_SECONDS));
  }

  public double floodRate() {
    return Double.parseDouble(get(Setting.FLOOD_RATE));
  }

  public int floodBurst() {
    return integer(Setting.FLOOD_BURST);
  }

  /** Terminals one account may have logged in at once. */
  public int terminalsPerAccount() {
    return integer(Setting.TERMINALS_PER_ACCOUNT);
  }

  /** Silence after which a logged-in terminal is always disconnected; zero for never. */
  public Duration idleTimeout() {
    return Duration.ofSeconds(integer(Setting.IDLE_TIMEOUT_SECONDS));
  }

  /** Silence after which a terminal may give its place to a newcomer when full; zero for never. */
  public Duration idleWhenFull() {
    return Duration.ofSeconds(integer(Setting.IDLE_WHEN_FULL_SECONDS));
  }

  /** Chat lines of a user that may wait for flood control before the excess is dropped. */
  public int floodQueueLines() {
    return integer(Setting.FLOOD_QUEUE_LINES);
  }

  public Duration shutdownGrace() {
    return Duration.ofSeconds(integer(Setting.SHUTDOWN_GRACE_SECONDS));
  }
}
