package dev.chatshell.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Every setting of the server: its key in {@code chatshell.properties}, its default, its allowed
 * values and what it does. The one list that parsing, the shipped properties file and the manual
 * are checked against. (Operators are the one open-ended family of keys: {@code operator.<name>},
 * handled by {@link ServerConfig}.)
 */
public enum Setting {
  SERVER_NAME("server.name", "chatshell", "Name shown in the banner when someone connects."),
  BIND("bind", "0.0.0.0", "Address to listen on (0.0.0.0 for every IPv4 address, :: for all)."),
  PORT("port", "2323", "TCP port for telnet clients.", 0, 65535),
  SSH_PORT(
      "ssh.port",
      "2222",
      "TCP port for SSH clients (ssh -p 2222 nick@host); 0 turns the SSH door off.",
      0,
      65535),
  IRC_PORT(
      "irc.port",
      "6667",
      "TCP port for IRC clients (irssi -c host -p 6667); 0 turns plain IRC off.",
      0,
      65535),
  IRC_TLS_PORT(
      "irc.tls-port", "6697", "TCP port for IRC clients over TLS; 0 turns it off.", 0, 65535),
  HTTP_PORT(
      "http.port",
      "8080",
      "TCP port for the browser page (http://host:8080/); 0 turns the browser door off.",
      0,
      65535),
  HTTP_TRUSTED_PROXIES(
      "http.trusted-proxies",
      "",
      "Addresses of reverse proxies in front of the browser door, separated by commas: only their"
          + " X-Forwarded-For is believed, for limits and bans.",
      Kind.OPTIONAL_TEXT),
  IRC_TLS_CERTIFICATE(
      "irc.tls-certificate",
      "",
      "PEM certificate chain for IRC over TLS; empty: a self-signed one is made on first start and"
          + " kept in the data directory. Relative paths start at the installation directory.",
      Kind.OPTIONAL_TEXT),
  IRC_TLS_KEY(
      "irc.tls-key",
      "",
      "PEM private key of irc.tls-certificate (unencrypted; keep it mode 0600).",
      Kind.OPTIONAL_TEXT),
  IRC_NETWORK("irc.network", "chatshell", "The network name IRC clients show (NETWORK)."),
  IRC_OUTPUT_GATHER_MS(
      "irc.output-gather-ms",
      "50",
      "An IRC client sent lines faster than this gets them several to a write, one write per this"
          + " many milliseconds at most (fewer system calls); a line after a quiet moment goes out"
          + " at once. 0 writes each line as it comes.",
      0,
      1000),
  TELNET_PASSWORDS(
      "telnet.passwords",
      "warn",
      "Passwords typed over telnet from another machine travel in the clear: allow them, warn"
          + " before each (naming the ssh command to use instead), or refuse them.",
      "allow",
      "warn",
      "refuse"),
  MOTD_FILE(
      "motd.file",
      "etc/motd.txt",
      "Message of the day shown before the nickname prompt; relative paths start at the"
          + " installation directory."),
  DATA_DIR(
      "data.dir",
      "var",
      "Directory for what the server writes (the database, the moderation log); relative to the"
          + " installation directory."),
  DATABASE_URL(
      "database.url",
      "embedded",
      "Where accounts and registered channels are kept: embedded for an SQLite file"
          + " (database.file), or a jdbc:postgresql://host:port/name?user=...&password=... URL."),
  DATABASE_FILE(
      "database.file",
      "chatshell.db",
      "The embedded SQLite database file, used when database.url is embedded; relative to"
          + " data.dir."),
  MODERATION_LOG(
      "moderation.log",
      "moderation.log",
      "File every kick, grant, revoke, rename, kill and oper is appended to; relative to data.dir."),
  PASSWORD_ITERATIONS(
      "accounts.hash-iterations",
      "600000",
      "PBKDF2-HMAC-SHA256 work factor of new account password hashes; existing hashes keep theirs.",
      100_000,
      10_000_000),
  REGISTRATIONS_PER_ADDRESS(
      "accounts.registrations-per-address",
      "5",
      "Accounts that may be registered from one IP address (one /64 for IPv6) in any hour.",
      1,
      1_000_000),
  REGISTRATIONS_PER_HOUR(
      "accounts.registrations-per-hour",
      "60",
      "Accounts that may be registered in any hour, from all addresses together.",
      1,
      1_000_000),
  HISTORY_JOIN_LINES(
      "history.join-lines",
      "10",
      "Lines of a channel's history shown to whoever joins it (0 shows none).",
      0,
      100),
  HISTORY_DAYS(
      "history.days",
      "90",
      "Days that messages are kept in the database for scrollback and /HISTORY (0 keeps them"
          + " for ever).",
      0,
      100_000),
  CHANNEL_LOGS(
      "logs.channels",
      "false",
      "Keep a plain-text log of each channel: one file per channel per day (UTC) under logs.dir.",
      Kind.BOOLEAN),
  LOGS_DIR(
      "logs.dir",
      "logs",
      "Directory of the channel logs, one subdirectory per channel; relative to data.dir."),
  COMMANDS_DIR(
      "commands.dir",
      "commands",
      "Directory whose command plugin jars are loaded at start; relative to the installation"
          + " directory."),
  COMMANDS_EXAMPLES(
      "commands.examples",
      "true",
      "Also load the example command plugin the build makes, target/chatshell-minigames.jar in"
          + " the installation directory (/ROLL, /ROULETTE).",
      Kind.BOOLEAN),
  CONSOLE(
      "console",
      "true",
      "When the server runs in an interactive terminal, make that terminal an operator console.",
      Kind.BOOLEAN),
  CONSOLE_NICK("console.nick", "console", "Nickname of the operator console in the chat."),
  MAX_CONNECTIONS(
      "limits.connections", "19000", "Connections open at once, in total.", 1, 1_000_000),
  MAX_CONNECTIONS_PER_ADDRESS(
      "limits.connections-per-address",
      "10",
      "Connections open at once from one IP address (one /64 for IPv6).",
      1,
      1_000_000),
  MAX_LINE_BYTES(
      "limits.line-bytes", "4096", "Longest line a user may send, in UTF-8 bytes.", 64, 65536),
  OUTBOX_LINES(
      "limits.outbox-lines",
      "1000",
      "Lines that may wait for a client that does not read before it is disconnected.",
      10,
      1_000_000),
  CHANNELS_PER_USER(
      "limits.channels-per-user", "50", "Channels one user may be in at once.", 1, 10_000),
  NEGOTIATION_TIMEOUT_MS(
      "telnet.negotiation-timeout-ms",
      "1000",
      "How long to wait for a client's telnet answers before using plain line mode.",
      50,
      60_000),
  KEEPALIVE_SECONDS(
      "keepalive.seconds",
      "30",
      "Silence after which a client is pinged (telnet, SSH, IRC); it must answer as long again.",
      1,
      3600),
  LOGIN_TIMEOUT_SECONDS(
      "login.timeout-seconds",
      "120",
      "How long a connection may stay at the nickname prompt.",
      1,
      86_400),
  FLOOD_RATE(
      "flood.rate",
      "2",
      "Lines per second a user may send in the long run; faster lines wait their turn.",
      Kind.DECIMAL),
  FLOOD_BURST(
      "flood.burst", "10", "Lines a user may send at once before flood control.", 1, 1_000_000),
  TERMINALS_PER_ACCOUNT(
      "limits.terminals-per-account",
      "10",
      "Terminals that may be logged in to one account at once; one more is refused at login.",
      1,
      1000),
  IDLE_TIMEOUT_SECONDS(
      "idle.timeout-seconds",
      "0",
      "Disconnect a logged-in terminal that has sent no line for this long, with a notice (0: never,"
          + " whatever the load).",
      0,
      10_000_000),
  IDLE_WHEN_FULL_SECONDS(
      "idle.when-full-seconds",
      "600",
      "When the server is full (limits.connections), a new connection takes the place of the"
          + " terminal that has sent no line for longest, if that is at least this long (0: never).",
      0,
      10_000_000),
  FLOOD_QUEUE_LINES(
      "flood.queue-lines",
      "20",
      "Lines of a user's that may wait for flood control; more are dropped, with one notice.",
      0,
      100_000),
  SHUTDOWN_GRACE_SECONDS(
      "shutdown.grace-seconds",
      "3",
      "On shutdown, how long users' last lines may take to be written.",
      0,
      600);

