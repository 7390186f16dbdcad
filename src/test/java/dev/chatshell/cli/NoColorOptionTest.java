package dev.chatshell.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.colour.Colours;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NoColorOptionTest {
  @Test
  void everyCommandTakesNoColorBeforeOrAfterTheSubcommand() {
    for (List<String> line :
        List.of(
            List.of("accounts", "list", "--no-color"),
            List.of("--no-color", "serve"),
            List.of("serve", "--no-color"),
            List.of("accounts", "--no-color", "lock", "alice"),
            List.of("backup", "copy.db", "--no-color"),
            List.of("operator-line", "alice", "--no-color"),
            List.of("bench", "--no-color"))) {
      CommandLine.ParseResult parsed = Main.commandLine().parseArgs(line.toArray(String[]::new));
      assertFalse(parsed.errors().size() > 0, line.toString());
      // After a subcommand too, picocli hands the inherited option to the one switch.
      assertTrue(Colours.refused(), line.toString());
    }
  }
}
