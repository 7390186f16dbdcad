package dev.chatshell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** {@code chatshell bench --protocol irc}: the comparison its options describe. */
class IrcOptionsTest {
  @TempDir Path dir;

  private static BenchCommand parse(String... args) {
    BenchCommand command = new BenchCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  /** A file that passes for a program: the bench only checks that it can be run. */
  private Path program(String name) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private IrcComparison.Setup setup(String... args) {
    return parse(args).ircSetup(dir.resolve("results"), "t");
  }

  @Test
  void defaultsAreTheIssuesLoad() throws Exception {
    IrcComparison.Setup setup =
        setup("--protocol", "irc", "--against", "ngircd", "--ngircd", program("ngircd").toString());
    assertEquals(List.of(Target.NGIRCD), setup.targets());
    assertEquals(1000, setup.load().sessions());
    assertEquals(1, setup.load().channels());
    assertEquals(100, setup.load().rate());
    assertEquals(Plan.Door.IRC, setup.load().door());
    assertEquals(10_000, setup.idle().sessions());
    assertEquals(100, setup.idle().channels());
    assertEquals(Plan.Door.IRC, setup.idle().door());
    assertEquals(Duration.ofSeconds(10), setup.idleSettle());
    assertEquals(50, setup.searchFrom());
    assertEquals(100.0, setup.p99LimitMillis());
    assertEquals(Duration.ofSeconds(10), setup.stepDuration());
    assertEquals(1, setup.rounds());
  }

  @Test
  void everyServerInTheOrderGivenWithItsProgram() throws Exception {
    IrcComparison.Setup setup =
        setup(
            "--protocol=irc",
            "--against",
            "ergo, chatshell,inspircd,ngircd",
            "--ergo",
            program("ergo").toString(),
            "--inspircd",
            program("inspircd").toString(),
            "--ngircd",
            program("ngircd").toString(),
            "--rounds",
            "3",
            "--idle-clients",
            "500",
            "--idle-channels",
            "5",
            "--idle-settle",
            "1500ms",
            "--sessions",
            "200",
            "--rate",
            "20",
            "--p99-limit",
            "50ms",
            "--search-from",
            "0");
    assertEquals(
        List.of(Target.ERGO, Target.CHATSHELL, Target.INSPIRCD, Target.NGIRCD), setup.targets());
    assertEquals(program("ergo").toString(), setup.binaries().get(Target.ERGO));
    assertFalse(setup.binaries().containsKey(Target.CHATSHELL));
    assertEquals(3, setup.rounds());
    assertEquals(500, setup.idle().sessions());
    assertEquals(5, setup.idle().channels());
    assertEquals(Duration.ofMillis(1500), setup.idleSettle());
    assertEquals(200, setup.load().sessions());
    assertEquals(20, setup.load().rate());
    assertEquals(50.0, setup.p99LimitMillis());
    assertEquals(0, setup.searchFrom());
  }

  @Test
  void chatshellGetsItsIrcSettingsAndTheUsersHaveTheLastWord() {
    IrcComparison.Setup setup =
        setup("--protocol", "irc", "--against", "chatshell", "--server-setting", "flood.rate=5");
    Map<String, String> settings = setup.chatshellSettings().apply(setup.idle(), dir);
    assertEquals("0", settings.get("irc.tls-port"));
    assertEquals("1000000", settings.get("limits.connections-per-address"));
    assertEquals("5", settings.get("flood.rate"));
  }

  private String refused(String... args) {
    return assertThrows(ParameterException.class, () -> setup(args)).getMessage();
  }

  @Test
  void refusesWhatDoesNotFit() throws Exception {
    assertTrue(refused("--protocol", "irc", "--against", "ergo").contains("--ergo PATH"));
    assertTrue(refused("--protocol", "irc", "--against", "ngircd,unreal").contains("not 'unreal'"));
    assertTrue(refused("--protocol", "irc", "--against", "chatshell,chatshell").contains("twice"));
    assertTrue(
        refused("--protocol", "irc", "--against", "chatshell", "--transport", "ssh")
            .contains("no --transport ssh"));
    assertTrue(
        refused("--protocol", "irc", "--against", "chatshell", "--idle-settle", "-5s")
            .contains("--idle-settle must be a time"));
    assertTrue(
        refused("--protocol", "irc", "--against", "chatshell", "--rate", "max")
            .contains("--rate in messages/s"));
    assertTrue(
        refused("--protocol", "irc", "--against", "chatshell", "--message-bytes", "600")
            .contains("at most 400"));
    assertTrue(
        refused("--protocol", "irc", "--against", "ergo", "--ergo", dir.resolve("none").toString())
            .contains("is not a program"));
    BenchCommand telnet = parse("--protocol", "gopher");
    assertThrows(ParameterException.class, telnet::irc);
  }
}
