package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.builtin.BuiltinCommands;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatCompleterTest {
  private final ChatServer chat = ChatTestSupport.server(Clock.systemUTC(), 10);
  private final CommandTable commands = new CommandTable(BuiltinCommands.all());
  private final AtomicReference<User> me = new AtomicReference<>();
  private final ChatCompleter completer = new ChatCompleter(chat, commands, me::get);
  private final DefaultParser parser = new DefaultParser();

  private User alice;
  private User bob;
  private User carol;
  private User dave;

  @BeforeEach
  void setUp() {
    // the parser as the line editor configures it: chat text is literal
    parser.setEscapeChars(null);
    parser.setQuoteChars(new char[0]);
    parser.setEofOnUnclosedQuote(false);
    parser.setEofOnEscapedNewLine(false);

    alice = chat.connect("alice", "127.0.0.1", e -> {});
    bob = chat.connect("bob", "127.0.0.1", e -> {});
    carol = chat.connect("Carol", "127.0.0.1", e -> {});
    dave = chat.connect("dave", "127.0.0.1", e -> {});
    chat.join(alice, "#rust"); // alice: main admin of #rust
    chat.join(bob, "#rust");
    chat.join(carol, "#go");
    chat.join(alice, "#lounge");
    chat.switchTo(alice, "#rust");
    // dave is in no channel
  }

  private List<String> complete(User user, String line) {
    me.set(user);
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(null, parse(line), candidates);
    for (Candidate candidate : candidates) {
      assertTrue(candidate.complete(), "every candidate ends the word: " + candidate.value());
    }
    return candidates.stream().map(Candidate::value).sorted(String.CASE_INSENSITIVE_ORDER).toList();
  }

  /**
   * The line as the line editor hands it to a completer: cursor at the end, parsed for completion
   * (with that context a trailing space starts a new, empty word).
   */
  private ParsedLine parse(String line) {
    return parser.parse(line, line.length(), Parser.ParseContext.COMPLETE);
  }

  @Test
  void firstWordOfAUserInNoChannelOffersOnlyCommandsTheyMayRun() {
    List<String> offered = complete(dave, "/");
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
        offered);
    assertFalse(offered.contains("/LEAVE"), "no /LEAVE outside a channel");
    assertFalse(offered.contains("/WHO"));
  }

  @Test
  void firstWordOfAChannelMemberAlsoOffersMemberCommands() {
    List<String> offered = complete(bob, "/LE");
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
        offered);
  }

  @Test
  void commandCandidatesCarryTheirSummary() {
    me.set(dave);
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(null, parse("/JO"), candidates);
    Candidate join =
        candidates.stream().filter(c -> c.value().equals("/JOIN")).findFirst().orElseThrow();
    assertEquals(commands.find("JOIN").spec().summary(), join.descr());
  }

  @Test
  void joinCompletesChannelNames() {
    assertEquals(List.of("#go", "#lounge", "#rust"), complete(dave, "/join "));
    assertEquals(List.of("#rust"), complete(dave, "/JOIN #r"), "only what fits the prefix");
  }

  @Test
  void msgCompletesNicks() {
    assertEquals(List.of("alice", "bob", "Carol", "dave"), complete(dave, "/msg "));
  }

  @Test
  void msgCompletesEachNickOfASemicolonList() {
    assertEquals(
        List.of("bob;alice", "bob;bob", "bob;Carol", "bob;dave"), complete(dave, "/msg bob;"));
    assertEquals(List.of("bob;Carol;dave"), complete(alice, "/msg bob;Carol;da"));
  }

  @Test
  void msgTextIsNotCompleted() {
    assertEquals(List.of(), complete(dave, "/msg bob hel"));
  }

  @Test
  void leaveCompletesOnlyTheUsersOwnChannels() {
    assertEquals(List.of("#lounge", "#rust"), complete(alice, "/leave "));
    assertEquals(List.of("#rust"), complete(bob, "/leave "));
  }

  @Test
  void commandsTheUserMayNotRunCompleteNothing() {
    assertEquals(List.of(), complete(dave, "/leave "));
    assertEquals(List.of(), complete(dave, "/who "));
  }

  @Test
  void unknownCommandCompletesNothing() {
    assertEquals(List.of(), complete(alice, "/frobnicate "));
  }

  @Test
  void helpCompletesCommandNamesTheUserMayRun() {
    List<String> offered = complete(dave, "/help ");
    assertTrue(offered.contains("JOIN"), offered.toString());
    assertFalse(offered.contains("LEAVE"), offered.toString());
  }

  @Test
  void plainTextCompletesMembersOfTheCurrentChannel() {
    assertEquals(List.of("bob"), complete(bob, "thanks b"));
    assertEquals(List.of("alice", "bob"), complete(alice, "hi there "));
    assertEquals(List.of("Carol"), complete(carol, "hey CA"), "any case");
    assertEquals(List.of(), complete(carol, "me"));
  }

  @Test
  void aNickThatStartsTheLineIsAddressedWithAColon() {
    me.set(bob);
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(null, parse("al"), candidates);
    Candidate only = candidates.stream().filter(c -> c.displ().equals("alice")).findFirst().get();
    assertEquals("alice:", only.value(), "the editor adds the space after a complete candidate");
    assertEquals(List.of("bob"), complete(bob, "ask b"), "no colon after the first word");
  }

  @Test
  void commandsCompleteInTheCaseTheUserTyped() {
    assertTrue(complete(dave, "/jo").contains("/join"), complete(dave, "/jo").toString());
    assertFalse(complete(dave, "/jo").contains("/JOIN"));
    assertTrue(complete(dave, "/JO").contains("/JOIN"));
    assertTrue(complete(dave, "/").contains("/JOIN"), "nothing typed: the table's case");
    assertTrue(complete(dave, "/help jo").contains("join"));
    assertTrue(complete(dave, "/help JO").contains("JOIN"));
  }

  @Test
  void kickBanAndGrantDoNotOfferTheUsersOwnNick() {
    // alice is main admin of #rust, where bob is too
    assertEquals(List.of("bob"), complete(alice, "/kick "));
    assertEquals(List.of("bob"), complete(alice, "/ban "));
    assertEquals(List.of("bob"), complete(alice, "/grant "));
    assertEquals(List.of(), complete(alice, "/kick al"));
    assertEquals(List.of("alice", "bob"), complete(alice, "hi "), "plain text still offers all");
  }

  @Test
  void plainTextOfAUserInNoChannelCompletesNothing() {
    assertEquals(List.of(), complete(dave, "hello "));
  }

  @Test
  void nothingIsOfferedBeforeLogin() {
    assertEquals(List.of(), complete(null, "/"));
    assertEquals(List.of(), complete(null, "/join "));
    assertEquals(List.of(), complete(null, "ali"));
  }
}
