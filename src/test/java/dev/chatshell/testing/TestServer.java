package dev.chatshell.testing;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.config.ServerConfig;
import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** Starts a whole in-process server on a free loopback port for integration tests. */
public final class TestServer {
  private TestServer() {}

  /** A server with the defaults, except port 0 on 127.0.0.1 and the given settings. */
  public static ChatshellServer start(Map<Setting, String> settings) throws Exception {
    return start(null, settings);
  }

  /**
   * A server reading {@code file} (for what only a file can say, such as operators; null for none),
   * then as {@link #start(Map)}.
   */
  public static ChatshellServer start(Path file, Map<Setting, String> settings) throws Exception {
    return start(file, settings, System::nanoTime);
  }

  /**
   * A server as {@link #start(Path, Map)} whose login throttle runs on {@code throttleClock}
   * (nanoseconds), so a test moves it instead of sleeping out a penalty.
   */
  public static ChatshellServer start(
      Path file, Map<Setting, String> settings, LongSupplier throttleClock) throws Exception {
    Map<Setting, String> all = new EnumMap<>(Setting.class);
    all.put(Setting.PORT, "0");
    all.put(Setting.SSH_PORT, "0"); // off unless a test asks: none takes the default 2222
    all.put(Setting.IRC_PORT, "0"); // likewise 6667 and 6697
    all.put(Setting.HTTP_PORT, "0"); // and 8080
    all.put(Setting.IRC_TLS_PORT, "0");
    all.put(Setting.BIND, "127.0.0.1");
    all.put(Setting.NEGOTIATION_TIMEOUT_MS, "300");
    all.put(Setting.CONSOLE, "false");
    all.put(Setting.PASSWORD_ITERATIONS, "100000"); // the least allowed: keeps password tests fast
    // Every test client comes from 127.0.0.1: tests of the registration limits set their own.
    all.put(Setting.REGISTRATIONS_PER_ADDRESS, "1000");
    all.put(Setting.REGISTRATIONS_PER_HOUR, "1000");
    Path scratch = Files.createTempDirectory("chatshell-it");
    all.put(Setting.DATA_DIR, scratch.resolve("var").toString());
    all.put(Setting.COMMANDS_DIR, scratch.resolve("commands").toString());
    all.putAll(settings);
    ChatshellServer server =
        new ChatshellServer(ServerConfig.load(file, Path.of("does-not-exist"), all), throttleClock);
    server.start();
    return server;
  }

  /**
   * A server like {@link #start(Map)} that also declares the server operator {@code name} with
   * {@code password} (through a configuration file, the only place operators come from).
   */
  public static ChatshellServer startWithOperator(
      Map<Setting, String> settings, String name, String password) throws Exception {
    Map<Setting, String> all = new EnumMap<>(Setting.class);
    all.put(Setting.PORT, "0");
    all.put(Setting.SSH_PORT, "0"); // off unless a test asks: none takes the default 2222
    all.put(Setting.IRC_PORT, "0"); // likewise 6667 and 6697
    all.put(Setting.HTTP_PORT, "0"); // and 8080
    all.put(Setting.IRC_TLS_PORT, "0");
    all.put(Setting.BIND, "127.0.0.1");
    all.put(Setting.NEGOTIATION_TIMEOUT_MS, "300");
    all.put(Setting.CONSOLE, "false");
    all.put(Setting.PASSWORD_ITERATIONS, "100000");
    Path scratch = Files.createTempDirectory("chatshell-it");
    all.put(Setting.DATA_DIR, scratch.resolve("var").toString());
    all.put(Setting.COMMANDS_DIR, scratch.resolve("commands").toString());
    all.putAll(settings);
    Path file = scratch.resolve("chatshell.properties");
    Files.writeString(
        file,
        ServerConfig.OPERATOR_PREFIX
            + name
            + "="
            + PasswordHash.hash(password.toCharArray(), 100_000)
            + "\n");
    ChatshellServer server =
        new ChatshellServer(ServerConfig.load(file, Path.of("does-not-exist"), all));
    server.start();
    return server;
  }

  public static ChatshellServer start() throws Exception {
    return start(Map.of());
  }
}
