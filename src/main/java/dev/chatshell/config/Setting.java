package dev.chatshell.config;

import java.util.regex.Pattern;

/**
 * Every setting of the server: its key in {@code chatshell.properties}, its default, its allowed
 * range and what it does. The one list that parsing, the shipped properties file and the manual are
 * checked against.
 */
public enum Setting {
  SERVER_NAME("server.name", "chatshell", "Name shown in the banner when someone connects."),
  BIND("bind", "0.0.0.0", "Address to listen on (0.0.0.0 for every IPv4 address, :: for all)."),
  PORT("port", "2323", "TCP port for telnet clients.", 0, 65535),
  MOTD_FILE(
      "motd.file",
      "motd.txt",
      "Message of the day shown before the nickname prompt; relative to this file's directory."),
  MAX_CONNECTIONS(
      "limits.connections", "19000", "Connections open at once, in total.", 1, 1_000_000),
  MAX_CONNECTIONS_PER_ADDRESS(
      "limits.connections-per-address",
      "10",
      "Connections open at once from one IP address.",
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
      "Silence after which a telnet client is pinged; it must answer within as long again.",
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
      "Lines per second a user may send in the long run; faster lines are delayed.",
      0.01,
      1_000_000,
      false),
  FLOOD_BURST(
      "flood.burst", "10", "Lines a user may send at once before flood control.", 1, 1_000_000),
  SHUTDOWN_GRACE_SECONDS(
      "shutdown.grace-seconds",
      "3",
      "On shutdown, how long users' last lines may take to be written.",
      0,
      600);

  /** Digits with an optional fraction: no Java literal forms such as 4000d or 0x1p11. */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]{1,12}(\\.[0-9]{1,9})?");

  private final String key;
  private final String defaultValue;
  private final String description;
  private final double min;
  private final double max;
  private final boolean numeric;
  private final boolean wholeNumber;

  /** A text setting. */
  Setting(String key, String defaultValue, String description) {
    this(key, defaultValue, description, 0, 0, false, false);
  }

  /** A whole-number setting between {@code min} and {@code max}. */
  Setting(String key, String defaultValue, String description, long min, long max) {
    this(key, defaultValue, description, min, max, true, true);
  }

  /** A decimal setting between {@code min} and {@code max}. */
  Setting(
      String key,
      String defaultValue,
      String description,
      double min,
      double max,
      boolean wholeNumber) {
    this(key, defaultValue, description, min, max, true, wholeNumber);
  }

  Setting(
      String key,
      String defaultValue,
      String description,
      double min,
      double max,
      boolean numeric,
      boolean wholeNumber) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
    this.min = min;
    this.max = max;
    this.numeric = numeric;
    this.wholeNumber = wholeNumber;
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
    if (!numeric) {
      return value.isBlank() ? "it cannot be empty" : null;
    }
    if (!PLAIN_NUMBER.matcher(value.strip()).matches()) {
      return "'" + value + "' is not a number";
    }
    double number = Double.parseDouble(value.strip());
    if (wholeNumber && number != Math.rint(number)) {
      return "it must be a whole number";
    }
    if (number < min || number > max) {
      return "it must be between " + format(min) + " and " + format(max);
    }
    return null;
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
