package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatshell.testing.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program colours its own output on a terminal only: through pipes and into files it
 * writes plain text, and NO_COLOR or --no-color turn colour off on a terminal too.
 */
class ColoursIT {
  private static final char ESC = '\u001b';

  @TempDir Path dir;

  private record Run(int exit, String output) {}

  /** Runs the program with standard input, output and error as pipes and files. */
  private Run piped(String input, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Processes.java(), "-jar", jar()));
    command.addAll(List.of(arguments));
    Path output = dir.resolve("output.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  /** Runs the program on a terminal of its own (util-linux script gives it a pty). */
  private String onTerminal(Map<String, String> environment, String arguments) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            "script", "-qec", Processes.java() + " -jar " + jar() + " " + arguments, "/dev/null");
    builder.environment().put("TERM", "xterm");
    builder.environment().remove("NO_COLOR");
    builder.environment().putAll(environment);
    Path output = dir.resolve("terminal.txt");
    Process process =
        builder
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    process.getOutputStream().close();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  private static String jar() {
    return Processes.jar().toString();
  }

  @Test
  void pipedOutputIsPlainText() throws Exception {
    Run line = piped("long enough\nlong enough\n", "operator-line", "alice");
    assertEquals(0, line.exit(), line.output());
    assertTrue(line.output().startsWith("operator.alice=pbkdf2-sha256:"), line.output());
    assertFalse(line.output().indexOf(ESC) >= 0, line.output());

    Run error = piped("", "serve", "--config", dir.resolve("missing.properties").toString());
    assertEquals(2, error.exit(), error.output());
    assertTrue(error.output().contains("chatshell: No configuration file at"), error.output());
    assertFalse(error.output().indexOf(ESC) >= 0, error.output());
  }

  @Test
  void helpAndUsageErrorsAreColouredOnlyWhenOursWouldBe() throws Exception {
    assumeTrue(Processes.onPath("script"), "util-linux script gives the program a terminal");
    String help = onTerminal(Map.of(), "--help");
    assertTrue(help.contains("serve") && help.indexOf(ESC) >= 0, help);
    for (String refused :
        List.of(
            onTerminal(Map.of(), "--no-color --help"),
            onTerminal(Map.of(), "--no-color bogus"),
            onTerminal(Map.of("TERM", "dumb"), "--help"))) {
      assertTrue(refused.contains("serve") || refused.contains("bogus"), refused);
      assertFalse(refused.indexOf(ESC) >= 0, refused);
    }
  }

  @Test
  void aTerminalGetsColourUnlessRefused() throws Exception {
    assumeTrue(Processes.onPath("script"), "util-linux script gives the program a terminal");
    String missing = "serve --config " + dir.resolve("missing.properties");
    String coloured = onTerminal(Map.of(), missing);
    assertTrue(coloured.contains(ESC + "[31mchatshell: No configuration file at"), coloured);
    String refused = onTerminal(Map.of(), "--no-color " + missing);
    assertTrue(refused.contains("chatshell: No configuration file at"), refused);
    assertFalse(refused.indexOf(ESC) >= 0, refused);
    String noColor = onTerminal(Map.of("NO_COLOR", "1"), missing);
    assertTrue(noColor.contains("chatshell: No configuration file at"), noColor);
    assertFalse(noColor.indexOf(ESC) >= 0, noColor);
  }
}
