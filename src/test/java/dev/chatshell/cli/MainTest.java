package dev.chatshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The program's command line: help, version, and exit codes that mean something. */
class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void versionNamesTheProgramAndJava() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().startsWith("chatshell " + Version.get()), out.toString());
    assertTrue(out.toString().contains("Java " + Runtime.version().feature()), out.toString());
  }

  @Test
  void helpListsTheServeSubcommandAndExitCodes() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("serve"), out.toString());
    assertTrue(out.toString().contains("Bad command line or configuration."), out.toString());
  }

  @Test
  void serveHelpListsItsOptions() {
    assertEquals(0, run("serve", "--help"));
    for (String option : new String[] {"--port", "--bind", "--config"}) {
      assertTrue(out.toString().contains(option), out.toString());
    }
  }

  @Test
  void noSubcommandIsAUsageError() {
    assertEquals(2, run());
    assertTrue(err.toString().contains("Missing a subcommand"), err.toString());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run("serve", "--prot", "1"));
  }

  @Test
  void missingConfigFileIsAConfigurationError(@TempDir Path dir) {
    assertEquals(2, run("serve", "--config", dir.resolve("nope.properties").toString()));
  }

  @Test
  void badSettingIsAConfigurationError(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("bad.properties");
    Files.writeString(config, "limits.line-bytes=lots\n");
    assertEquals(2, run("serve", "--config", config.toString(), "--port", "0"));
    assertTrue(err.toString().contains("limits.line-bytes"), err.toString());
  }

  @Test
  @org.junit.jupiter.api.Timeout(30) // a server that did start would block here
  void aMissingMotdFileStopsTheServerNamingTheSetting(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("site.properties");
    Files.writeString(config, "motd.file=" + dir.resolve("welcom.txt") + "\n");
    assertEquals(2, run("serve", "--config", config.toString(), "--port", "0"));
    assertTrue(
        err.toString().startsWith("chatshell: Bad value for motd.file in " + config),
        err.toString());
  }

  @Test
  @org.junit.jupiter.api.Timeout(30) // a server that did start would block here
  void busyPortExitsWithThree() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertEquals(
          3, run("serve", "--bind", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort())));
      assertTrue(err.toString().contains("cannot listen on port"), err.toString());
    }
  }

  @Test
  void operatorLinePrintsAHashNeverThePassword() throws Exception {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("long enough\nlong enough\n".getBytes()));
      assertEquals(0, run("operator-line", "alice"));
    } finally {
      System.setIn(stdin);
    }
    String line = out.toString().strip();
    assertTrue(line.startsWith("operator.alice=pbkdf2-sha256:600000:"), line);
    assertTrue(!line.contains("long enough"), line);
    String hash = line.substring("operator.alice=".length());
    assertTrue(dev.chatshell.auth.PasswordHash.verify("long enough".toCharArray(), hash));
  }

  @Test
  void operatorLineRefusesDifferentOrShortPasswords() throws Exception {
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("long enough\nlong enougH\n".getBytes()));
      assertEquals(2, run("operator-line", "alice"));
      System.setIn(new java.io.ByteArrayInputStream("short\nshort\n".getBytes()));
      assertEquals(2, run("operator-line", "alice"));
      assertEquals(2, run("operator-line", "not valid!"));
    } finally {
      System.setIn(stdin);
    }
    assertEquals("", out.toString(), "nothing printed to paste");
  }
}