  /** What values a setting takes. */
  enum Kind {
    TEXT,
    /** Text that may be left empty: the setting is then not used. */
    OPTIONAL_TEXT,
    WHOLE_NUMBER,
    DECIMAL,
    BOOLEAN,
    CHOICE
  }

  /** Digits with an optional fraction: no Java literal forms such as 4000d or 0x1p11. */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,9})?");

  private static final double DECIMAL_MIN = 0.01;
  private static final double DECIMAL_MAX = 1_000_000;

  private final String key;
  private final String defaultValue;
  private final String description;
  private final Kind kind;
  private final double min;
  private final double max;
  private final List<String> choices; // of a CHOICE setting; empty for the others

  /** A text setting. */
  Setting(String key, String defaultValue, String description) {
    this(key, defaultValue, description, Kind.TEXT, 0, 0);
  }

  /** A setting that takes one of a few words. */
  Setting(String key, String defaultValue, String description, String... choices) {
    this(key, defaultValue, description, Kind.CHOICE, 0, 0, List.of(choices));
  }

  /** A setting of another kind without a range (decimals run from 0.01 to a million). */
  Setting(String key, String defaultValue, String description, Kind kind) {
    this(key, defaultValue, description, kind, DECIMAL_MIN, DECIMAL_MAX);
  }

  /** A whole-number setting between {@code min} and {@code max}. */
  Setting(String key, String defaultValue, String description, long min, long max) {
    this(key, defaultValue, description, Kind.WHOLE_NUMBER, min, max);
  }

  Setting(String key, String defaultValue, String description, Kind kind, double min, double max) {
    this(key, defaultValue, description, kind, min, max, List.of());
  }

  Setting(
      String key,
      String defaultValue,
      String description,
      Kind kind,
      double min,
      double max,
      List<String> choices) {
    this.choices = choices;
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
    this.kind = kind;
    this.min = min;
    this.max = max;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** Checks a value of this setting; returns why it is wrong, or {@code null}. */
  String problem(String value) {
    String v = value.strip();
    switch (kind) {
      case TEXT -> {
        return v.isEmpty() ? "it cannot be empty" : null;
      }
      case OPTIONAL_TEXT -> {
        return null;
      }
      case BOOLEAN -> {
        return v.equals("true") || v.equals("false") ? null : "it must be true or false";
      }
      case CHOICE -> {
        if (choices.contains(v)) {
          return null;
        }
        return "it must be "
            + String.join(", ", choices.subList(0, choices.size() - 1))
            + " or "
            + choices.getLast();
      }
      default -> {
        if (!PLAIN_NUMBER.matcher(v).matches()) {
          return "'" + value + "' is not a number";
        }
        double number = Double.parseDouble(v);
        if (kind == Kind.WHOLE_NUMBER && number != Math.rint(number)) {
          return "it must be a whole number";
        }
        if (number < min || number > max) {
          return "it must be between " + format(min) + " and " + format(max);
        }
        return null;
      }
    }
  }

  private static String format(double number) {
    return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
  }

  /** The setting with this key, or {@code null}. */
  public static Setting byKey(String key) {
    for (Setting setting : values()) {
      if (setting.key.equals(key)) {
        return setting;
      }
    }
    return null;
  }
}
