package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.CommandTable;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpCommandTest extends BuiltinFixture {

  private static List<String> commandNames(List<String> replies) {
    return replies.stream()
        .filter(line -> line.startsWith("/"))
        .map(line -> line.split(" ")[0])
        .toList();
  }

  @Test
  void aUserInNoChannelSeesOnlyCommandsForEveryone() {
    FakeContext alice = connect("alice").run("/HELP");

    assertEquals(
        List.of(
            "/AWAY",
            "/BYE",
            "/CURRENT",
            "/HELP",
            "/HISTORY",
            "/IGNORE",
            "/JOIN",
            "/LIST",
            "/MSG",
            "/NICK",
            "/OPER",
            "/PASSWD",
            "/REGISTER",
            "/SET",
            "/UNIGNORE"),
        commandNames(alice.replies()));
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void aMemberAlsoSeesLeaveAndWho() {
    FakeContext alice = connect("alice");
    FakeContext bob = connect("bob");
    alice.run("/JOIN #a");
    bob.run("/JOIN #a").run("/help");

    assertEquals(
        List.of(
            "/AWAY",
            "/BANS",
            "/BYE",
            "/CURRENT",
            "/HELP",
            "/HISTORY",
            "/IGNORE",
            "/JOIN",
            "/LEAVE",
            "/LIST",
            "/ME",
            "/MSG",
            "/NICK",
            "/OPER",
            "/PASSWD",
            "/REGISTER",
            "/SET",
            "/TOPIC",
            "/UNIGNORE",
            "/WHO"),
        commandNames(bob.replies()));
  }

  @Test
  void theMainAdminAlsoSeesTheModerationCommandsButNotKill() {
    FakeContext alice = connect("alice");
    alice.run("/JOIN #a").clear().run("/help");

    assertEquals(
        List.of(
            "/ACCEPT",
            "/AWAY",
            "/BAN",
            "/BANS",
            "/BYE",
            "/CURRENT",
            "/DEL",
            "/DENY",
            "/GRANT",
            "/HELP",
            "/HISTORY",
            "/IGNORE",
            "/INVITE",
            "/JOIN",
            "/KICK",
            "/LEAVE",
            "/LIST",
            "/ME",
            "/MSG",
            "/NICK",
            "/OPER",
            "/PASSWD",
            "/PRIVATE",
            "/REGISTER",
            "/REN",
            "/REQUESTS",
            "/REVOKE",
            "/SET",
            "/TOPIC",
            "/UNBAN",
            "/UNIGNORE",
            "/WHO"),
        commandNames(alice.replies()));
  }

  @Test
  void eachLineShowsTheSynopsisThenTheSummaryInAColumn() {
    FakeContext alice = connect("alice").run("/HELP");
    List<String> lines = alice.replies().stream().filter(l -> l.startsWith("/")).toList();
    List<CommandTable.Entry> entries =
        lines.stream().map(l -> commands.find(l.split(" ")[0])).toList();
    int column = entries.stream().mapToInt(e -> e.synopsis().length()).max().orElseThrow() + 2;

    for (int i = 0; i < lines.size(); i++) {
      CommandTable.Entry entry = entries.get(i);
      String expected =
          String.format("%-" + column + "s%s", entry.synopsis(), entry.spec().summary());
      assertEquals(expected, lines.get(i));
    }
    assertTrue(
        lines.contains(String.format("%-" + column + "s%s", "/JOIN <channel>", summary("JOIN"))));
  }

  private String summary(String name) {
    return commands.find(name).spec().summary();
  }

  @Test
  void theListEndsWithAHintAboutPlainText() {
    FakeContext alice = connect("alice").run("/HELP");
    List<String> replies = alice.replies();

    assertTrue(replies.get(replies.size() - 1).startsWith("Text that does not start with /"));
  }

  @Test
  void helpForOneCommandShowsItsSynopsisAndSummary() {
    FakeContext alice = connect("alice").run("/HELP msg");

    assertEquals(
        List.of(
            "/MSG <nick>[;<nick>...] <text>",
            "  send a private message to one or more users (for everyone)"),
        alice.replies());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void helpForOneCommandAcceptsTheSlash() {
    FakeContext alice = connect("alice").run("/HELP /join");

    assertEquals("/JOIN <channel>", alice.replies().get(0));
  }

  @Test
  void aMemberMayAskAboutMemberCommands() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/HELP WHO");

    assertEquals("/WHO [channel]", alice.replies().get(0));
    assertTrue(alice.replies().get(1).endsWith("(for members of a channel)"));
  }

  @Test
  void helpForACommandTheUserCannotUseIsAnError() {
    FakeContext alice = connect("alice").run("/HELP leave");

    assertEquals(List.of(), alice.replies());
    assertEquals(
        List.of("No command /leave that you can use here; /HELP lists the ones you can."),
        alice.errors());
  }

  @Test
  void helpForAnUnknownCommandIsAnError() {
    FakeContext alice = connect("alice").run("/HELP xyzzy");

    assertEquals(List.of(), alice.replies());
    assertEquals(1, alice.errors().size());
    assertTrue(alice.errors().get(0).startsWith("No command /xyzzy"));
  }

  @Test
  void helpTakesAtMostOneCommand() {
    FakeContext alice = connect("alice").run("/HELP join leave");

    assertEquals(List.of("Too many arguments. Usage: /HELP [command]"), alice.errors());
    assertFalse(alice.replies().stream().anyMatch(l -> l.startsWith("/")));
  }
}
