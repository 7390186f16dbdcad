package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every scenario in {@code test-scripts/} — expect scripts driving the real telnet client,
 * busybox telnet and nc (and ssh through a real sshd that forces logins into telnet), the real IRC
 * clients irssi (full-screen in tmux) and weechat-headless on the IRC door, and shell scripts
 * piping into nc — each against a fresh server started from the packaged jar with the shipped
 * {@code etc/} configuration. Scripts get the telnet port as their second argument, the SSH port in
 * {@code CHATSHELL_SSH_PORT} and the IRC door's in {@code CHATSHELL_IRC_PORT} and {@code
 * CHATSHELL_IRC_TLS_PORT} (also in the configuration, for scripts that start their own server).
 */
class EndToEndScriptsIT {

  @BeforeAll
  static void toolsAreInstalled() {
    for (String tool :
        List.of(
            "expect",
            "telnet",
            "busybox",
            "nc",
            "bash",
            "ssh",
            "ssh-keygen",
            "ssh-keyscan",
            "sshpass",
            "irssi",
            "tmux",
            "weechat-headless")) {
      assertTrue(
          Processes.onPath(tool),
          tool
              + " is needed by test-scripts/; .ci/run installs it (apt-get install telnet expect"
              + " busybox netcat-openbsd openssh-client openssh-server sshpass irssi tmux"
              + " weechat-headless)");
    }
  }

  static Stream<String> scripts() throws IOException {
    try (Stream<Path> files = Files.list(Processes.root().resolve("test-scripts"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".exp") || name.endsWith(".sh"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /**
   * A scenario marked with this line starts the server itself (to give it a terminal: the operator
   * console); the others run against a server started here.
   */
  private static final String OWN_SERVER = "# runs its own server";

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void scenario(String name) throws Exception {
    Path root = Processes.root();
    Path script = root.resolve("test-scripts").resolve(name);
    int port = Processes.freePort();
    int sshPort = Processes.freePort();
    int ircPort = Processes.freePort();
    int ircTlsPort = Processes.freePort();
    Path scratch = Files.createTempDirectory("chatshell-e2e");
    Path config = writeConfig(root, scratch, sshPort, ircPort, ircTlsPort);
    Path serverLog = scratch.resolve("server.log");
    Path scriptLog = scratch.resolve("script.log");
    boolean ownServer = Files.readString(script).contains(OWN_SERVER);
    Process server = null;
    if (!ownServer) {
      server = Processes.serve(null, config, port, sshPort, ircPort, ircTlsPort, serverLog);
    }
    try {
      if (server != null) {
        Processes.awaitPort(port, Duration.ofSeconds(30), server);
      }
      List<String> command =
          name.endsWith(".exp")
              ? List.of("expect", "-f", script.toString(), "127.0.0.1", String.valueOf(port))
              : List.of("bash", script.toString(), "127.0.0.1", String.valueOf(port));
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(scriptLog.toFile());
      builder.environment().put("CHATSHELL_JAVA", Processes.java());
      builder.environment().put("CHATSHELL_JAR", Processes.jar().toString());
      builder.environment().put("CHATSHELL_CONFIG", config.toString());
      builder.environment().put("CHATSHELL_DATA", scratch.resolve("var").toString());
      builder.environment().put("CHATSHELL_SSH_PORT", String.valueOf(sshPort));
      builder.environment().put("CHATSHELL_IRC_PORT", String.valueOf(ircPort));
      builder.environment().put("CHATSHELL_IRC_TLS_PORT", String.valueOf(ircTlsPort));
      Process run = builder.start();
      boolean finished = run.waitFor(120, TimeUnit.SECONDS);
      if (!finished) {
        run.destroyForcibly();
      }
      int exit = finished ? run.exitValue() : -1;
      assertTrue(
          exit == 0,
          () ->
              name
                  + " exited with "
                  + exit
                  + "\n--- script output ---\n"
                  + read(scriptLog)
                  + "\n--- server log ---\n"
                  + read(serverLog));
    } finally {
      if (server != null) {
        Processes.stop(server);
      }
    }
  }

  /** The scenario's configuration: its own data directory, no plugins, the test operator. */
  private static Path writeConfig(Path root, Path scratch, int sshPort, int ircPort, int ircTlsPort)
      throws IOException {
    Files.createDirectories(scratch.resolve("commands"));
    String settings =
        "motd.file="
            + root.resolve("etc/motd.txt")
            + "\ndata.dir="
            + scratch.resolve("var")
            + "\ncommands.dir="
            + scratch.resolve("commands")
            + "\nssh.port="
            + sshPort
            + "\nirc.port="
            + ircPort
            + "\nirc.tls-port="
            + ircTlsPort
            + "\nhttp.port=0\n"
            + Files.readString(root.resolve("test-scripts/test.properties"));
    Path config = scratch.resolve("chatshell.properties");
    Files.writeString(config, settings);
    return config;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
