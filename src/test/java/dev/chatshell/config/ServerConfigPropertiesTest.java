package dev.chatshell.config;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chatshell.chat.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated configuration files against the parser (issue 12, K): whatever the file holds (known
 * keys with odd values, unknown keys, operator lines, broken escapes, bytes that are not UTF-8),
 * loading either succeeds or stops with a {@link ConfigException} whose one-line message shows no
 * control character; once loaded, every value the server reads comes out, or stops it the same way.
 * {@code bind} only gets address literals: a host name would be looked up in the DNS.
 */
class ServerConfigPropertiesTest {
  private static Path home;

  @BeforeContainer
  static void makeHome() throws IOException {
    home = Files.createTempDirectory("config-properties");
  }

  @AfterContainer
  static void removeHome() throws IOException {
    try (var files = Files.walk(home)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(ServerConfigPropertiesTest::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property
  void aFileLoadsOrStopsWithOneClearLine(@ForAll("files") byte[] content) throws IOException {
    Path file = home.resolve("chatshell.properties");
    Files.write(file, content);
    ServerConfig config;
    try {
      config = ServerConfig.load(file, home, Map.of());
    } catch (ConfigException e) {
      assertOneVisibleLine(e.getMessage());
      return;
    }
    try {
      readEverything(config);
    } catch (ConfigException e) {
      assertOneVisibleLine(e.getMessage());
    }
  }

  /** Every value the server reads at start. */
  private static void readEverything(ServerConfig config) throws ConfigException {
    config.serverName();
    config.bind();
    config.port();
    config.motd();
    config.dataDirectory();
    config.databaseUrl();
    config.databaseFile();
    config.passwordIterations();
    config.historyJoinLines();
    config.historyKept();
    config.channelLogs();
    config.moderationLog();
    config.commandsDirectory();
    config.console();
    config.consoleNick();
    config.operators();
    config.maxConnections();
    config.maxConnectionsPerAddress();
    config.maxLineBytes();
    config.outboxLines();
    config.ircOutputGather();
    config.channelsPerUser();
    config.negotiationTimeout();
    config.keepalive();
    config.loginTimeout();
    config.floodRate();
    config.floodBurst();
    config.shutdownGrace();
  }

  private static void assertOneVisibleLine(String message) {
    assertTrue(message != null && !message.isBlank(), "no message");
    message
        .codePoints()
        .filter(Text::isUnsafe)
        .findFirst()
        .ifPresent(cp -> fail(String.format("U+%04X in: %s", cp, Text.visible(message))));
  }

  @Provide
  Arbitrary<byte[]> files() {
    Arbitrary<String> line =
        Arbitraries.frequencyOf(
            Tuple.of(6, setting()),
            Tuple.of(1, operator()),
            Tuple.of(1, junk()),
            Tuple.of(1, Arbitraries.of("# comment", "! comment", "", "   ", "\\", "key\\", "=")));
    Arbitrary<String> text =
        line.list()
            .ofMaxSize(12)
            .flatMap(
                lines -> Arbitraries.of("\n", "\r\n", "\r").map(end -> String.join(end, lines)));
    Arbitrary<byte[]> utf8 = text.map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<byte[]> mixed =
        Combinators.combine(utf8, raw)
            .as(
                (a, b) -> {
                  byte[] both = Arrays.copyOf(a, a.length + b.length);
                  System.arraycopy(b, 0, both, a.length, b.length);
                  return both;
                });
    return Arbitraries.frequencyOf(Tuple.of(6, utf8), Tuple.of(1, raw), Tuple.of(1, mixed));
  }

  private static Arbitrary<String> setting() {
    List<Setting> settings =
        Arrays.stream(Setting.values()).filter(s -> s != Setting.BIND).toList();
    Arbitrary<String> key =
        Arbitraries.of(settings)
            .map(Setting::key)
            .flatMap(k -> Arbitraries.of(k, k, k.toUpperCase(), " " + k, k + " "));
    Arbitrary<String> bind =
        Arbitraries.of("bind=127.0.0.1", "bind=::1", "bind=0.0.0.0", "bind=[::1]", "bind=");
    Arbitrary<String> assignment =
        Combinators.combine(key, Arbitraries.of("=", ":", " ", " = "), value())
            .as((k, sep, v) -> k + sep + v);
    return Arbitraries.frequencyOf(Tuple.of(9, assignment), Tuple.of(1, bind));
  }

  private static Arbitrary<String> value() {
    Arbitrary<String> numbers =
        Arbitraries.of(
            "0",
            "1",
            "-1",
            "2.5",
            "0.001",
            "1000000",
            "1000001",
            "65535",
            "65536",
            "999999999999",
            "1e3",
            "0x10",
            "NaN",
            "Infinity",
            "4000d",
            "2147483648",
            "true",
            "false",
            "TRUE",
            "yes",
            "embedded",
            "jdbc:sqlite:",
            "jdbc:postgresql://x/y",
            "jdbc:mysql:",
            "console",
            "a b",
            "..",
            "../..",
            "/",
            "/dev/null",
            "etc",
            "var",
            "\\u0000",
            "\\uZZZZ",
            "\\t",
            "\u0000",
            "\u001b[31m",
            "\u0085",
            "\u2028",
            "\uD800",
            "%s",
            "${user.home}");
    return Arbitraries.frequencyOf(
        Tuple.of(3, numbers),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(20)),
        Tuple.of(1, Arbitraries.strings().numeric().withChars(".-").ofMaxLength(16)));
  }

  private static Arbitrary<String> operator() {
    Arbitrary<String> name =
        Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(34)),
            Tuple.of(1, Arbitraries.strings().all().ofMaxLength(10)));
    Arbitrary<String> hash =
        Arbitraries.of(
            "pbkdf2-sha256$600000$c2FsdA==$aGFzaA==",
            "pbkdf2-sha256$1$$",
            "pbkdf2-sha256$99999999999999$AA$AA",
            "plain",
            "",
            "$$$");
    return Combinators.combine(name, hash).as((n, h) -> ServerConfig.OPERATOR_PREFIX + n + "=" + h);
  }

  private static Arbitrary<String> junk() {
    return Arbitraries.strings().all().ofMaxLength(40);
  }
}
