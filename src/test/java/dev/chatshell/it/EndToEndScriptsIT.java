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
 * busybox telnet and nc, and shell scripts piping into nc — each against a fresh server started
 * from the packaged jar with the shipped {@code etc/} configuration.
 */
class EndToEndScriptsIT {

  @BeforeAll
  static void toolsAreInstalled() {
    for (String tool : List.of("expect", "telnet", "busybox", "nc", "bash")) {
      assertTrue(
          Processes.onPath(tool),
          tool
              + " is needed by test-scripts/; .ci/run installs it (apt-get install telnet expect"
              + " busybox netcat-openbsd)");
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void scenario(String name) throws Exception {
    Path root = Processes.root();
    int port = Processes.freePort();
    Path serverLog = Files.createTempFile("chatshell-server", ".log");
    Path scriptLog = Files.createTempFile("chatshell-" + name, ".log");
    Process server =
        new ProcessBuilder(
                Processes.java(),
                "-Dchatshell.home=" + root,
                "-jar",
                Processes.jar().toString(),
                "serve",
                "--bind",
                "127.0.0.1",
                "--port",
                String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(serverLog.toFile())
            .start();
    try {
      Processes.awaitPort(port, Duration.ofSeconds(30), server);
      Path script = root.resolve("test-scripts").resolve(name);
      List<String> command =
          name.endsWith(".exp")
              ? List.of("expect", "-f", script.toString(), "127.0.0.1", String.valueOf(port))
              : List.of("bash", script.toString(), "127.0.0.1", String.valueOf(port));
      Process run =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(scriptLog.toFile())
              .start();
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
      Processes.stop(server);
      Files.deleteIfExists(serverLog);
      Files.deleteIfExists(scriptLog);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
