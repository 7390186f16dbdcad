package dev.chatshell.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerConfigTest {
  @TempDir Path dir;

  private Path propertiesFile(String... lines) throws IOException {
    Path etc = Files.createDirectories(dir.resolve("etc"));
    Path file = etc.resolve("chatshell.properties");
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void defaults() throws Exception {
    ServerConfig config = ServerConfig.load(null, dir, Map.of());
    assertEquals("chatshell", config.serverName());
    assertEquals("0.0.0.0", config.bind().getHostAddress());
    assertEquals(2323, config.port());
    assertEquals(19000, config.maxConnections());
    assertEquals(10, config.maxConnectionsPerAddress());
    assertEquals(4096, config.maxLineBytes());
    assertEquals(1000, config.outboxLines());
    assertEquals(50, config.channelsPerUser());
    assertEquals(Duration.ofMillis(1000), config.negotiationTimeout());
    assertEquals(Duration.ofSeconds(30), config.keepalive());
    assertEquals(Duration.ofSeconds(120), config.loginTimeout());
    assertEquals(2.0, config.floodRate());
    assertEquals(10, config.floodBurst());
    assertEquals(Duration.ofSeconds(3), config.shutdownGrace());
    assertEquals("etc/motd.txt", config.get(Setting.MOTD_FILE));
    assertEquals(dir.resolve("var"), config.dataDirectory());
    assertEquals(dir.resolve("var/moderation.log"), config.moderationLog());
    assertEquals(dir.resolve("commands"), config.commandsDirectory());
    assertTrue(config.console());
    assertEquals("console", config.consoleNick());
    assertEquals(Map.of(), config.operators());
  }

  @Test
  void everyDefaultPassesItsOwnCheck() {
    for (Setting setting : Setting.values()) {
      assertNull(setting.problem(setting.defaultValue()), setting.key());
      assertEquals(setting, Setting.byKey(setting.key()));
    }
    assertNull(Setting.byKey("no.such.key"));
  }

  @Test
  void fileOverridesDefaultsAndCommandLineOverridesTheFile() throws Exception {
    Path file =
        propertiesFile(
            "# comment",
            "server.name = Test Server",
            "port=4000",
            "limits.connections-per-address = 3 ",
            "flood.rate=0.5");
    ServerConfig config =
        ServerConfig.load(file, dir, Map.of(Setting.PORT, "5000", Setting.FLOOD_BURST, " 7 "));
    assertEquals("Test Server", config.serverName());
    assertEquals(5000, config.port(), "the command line wins");
    assertEquals(3, config.maxConnectionsPerAddress(), "the file wins over the default");
    assertEquals(0.5, config.floodRate(), "a fraction where one is allowed");
    assertEquals(7, config.floodBurst());
    assertEquals(19000, config.maxConnections(), "untouched settings keep their default");
  }

  @Test
  void unknownKeyInTheFileIsNamed() throws Exception {
    Path file = propertiesFile("port=4000", "limits.conections=5");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(file, dir, Map.of()));
    assertTrue(e.getMessage().contains("limits.conections"), e.getMessage());
  }

  @Test
  void aBrokenUnicodeEscapeIsAConfigErrorNotACrash() throws Exception {
    // Found by ServerConfigPropertiesTest: Properties.load threw IllegalArgumentException.
    Path file = propertiesFile("port=4000", "server.name=caf\\u00e", "x=\\uZZZZ");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(file, dir, Map.of()));
    assertTrue(e.getMessage().contains("escape"), e.getMessage());
  }

  @Test
  void whatTheFileHeldIsQuotedVisibly() throws Exception {
    // Found by ServerConfigPropertiesTest: control characters reached the operator's terminal.
    Path file = propertiesFile("port=4\u001b[2J", "");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(file, dir, Map.of()));
    assertTrue(e.getMessage().contains("'4^[[2J' is not a number"), e.getMessage());
  }

  @Test
  void aPathWithANulIsAConfigErrorNamingTheSetting() throws Exception {
    // Found by ServerConfigPropertiesTest: motd.file=\\u0000 crashed the start in motd().
    Path file = propertiesFile("motd.file=etc/\\u0000motd.txt");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(file, dir, Map.of()));
    assertTrue(
        e.getMessage().startsWith("Bad value for motd.file")
            && e.getMessage().contains("not a usable path"),
        e.getMessage());
    assertThrows(
        ConfigException.class,
        () -> ServerConfig.load(null, dir, Map.of(Setting.DATA_DIR, "var\u0000")));
  }

  @Test
  void missingConfigFileIsAConfigError() {
    Path file = dir.resolve("nowhere.properties");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(file, dir, Map.of()));
    assertTrue(e.getMessage().contains("nowhere.properties"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "port | abc",
        "port | ''",
        "port | 70000",
        "port | -1",
        "port | 23.5",
        "port | NaN",
        "port | Infinity",
        "limits.connections | 0",
        "limits.line-bytes | 10",
        "telnet.negotiation-timeout-ms | 1e9",
        "flood.burst | 2.5",
        "flood.rate | NaN",
        "flood.rate | 0",
        "flood.rate | -1",
        "flood.rate | fast",
        "server.name | ' '",
        "motd.file | ''"
      })
  void badValuesInTheFileAreRefusedNamingTheKey(String key, String value) throws Exception {
    Path file = propertiesFile(key + "=" + value);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(file, dir, Map.of()));
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "port | abc",
        "port | 65536",
        "port | 1.5",
        "port | NaN",
        "keepalive.seconds | 0",
        "flood.rate | NaN",
        "flood.rate | -Infinity"
      })
  void badValuesOnTheCommandLineAreRefusedNamingTheKey(String key, String value) {
    Setting setting = Setting.byKey(key);
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ServerConfig.load(null, dir, Map.of(setting, value)));
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {"port | 4000d", "port | 4000f", "port | 0x1p11", "flood.rate | 2D"})
  void javaLiteralSyntaxIsNotANumberInTheConfiguration(String key, String value) throws Exception {
    Path file = propertiesFile(key + "=" + value);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(file, dir, Map.of()));
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }

  @Test
  void passwordsOverTelnetAreWarnedOfByDefaultAndTheSshDoorIsOn2222() throws Exception {
    ServerConfig config = ServerConfig.load(null, dir, Map.of());
    assertEquals("warn", config.telnetPasswords());
    assertEquals(2222, config.sshPort());
  }

  @ParameterizedTest
  @CsvSource({"allow", "warn", "refuse", "' refuse '"})
  void passwordsOverTelnetTakeTheirThreeWords(String value) throws Exception {
    Path file = propertiesFile("telnet.passwords=" + value, "ssh.port=0");
    ServerConfig config = ServerConfig.load(file, dir, Map.of());
    assertEquals(value.strip(), config.telnetPasswords());
    assertEquals(0, config.sshPort());
  }

  @ParameterizedTest(name = "telnet.passwords={0}")
  @ValueSource(strings = {"yes", "Refuse", "deny", "", "warn,refuse"})
  void anyOtherWordForPasswordsOverTelnetIsOneLineNamingTheThree(String value) throws Exception {
    Path file = propertiesFile("telnet.passwords=" + value);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(file, dir, Map.of()));
    assertEquals(
        "Bad value for telnet.passwords in " + file + ": it must be allow, warn or refuse",
        e.getMessage());
    ConfigException onTheCommandLine =
        assertThrows(
            ConfigException.class,
            () -> ServerConfig.load(null, dir, Map.of(Setting.TELNET_PASSWORDS, value)));
    assertEquals(
        "Bad value for telnet.passwords on the command line: it must be allow, warn or refuse",
        onTheCommandLine.getMessage());
  }

  @ParameterizedTest(name = "ssh.port={0}")
  @CsvSource({"-1", "65536", "ssh", "22.5"})
  void aBadSshPortIsRefusedNamingTheKey(String value) throws Exception {
    Path file = propertiesFile("ssh.port=" + value);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(file, dir, Map.of()));
    assertTrue(e.getMessage().startsWith("Bad value for ssh.port in "), e.getMessage());
  }

  @Test
  void rangeBoundsAreIncluded() throws Exception {
    ServerConfig config =
        ServerConfig.load(
            null,
            dir,
            Map.of(
                Setting.PORT, "65535",
                Setting.MAX_LINE_BYTES, "64",
                Setting.SHUTDOWN_GRACE_SECONDS, "0",
                Setting.FLOOD_RATE, "0.01"));
    assertEquals(65535, config.port());
    assertEquals(64, config.maxLineBytes());
    assertEquals(Duration.ZERO, config.shutdownGrace());
    assertEquals(0.01, config.floodRate());
    assertEquals(0, ServerConfig.load(null, dir, Map.of(Setting.PORT, "0")).port());
  }

  @Test
  void unresolvableBindAddressIsRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ServerConfig.load(null, dir, Map.of(Setting.BIND, "[::zz]")));
    assertTrue(e.getMessage().contains("bind"), e.getMessage());
  }

  @Test
  void relativePathsStartAtTheInstallationWhereverTheFileIs() throws Exception {
    Path file = propertiesFile("motd.file=welcome.txt\ndata.dir=state");
    Files.write(
        dir.resolve("welcome.txt"), List.of("Welcome.", "Be nice."), StandardCharsets.UTF_8);
    Files.write(
        file.getParent().resolve("welcome.txt"),
        List.of("wrong directory"),
        StandardCharsets.UTF_8);

    ServerConfig config = ServerConfig.load(file, dir, Map.of());
    assertEquals(List.of("Welcome.", "Be nice."), config.motd());
    assertEquals(dir.resolve("state/moderation.log"), config.moderationLog());
  }

  @Test
  void withoutAConfigFileTheMotdComesFromTheInstallation() throws Exception {
    Files.createDirectories(dir.resolve("etc"));
    Files.write(dir.resolve("etc/motd.txt"), List.of("From the base."), StandardCharsets.UTF_8);
    assertEquals(List.of("From the base."), ServerConfig.load(null, dir, Map.of()).motd());
  }

  @Test
  void motdBytesThatAreNotUtf8BecomeReplacementCharacters() throws Exception {
    Path file = propertiesFile("motd.file=latin1.txt");
    Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
    assertEquals(List.of("caf\uFFFD"), ServerConfig.load(file, dir, Map.of()).motd());
  }

  @Test
  void operatorsAreReadWithTheirHashesAndCheckedAtLoad() throws Exception {
    String hash = dev.chatshell.auth.PasswordHash.hash("long password".toCharArray());
    Path good = propertiesFile("operator.alice=" + hash);
    assertEquals(Map.of("alice", hash), ServerConfig.load(good, dir, Map.of()).operators());
    Path plain = propertiesFile("operator.bob=hunter2");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(plain, dir, Map.of()));
    assertTrue(e.getMessage().contains("operator.bob"), e.getMessage());
    Path badName = propertiesFile("operator.b!b=" + hash);
    assertThrows(ConfigException.class, () -> ServerConfig.load(badName, dir, Map.of()));
  }

  /** Issue 14: operator.<name>.key lines, and .key.<label> for more keys, checked at load. */
  @Test
  void operatorKeysAreReadAndCheckedAtLoad() throws Exception {
    String hash = dev.chatshell.auth.PasswordHash.hash("long password".toCharArray());
    String one = dev.chatshell.testing.SshKeygen.ed25519Line("root@laptop");
    String two = dev.chatshell.testing.SshKeygen.ed25519Line("root@desk");
    String three = dev.chatshell.testing.SshKeygen.ed25519Line("bob");
    Path good =
        propertiesFile(
            "operator.root=" + hash,
            "operator.root.key=" + one,
            "operator.root.key.desk=" + two,
            "operator.bob.key=" + three);

    ServerConfig config = ServerConfig.load(good, dir, Map.of());

    assertEquals(Map.of("root", hash), config.operators(), "keys are no password lines");
    assertEquals(
        Map.of("root", List.of(one, two), "bob", List.of(three)),
        config.operatorKeys(),
        "bob has a key and no password");
    assertEquals(Map.of(), ServerConfig.load(null, dir, Map.of()).operatorKeys());

    Path dsa = propertiesFile("operator.root.key=ssh-dss AAAAB3NzaC1kc3MAAACBAP1 me");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(dsa, dir, Map.of()));
    assertTrue(e.getMessage().startsWith("Bad value for operator.root.key in "), e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                ": DSA keys (ssh-dss) are not accepted: they are weak,"
                    + " and OpenSSH dropped them; make a new key with ssh-keygen -t ed25519."),
        e.getMessage());
    Path badName = propertiesFile("operator.r!t.key=" + one);
    assertThrows(ConfigException.class, () -> ServerConfig.load(badName, dir, Map.of()));
    Path badLabel = propertiesFile("operator.root.key.a.b=" + one);
    assertThrows(ConfigException.class, () -> ServerConfig.load(badLabel, dir, Map.of()));
  }

  @Test
  void theConsoleNickMustBeAValidNick() throws Exception {
    Path file = propertiesFile("console.nick=9 lives");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(file, dir, Map.of()));
    assertTrue(e.getMessage().contains("console.nick"), e.getMessage());
  }

  @Test
  void withoutTheDefaultMotdFileABuiltInOneLineDefaultIsShown() throws Exception {
    List<String> motd = ServerConfig.load(null, dir, Map.of()).motd();
    assertEquals(1, motd.size(), motd.toString());
    assertFalse(motd.get(0).isBlank());
  }

  @Test
  void aNamedMotdFileThatDoesNotExistIsRefusedNamingTheSetting() throws Exception {
    Path file = propertiesFile("motd.file=missing.txt");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.load(file, dir, Map.of()));
    assertEquals(
        "Bad value for motd.file in " + file + ": no such file " + dir.resolve("missing.txt"),
        e.getMessage());
    ConfigException onTheCommandLine =
        assertThrows(
            ConfigException.class,
            () -> ServerConfig.load(null, dir, Map.of(Setting.MOTD_FILE, "gone.txt")));
    assertTrue(
        onTheCommandLine.getMessage().startsWith("Bad value for motd.file on the command line"),
        onTheCommandLine.getMessage());
    Path directory = propertiesFile("motd.file=etc");
    assertThrows(ConfigException.class, () -> ServerConfig.load(directory, dir, Map.of()));
  }
}
