package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.FakeContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpCommandTest extends BuiltinFixture {

  /** The synopsis lines of /HELP, by command name, with the text beside or under each. */
  private static Map<String, String> listing(List<String> replies) {
    Map<String, String> byName = new TreeMap<>();
    String current = null;
    for (String line : replies) {
      if (line.startsWith("/")) {
        current = line.split(" ")[0];
        byName.put(current, line);
      } else if (line.startsWith(" ") && current != null) {
        byName.put(current, byName.get(current) + " " + line.strip());
      } else {
        current = null;
      }
    }
    return byName;
  }

  private List<String> allNames() {
    return commands.entries().stream().map(e -> "/" + e.name()).toList();
  }

  /** Issue 12: /HELP shows every command and says why the ones you cannot use are not for you. */
  @Test
  void aUserInNoChannelSeesEveryCommandWithWhyNotMarked() {
    FakeContext alice = connect("alice").run("/HELP");
    Map<String, String> listed = listing(alice.replies());

    List<String> expected = allNames().stream().filter(n -> !n.equals("/PASSWD")).toList();
    assertEquals(expected, List.copyOf(listed.keySet()));
    assertTrue(listed.get("/KILL").endsWith("[operators only]"), listed.get("/KILL"));
    assertTrue(listed.get("/KICK").endsWith("[needs a channel where you are admin]"));
    assertTrue(listed.get("/GRANT").endsWith("[needs a channel where you are main admin]"));
    assertTrue(listed.get("/LEAVE").endsWith("[needs a current channel]"));
    assertFalse(listed.get("/WHO").contains("[needs"), "/WHO #channel works for anyone");
    assertFalse(listed.get("/JOIN").contains("[needs"), listed.get("/JOIN"));
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void aMemberIsToldWhichCommandsNeedAdminRights() {
    connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a").run("/help");
    Map<String, String> listed = listing(bob.replies());

    assertTrue(listed.get("/KICK").endsWith("[needs channel admin]"), listed.get("/KICK"));
    assertTrue(listed.get("/REN").endsWith("[needs main admin]"), listed.get("/REN"));
    assertTrue(listed.get("/KILL").endsWith("[operators only]"));
    for (String free : List.of("/LEAVE", "/WHO", "/TOPIC", "/ME", "/BANS", "/MSG")) {
      assertFalse(listed.get(free).contains("[needs"), listed.get(free));
    }
  }

  @Test
  void theMainAdminSeesOnlyTheOperatorsCommandsMarked() {
    FakeContext alice = connect("alice").run("/JOIN #a").clear().run("/help");
    Map<String, String> listed = listing(alice.replies());

    List<String> marked =
        listed.entrySet().stream()
            .filter(e -> e.getValue().endsWith("]"))
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(List.of("/KILL", "/SHUTDOWN"), marked);
  }

  @Test
  void passwdIsListedForAccountsOnly() {
    FakeContext guest = connect("guest").run("/HELP");
    FakeContext alice = connect("alice");
    ChatTestSupport.setAccount(alice.user(), "alice");
    alice.run("/HELP");

    assertFalse(listing(guest.replies()).containsKey("/PASSWD"));
    assertTrue(listing(alice.replies()).containsKey("/PASSWD"));
    guest.clear().withWidth(200).run("/HELP passwd");
    assertEquals(
        List.of(
            "/PASSWD",
            "  change your account's password (asks for the current one) (for users logged in to"
                + " an account)",
            "  Not for you here: you have no account; /REGISTER makes one."),
        guest.replies());
  }

  /** Issue 12: at 100 columns or fewer, the usage padded to 48 columns broke words. */
  @ParameterizedTest
  @ValueSource(ints = {40, 60, 80, 100, 132})
  void noLineIsWiderThanTheScreenAndNoWordIsCut(int width) {
    FakeContext alice = connect("alice").withWidth(width).run("/JOIN #a").clear().run("/HELP");

    for (String line : alice.replies()) {
      assertTrue(line.length() < width, width + ": " + line);
    }
    String words = String.join(" ", alice.replies()).replaceAll(" +", " ");
    for (CommandTable.Entry entry : commands.entries()) {
      if (entry.spec().forAccounts()) {
        continue; // not listed to alice, who has no account
      }
      assertTrue(words.contains(entry.spec().summary()), width + ": " + entry.spec().summary());
    }
  }

  @Test
  void aWideScreenGetsTheSummaryBesideTheSynopsisAndAHangingIndent() {
    FakeContext alice = connect("alice").withWidth(100).run("/JOIN #a").clear().run("/HELP");
    List<String> lines = alice.replies();

    String join = lines.stream().filter(l -> l.startsWith("/JOIN ")).findFirst().orElseThrow();
    int column = join.indexOf("join or create");
    assertTrue(column > "/JOIN <channel>".length(), join);
    int ban = lines.indexOf("/BAN [#channel|*] <target> [duration] [reason]");
    assertTrue(ban >= 0, "a synopsis longer than the column has a line of its own");
    assertTrue(
        lines.get(ban + 1).startsWith(" ".repeat(column) + "ban a nick"), lines.get(ban + 1));
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 80})
  void aMarkIsNeverSplitAcrossLines(int width) {
    FakeContext bob = connect("bob").withWidth(width).run("/HELP");

    for (String line : bob.replies()) {
      int mark = Math.max(line.lastIndexOf("[needs"), line.lastIndexOf("[operators"));
      if (mark >= 0) {
        assertTrue(line.indexOf(']', mark) > mark, line);
      }
      if (!line.startsWith("/")) {
        assertFalse(line.matches("[^\\[]*\\].*"), "a mark's end alone: " + line);
      }
      assertFalse(line.contains("\u00a0"), line);
    }
  }

  @Test
  void aNarrowScreenGetsTheSummaryUnderTheSynopsis() {
    FakeContext alice = connect("alice").withWidth(40).run("/HELP");
    List<String> lines = alice.replies();

    int join = lines.indexOf("/JOIN <channel>");
    assertTrue(join >= 0, lines.toString());
    assertEquals("    join or create a channel; it", lines.get(join + 1));
  }

  @Test
  void theListEndsWithAHintAboutPlainText() {
    FakeContext alice = connect("alice").withWidth(200).run("/HELP");
    List<String> replies = alice.replies();

    assertTrue(replies.get(replies.size() - 1).contains("Text that does not start with /"));
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

  /** Issue 12: `/help who` said no such command to a user in no channel. */
  @Test
  void helpExplainsACommandTheUserCannotUseHereAndWhy() {
    FakeContext alice = connect("alice").withWidth(200).run("/HELP who").run("/HELP kill");

    assertEquals(
        List.of(
            "/WHO [channel]",
            "  list a channel's members: ~main admin, @admin, *server operator (for members of a"
                + " channel; for everyone with a channel named)",
            "/KILL <nick> [reason]",
            "  disconnect a user from the server (for server operators)",
            "  Not for you here: operators only."),
        alice.replies());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void helpForAnUnknownCommandIsAnError() {
    FakeContext alice = connect("alice").run("/HELP xyzzy");

    assertEquals(List.of(), alice.replies());
    assertEquals(List.of("There is no command /xyzzy; /HELP lists them all."), alice.errors());
  }

  @Test
  void helpTakesAtMostOneCommand() {
    FakeContext alice = connect("alice").run("/HELP join leave");

    assertEquals(List.of("Too many arguments. Usage: /HELP [command]"), alice.errors());
    assertFalse(alice.replies().stream().anyMatch(l -> l.startsWith("/")));
  }
}
