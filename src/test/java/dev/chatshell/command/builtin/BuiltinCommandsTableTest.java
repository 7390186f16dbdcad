package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.ChannelArgument;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import dev.chatshell.testing.BuiltinCommandList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every builtin command's declaration, the data /HELP, completion and man pages use. */
class BuiltinCommandsTableTest {
  /** {@code <nick>}, {@code [reason]}, or glued forms such as {@code <nick>[;<nick>...]}. */
  private static final Pattern USAGE_TOKEN =
      Pattern.compile("(?:<[a-z][a-z-]*>|\\[[^\\[\\]\\s]*(?:<[a-z][a-z-]*>)?[^\\[\\]\\s]*\\])+");

  static Stream<ChatCommand> builtins() {
    return BuiltinCommands.all().stream();
  }

  private static SlashCommand spec(ChatCommand command) {
    return command.getClass().getAnnotation(SlashCommand.class);
  }

  @Test
  void theBuiltinsMakeAValidTable() {
    assertDoesNotThrow(() -> new CommandTable(BuiltinCommands.all()));
  }

  @Test
  void namesAreUnique() {
    Set<String> names = new HashSet<>();
    for (ChatCommand command : BuiltinCommands.all()) {
      assertTrue(names.add(spec(command).name()), "duplicate /" + spec(command).name());
    }
  }

  @Test
  void theBuiltinsAreTheSpecsCommandsWithTheSpecsPrivileges() {
    Map<String, Privilege> declared = new TreeMap<>();
    BuiltinCommands.all().forEach(c -> declared.put(spec(c).name(), spec(c).privilege()));

    assertEquals(BuiltinCommandList.PRIVILEGES, declared);
  }

  @ParameterizedTest
  @MethodSource("builtins")
  void everyCommandIsDeclared(ChatCommand command) {
    SlashCommand spec = spec(command);

    assertNotNull(spec, command.getClass().getName() + " lacks @SlashCommand");
    assertNotNull(spec.privilege());
    assertTrue(spec.name().matches("[A-Z][A-Z0-9]{0,15}"), spec.name());
    assertEquals(spec.name(), CommandTable.entryFor(command).name());
  }

  @ParameterizedTest
  @MethodSource("builtins")
  void everyCommandHasAOneLineSummary(ChatCommand command) {
    String summary = spec(command).summary();

    assertFalse(summary.isBlank(), spec(command).name());
    assertFalse(summary.contains("\n"), spec(command).name());
    assertEquals(summary.strip(), summary, spec(command).name());
  }

  @ParameterizedTest
  @MethodSource("builtins")
  void usageTokensAreRequiredOrOptionalArguments(ChatCommand command) {
    String usage = CommandTable.entryFor(command).usage();
    if (usage.isEmpty()) {
      return;
    }
    for (String token : usage.split(" ", -1)) {
      assertTrue(
          USAGE_TOKEN.matcher(token).matches(),
          () -> "/" + spec(command).name() + " usage token '" + token + "' in '" + usage + "'");
    }
  }

  @Test
  void theUsageCheckCatchesMalformedTokens() {
    for (String bad : List.of("nick", "<nick", "[reason", "<Nick>", "", "<>", "{x}")) {
      assertFalse(USAGE_TOKEN.matcher(bad).matches(), bad);
    }
    for (String good : List.of("<nick>", "[reason]", "<nick>[;<nick>...]", "<new-name>")) {
      assertTrue(USAGE_TOKEN.matcher(good).matches(), good);
    }
  }

  @ParameterizedTest
  @MethodSource("builtins")
  void theUsageShowsEveryDeclaredArgumentOnce(ChatCommand command) {
    SlashCommand spec = spec(command);
    String usage = CommandTable.entryFor(command).usage();
    int shown = usage.isEmpty() ? 0 : usage.split(" ").length;
    int channel = spec.channelArgument() == ChannelArgument.NONE ? 0 : 1;

    assertEquals(spec.arguments().length + channel, shown, spec.name());
  }

  /** The usage lines users saw when each command wrote its own: derived, they read the same. */
  @Test
  void theDerivedUsageLinesAreTheOnesUsersKnow() {
    Map<String, String> synopses = new TreeMap<>();
    new CommandTable(BuiltinCommands.all())
        .entries()
        .forEach(e -> synopses.put(e.name(), e.synopsis()));

    assertEquals(
        new TreeMap<>(
            Map.ofEntries(
                Map.entry("ACCEPT", "/ACCEPT <nick>"),
                Map.entry("AWAY", "/AWAY [message]"),
                Map.entry("BAN", "/BAN [#channel|*] <target> [duration] [reason]"),
                Map.entry("BANS", "/BANS [#channel|*]"),
                Map.entry("BYE", "/BYE [reason]"),
                Map.entry("CURRENT", "/CURRENT [channel]"),
                Map.entry("DEL", "/DEL <channel> [reason]"),
                Map.entry("DENY", "/DENY <nick> [reason]"),
                Map.entry("GRANT", "/GRANT <nick>"),
                Map.entry("HELP", "/HELP [command]"),
                Map.entry("HISTORY", "/HISTORY [nick] [n]"),
                Map.entry("IGNORE", "/IGNORE [nick]"),
                Map.entry("INVITE", "/INVITE <nick>"),
                Map.entry("JOIN", "/JOIN <channel>"),
                Map.entry("KEY", "/KEY [ADD|LIST|DEL] [key-line|fingerprint]"),
                Map.entry("KICK", "/KICK <nick> [reason]"),
                Map.entry("KILL", "/KILL <nick> [reason]"),
                Map.entry("LEAVE", "/LEAVE [channel]"),
                Map.entry("LIMIT", "/LIMIT [members]"),
                Map.entry("LIST", "/LIST"),
                Map.entry("ME", "/ME <action>"),
                Map.entry("MSG", "/MSG <nick>[;<nick>...] <text>"),
                Map.entry("NICK", "/NICK <nick>"),
                Map.entry("OPER", "/OPER <name>"),
                Map.entry("PASSWD", "/PASSWD"),
                Map.entry("PRIVATE", "/PRIVATE <on-or-off>"),
                Map.entry("REGISTER", "/REGISTER [channel]"),
                Map.entry("REN", "/REN <new-name>"),
                Map.entry("REQUESTS", "/REQUESTS"),
                Map.entry("REVOKE", "/REVOKE <nick>"),
                Map.entry("SET", "/SET [setting] [on|off|toggle]"),
                Map.entry("SHUTDOWN", "/SHUTDOWN [reason]"),
                Map.entry("TOPIC", "/TOPIC [text]"),
                Map.entry("TOPICLOCK", "/TOPICLOCK <on-or-off>"),
                Map.entry("UNBAN", "/UNBAN [#channel|*] <target>"),
                Map.entry("UNIGNORE", "/UNIGNORE <nick>"),
                Map.entry("WHO", "/WHO [channel]"))),
        synopses);
  }
}
