package dev.chatshell.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.cli.Main;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.CommandTable.Entry;
import dev.chatshell.command.builtin.BuiltinCommands;
import dev.chatshell.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The manual pages and the shipped configuration are kept in step with the code: every command in
 * the table, every setting and every option is documented, and nothing documented is missing from
 * the code.
 */
class DocumentationInStepTest {
  private static final CommandTable TABLE = new CommandTable(BuiltinCommands.all());

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  /** Roff source with escaped hyphens and font changes turned back into plain text. */
  private static String plain(String roff) {
    return roff.replace("\\-", "-").replace("\\fB", "").replace("\\fR", "").replace("\\fI", "");
  }

  @Test
  void everyCommandIsInTheCommandsPageWithItsSynopsisAndSummary() throws IOException {
    String page = plain(read("man/chatshell-commands.7"));
    for (Entry entry : TABLE.entries()) {
      assertTrue(
          page.contains(".B " + entry.synopsis() + "\n"),
          "chatshell-commands.7 lacks the synopsis line of " + entry.synopsis());
      assertTrue(
          page.contains(entry.spec().summary()),
          "chatshell-commands.7 lacks the summary of /" + entry.name());
      assertTrue(
          page.contains("For " + entry.spec().privilege().who() + "."),
          "chatshell-commands.7 does not say who may run /" + entry.name());
    }
  }

  @Test
  void theCommandsPageDocumentsNoCommandThatDoesNotExist() throws IOException {
    Matcher documented =
        Pattern.compile("(?m)^\\.B /([A-Z]+)").matcher(read("man/chatshell-commands.7"));
    Set<String> names = new TreeSet<>();
    while (documented.find()) {
      names.add(documented.group(1));
    }
    Set<String> real = new TreeSet<>();
    TABLE.entries().forEach(e -> real.add(e.name()));
    assertEquals(real, names);
  }

  /** Issue 12: /DEL was listed first, out of order; a reader scans the page alphabetically. */
  @Test
  void theCommandsPageListsTheCommandsInAlphabeticalOrder() throws IOException {
    Matcher documented =
        Pattern.compile("(?m)^\\.B /([A-Z]+)").matcher(read("man/chatshell-commands.7"));
    List<String> names = new java.util.ArrayList<>();
    while (documented.find()) {
      names.add(documented.group(1));
    }
    assertEquals(names.stream().sorted().toList(), names);
  }

  @Test
  void theShippedConfigurationShowsHowToDeclareAnOperator() throws IOException {
    String config = read("etc/chatshell.properties");
    assertTrue(config.contains("#operator.alice=pbkdf2-sha256:"), config);
    assertTrue(config.contains("chatshell operator-line <name>"), config);
  }

  @Test
  void everySettingIsInTheProgramPageAndTheShippedConfiguration() throws IOException {
    String page = read("man/chatshell.1");
    List<String> config = Files.readAllLines(Path.of("etc/chatshell.properties"));
    for (Setting setting : Setting.values()) {
      assertTrue(page.contains(".B " + setting.key() + "\n"), "chatshell.1 lacks " + setting.key());
      int line = config.indexOf("#" + setting.key() + "=" + setting.defaultValue());
      assertTrue(line > 0, "etc/chatshell.properties lacks #" + setting.key() + "=default");
      assertEquals(
          "# " + setting.description(),
          config.get(line - 1),
          "etc/chatshell.properties should describe " + setting.key() + " above it");
    }
  }

  @Test
  void everyOptionAndExitCodeIsInTheProgramPage() throws IOException {
    String page = plain(read("man/chatshell.1"));
    CommandLine main = Main.commandLine();
    for (CommandLine command :
        List.of(main, main.getSubcommands().get("serve"), main.getSubcommands().get("bench"))) {
      for (OptionSpec option : command.getCommandSpec().options()) {
        assertTrue(
            page.contains(option.longestName()), "chatshell.1 lacks " + option.longestName());
      }
    }
    for (String subcommand : main.getSubcommands().keySet()) {
      assertTrue(
          page.contains(".B chatshell " + subcommand) || page.contains(".BI \"" + subcommand),
          "chatshell.1 lacks the subcommand " + subcommand);
    }
    assertTrue(page.contains(".BI operator. NAME"), "chatshell.1 documents operator.<name>");
    for (String code : main.getCommandSpec().usageMessage().exitCodeList().keySet()) {
      assertTrue(page.contains(".B " + code.strip() + "\n"), "chatshell.1 lacks exit code " + code);
    }
  }
}
