package dev.chatshell.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatApi;
import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.builtin.BuiltinCommands;
import dev.chatshell.shell.CleartextPasswords;
import dev.chatshell.shell.SessionServices;
import dev.chatshell.shell.ShellSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the domain tells an IRC user, as IRC lines: a real domain, alice acting in it through its
 * API, and bob an IRC session whose events are rendered here (the socket is real but only there for
 * the session to be made).
 */
class IrcRendererTest {
  private static final String SERVER = "irc.test";

  private final ChatServer chat = ChatTestSupport.server(Clock.systemUTC(), 50);
  private final List<ChatEvent> bobEvents = new ArrayList<>();
  private ServerSocket listener;
  private Socket clientSide;
  private Socket serverSide;
  private IrcSession session;
  private IrcRenderer renderer;
  private User bob;
  private ChatApi bobChat;
  private User alice;
  private ChatApi aliceChat;

  @BeforeEach
  void setUp() throws Exception {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    clientSide = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    serverSide = listener.accept();
    ShellSettings settings =
        new ShellSettings(
            "chatshell",
            "test",
            List.of(),
            4096,
            1000,
            Duration.ofSeconds(30),
            Duration.ofSeconds(120),
            2,
            10,
            20,
            CleartextPasswords.DEFAULT);
    SessionServices services =
        new SessionServices(
            chat,
            new CommandTable(BuiltinCommands.all()),
            settings,
            null,
            () -> Duration.ZERO,
            (user, reason) -> {});
    IrcServerInfo info =
        new IrcServerInfo(
            SERVER,
            "testnet",
            "test net",
            "1.0",
            Instant.now(),
            List.of("hello"),
            50,
            Duration.ZERO);
    session =
        new IrcSession(
            new StreamIrcConnection(serverSide, serverSide),
            services,
            info,
            new IrcCommands(services.commands()),
            new IrcPeople(chat, SERVER));
    alice = chat.connect("alice", "127.0.0.1", event -> {});
    aliceChat = chat.forUser(alice);
    bob = chat.connect("bob", "127.0.0.1", bobEvents::add);
    bobChat = chat.forUser(bob);
    session.loggedIn(bob, new Response(SERVER, "bob")); // the session's user; events come here
    renderer = new IrcRenderer(SERVER, session);
    aliceChat.join("#c");
    bobChat.join("#c");
    rendered(); // what joining said is not what these tests are about
  }

  @AfterEach
  void tearDown() throws Exception {
    clientSide.close();
    serverSide.close();
    listener.close();
  }

  /** Every event bob has been told since the last call, as IRC lines. */
  private List<String> rendered() {
    List<String> lines = new ArrayList<>();
    for (ChatEvent event : List.copyOf(bobEvents)) {
      renderer.render(event, lines);
    }
    bobEvents.clear();
    return lines;
  }

  @Test
  void joiningSendsJoinAndNames() {
    bobChat.join("#new");
    List<String> lines = rendered();
    assertTrue(lines.contains(":bob!~bob@irc.test JOIN #new"), lines.toString());
    assertTrue(
        lines.stream().anyMatch(l -> l.matches(":irc.test 353 bob [=@*] #new :~bob")), "" + lines);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(":irc.test 366 bob #new ")), "" + lines);
    aliceChat.join("#new");
    assertEquals(List.of(":alice!~alice@irc.test JOIN #new"), rendered());
  }

  @Test
  void channelAndPrivateMessages() {
    aliceChat.say("hello there");
    assertEquals(List.of(":alice!~alice@irc.test PRIVMSG #c :hello there"), rendered());
    aliceChat.act("waves");
    assertEquals(
        List.of(":alice!~alice@irc.test PRIVMSG #c :\u0001ACTION waves\u0001"), rendered());
    aliceChat.sendPrivate("bob", "psst");
    assertEquals(List.of(":alice!~alice@irc.test PRIVMSG bob :psst"), rendered());
  }

  @Test
  void ownLinesComeBackOnlyWithEchoMessage() {
    bobChat.say("mine");
    assertEquals(List.of(), rendered());
    session.setCaps(Set.of("echo-message"));
    bobChat.say("mine again");
    assertEquals(List.of(":bob!~bob@irc.test PRIVMSG #c :mine again"), rendered());
    bobChat.sendPrivate("alice", "to alice");
    assertEquals(List.of(":bob!~bob@irc.test PRIVMSG alice :to alice"), rendered());
  }

  @Test
  void serverTimeAndAccountTags() {
    session.setCaps(Set.of("server-time"));
    aliceChat.say("timed");
    List<String> lines = rendered();
    assertEquals(1, lines.size());
    assertTrue(
        lines
            .getFirst()
            .matches(
                "@time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z :alice!~alice@irc.test"
                    + " PRIVMSG #c :timed"),
        lines.getFirst());
  }

  @Test
  void aLongMessageIsSplitNeverCut() {
    String text = "word€ ".repeat(300).strip();
    aliceChat.say(text);
    List<String> lines = rendered();
    assertTrue(lines.size() > 1, lines.toString());
    StringBuilder joined = new StringBuilder();
    for (String line : lines) {
      assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 510, line);
      String head = ":alice!~alice@irc.test PRIVMSG #c :";
      assertTrue(line.startsWith(head), line);
      joined.append(line.substring(head.length()));
    }
    assertEquals(text, joined.toString());
  }

  @Test
  void controlCharactersFromAShellUserNeverReachTheClientRaw() {
    aliceChat.say("red \u001B[31malert\u001B[0m bell\u0007 \u0003 04colour\r\nX end");
    aliceChat.sendPrivate("bob", "clear\u001B[2J\u0000 screen");
    aliceChat.setTopic("top\u001B]0;title\u0007ic");
    List<String> lines = rendered();
    assertEquals(3, lines.size(), lines.toString());
    for (String line : lines) {
      for (char c : line.toCharArray()) {
        assertTrue(c >= 0x20 && c != 0x7F, "control " + (int) c + " in " + line);
      }
    }
  }

  @Test
  void moderationIsKickModeAndTopic() {
    aliceChat.switchTo("#c");
    aliceChat.grant("bob");
    assertEquals(List.of(":alice!~alice@irc.test MODE #c +o bob"), rendered());
    aliceChat.revoke("bob");
    assertEquals(List.of(":alice!~alice@irc.test MODE #c -o bob"), rendered());
    aliceChat.setTopic("new topic");
    assertEquals(List.of(":alice!~alice@irc.test TOPIC #c :new topic"), rendered());
    aliceChat.setPrivate(true);
    assertEquals(List.of(":alice!~alice@irc.test MODE #c +i"), rendered());
    aliceChat.kick("bob", "enough");
    assertEquals(List.of(":alice!~alice@irc.test KICK #c bob :enough"), rendered());
  }

  @Test
  void aKickOfSomeoneElseAndABanAreSeenToo() {
    User carol = chat.connect("carol", "127.0.0.1", event -> {});
    chat.forUser(carol).join("#c");
    rendered();
    aliceChat.switchTo("#c");
    aliceChat.kick("carol", null);
    assertEquals(List.of(":alice!~alice@irc.test KICK #c carol :alice"), rendered());
    chat.forUser(carol).join("#c");
    rendered();
    aliceChat.ban("#c", "carol", null, "spam");
    List<String> lines = rendered();
    assertTrue(lines.contains(":alice!~alice@irc.test MODE #c +b carol!*@*"), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains(" KICK #c carol ")), lines.toString());
    aliceChat.unban("#c", "carol");
    assertEquals(List.of(":alice!~alice@irc.test MODE #c -b carol!*@*"), rendered());
  }

  @Test
  void aRenameIsRenameForClientsThatKnowItElsePartAndJoin() {
    aliceChat.switchTo("#c");
    aliceChat.rename("#d");
    List<String> lines = rendered();
    assertEquals(":bob!~bob@irc.test PART #c :Renamed to #d by alice", lines.get(0));
    assertEquals(":bob!~bob@irc.test JOIN #d", lines.get(1));
    assertTrue(lines.get(2).matches(":irc.test 353 bob [=@*] #d :.*~alice.*"), lines.get(2));
    session.setCaps(Set.of("draft/channel-rename"));
    aliceChat.switchTo("#d");
    aliceChat.rename("#e");
    assertEquals(List.of(":alice!~alice@irc.test RENAME #d #e :Renamed by alice"), rendered());
  }

  @Test
  void successionIsModePlusQFromTheServer() {
    aliceChat.switchTo("#c");
    aliceChat.grant("bob");
    User carol = chat.connect("carol", "127.0.0.1", event -> {});
    chat.forUser(carol).join("#c");
    rendered();
    aliceChat.leave("#c", null);
    List<String> lines = rendered();
    assertTrue(lines.contains(":alice!~alice@irc.test PART #c"), lines.toString());
    assertTrue(lines.contains(":irc.test MODE #c +q bob"), lines.toString());
  }

  @Test
  void aJoinRequestIsAKnockToTheAdmins() {
    aliceChat.switchTo("#c");
    aliceChat.grant("bob");
    aliceChat.setPrivate(true);
    rendered();
    User dave = chat.connect("dave", "127.0.0.1", event -> {});
    chat.forUser(dave).join("#c");
    List<String> lines = rendered();
    assertTrue(
        lines.contains(
            ":irc.test NOTICE @#c :[Knock] by dave!~dave@irc.test (asks to join; INVITE dave #c"
                + " lets them in)"),
        lines.toString());
  }

  @Test
  void aQuitSharedInTwoChannelsIsOneQuit() {
    aliceChat.join("#other");
    bobChat.join("#other");
    rendered();
    chat.disconnect(alice, "bye");
    List<String> lines = rendered();
    assertEquals(
        1,
        lines.stream().filter(l -> l.startsWith(":alice!~alice@irc.test QUIT :")).count(),
        "" + lines);
  }

  @Test
  void aUserWhoComesBackAndQuitsAgainQuitsAgain() {
    chat.disconnect(alice, "first");
    assertEquals(List.of(":alice!~alice@irc.test QUIT :Quit: first"), quits(rendered()));
    User again = chat.connect("alice", "127.0.0.1", event -> {});
    chat.forUser(again).join("#c");
    assertEquals(List.of(":alice!~alice@irc.test JOIN #c"), rendered());
    chat.disconnect(again, "first");
    assertEquals(List.of(":alice!~alice@irc.test QUIT :Quit: first"), quits(rendered()));
  }

  private static List<String> quits(List<String> lines) {
    return lines.stream().filter(l -> l.contains(" QUIT ")).toList();
  }

  @Test
  void nickChangesAndAway() {
    aliceChat.changeNick("alicia");
    assertEquals(List.of(":alice!~alice@irc.test NICK :alicia"), rendered());
    bobChat.changeNick("robert");
    assertEquals(List.of(":bob!~bob@irc.test NICK :robert"), rendered());
    bobChat.setAway("lunch");
    assertEquals(List.of(":irc.test 306 robert :You have been marked as being away"), rendered());
  }

  @Test
  void whatIrcHasNoMessageForIsANoticeFromTheServer() {
    bobChat.ignore("alice", true);
    List<String> lines = rendered();
    assertEquals(1, lines.size(), lines.toString());
    assertTrue(
        lines.getFirst().startsWith(":irc.test NOTICE bob :You now ignore alice"),
        lines.toString());
    assertFalse(lines.getFirst().contains("\u001B"));
  }

  // ---- a channel line rendered once for every member that sees it alike

  private static final List<String> CAPS =
      List.of("server-time", "account-tag", "echo-message", "message-tags");

  /** Every set of the capabilities a channel line's form could depend on. */
  private static List<Set<String>> capCombinations() {
    List<Set<String>> all = new ArrayList<>();
    for (int mask = 0; mask < 1 << CAPS.size(); mask++) {
      Set<String> caps = new java.util.TreeSet<>();
      for (int i = 0; i < CAPS.size(); i++) {
        if ((mask & 1 << i) != 0) {
          caps.add(CAPS.get(i));
        }
      }
      all.add(caps);
    }
    return all;
  }

  /** The one event bob was told since the last call. */
  private ChatEvent onlyEvent() {
    assertEquals(1, bobEvents.size(), bobEvents.toString());
    ChatEvent event = bobEvents.getFirst();
    bobEvents.clear();
    return event;
  }

  /** What {@link IrcRenderer#render} makes of {@code event}, as the bytes written. */
  private byte[] renderedBytes(IrcRenderer renderer, ChatEvent event) {
    List<String> lines = new ArrayList<>();
    renderer.render(event, lines);
    return IrcOutput.encode(lines);
  }

  @Test
  void aSharedChannelLineIsWhatEachCapabilitySetWasRenderedBefore() {
    ChatTestSupport.setAccount(alice, "alice-account");
    aliceChat.say("tagged line");
    ChatEvent line = onlyEvent();
    // One event, every form in turn: a form remembered for one set of caps is never another's.
    for (int round = 0; round < 2; round++) {
      for (Set<String> caps : capCombinations()) {
        session.setCaps(caps);
        byte[] shared = renderer.shared(line);
        assertTrue(shared != null, "a line from someone else is shared");
        assertEquals(
            new String(renderedBytes(renderer, line), StandardCharsets.UTF_8),
            new String(shared, StandardCharsets.UTF_8),
            caps.toString());
      }
    }
    session.setCaps(Set.of("server-time", "account-tag"));
    assertTrue(
        new String(renderer.shared(line), StandardCharsets.UTF_8)
            .matches(
                "@time=\\S+;account=alice-account :alice!~alice@irc.test PRIVMSG #c :tagged"
                    + " line\r\n"));
    session.setCaps(Set.of());
    assertEquals(
        ":alice!~alice@irc.test PRIVMSG #c :tagged line\r\n",
        new String(renderer.shared(line), StandardCharsets.UTF_8));
  }

  @Test
  void membersWithTheSameCapsShareOneRenderingAndOthersGetTheirOwn() throws Exception {
    List<ChatEvent> carolEvents = new ArrayList<>();
    try (ServerSocket carolListener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket carolClient =
            new Socket(InetAddress.getLoopbackAddress(), carolListener.getLocalPort());
        Socket carolServer = carolListener.accept()) {
      IrcSession carolSession = sessionOn(carolServer);
      User carol = chat.connect("carol", "127.0.0.1", carolEvents::add);
      carolSession.loggedIn(carol, new Response(SERVER, "carol"));
      IrcRenderer carolRenderer = new IrcRenderer(SERVER, carolSession);
      chat.forUser(carol).join("#c");
      rendered();
      carolEvents.clear();

      aliceChat.say("to both");
      ChatEvent line = onlyEvent();
      assertEquals(List.of(line), carolEvents, "one event for every member");
      byte[] bobs = renderer.shared(line);
      assertSame(bobs, carolRenderer.shared(line), "rendered once for both");
      carolSession.setCaps(Set.of("server-time"));
      byte[] carols = carolRenderer.shared(line);
      assertTrue(new String(carols, StandardCharsets.UTF_8).startsWith("@time="));
      assertEquals(
          ":alice!~alice@irc.test PRIVMSG #c :to both\r\n",
          new String(renderer.shared(line), StandardCharsets.UTF_8),
          "bob's form is still his own");
    }
  }

  @Test
  void aClientsOwnLineIsNeverSharedItComesBackWithItsOwnSource() {
    session.setCaps(Set.of("echo-message"));
    bobChat.say("mine");
    ChatEvent own = onlyEvent();
    assertNull(renderer.shared(own), "rendered for bob alone");
    assertEquals(
        ":bob!~bob@irc.test PRIVMSG #c :mine\r\n",
        new String(renderedBytes(renderer, own), StandardCharsets.UTF_8));
  }

  @Test
  void aLongSharedLineIsSplitAsBefore() {
    aliceChat.say("word€ ".repeat(300).strip());
    ChatEvent line = onlyEvent();
    String shared = new String(renderer.shared(line), StandardCharsets.UTF_8);
    assertTrue(shared.split("\r\n").length > 1, shared);
    assertEquals(new String(renderedBytes(renderer, line), StandardCharsets.UTF_8), shared);
  }

  private IrcSession sessionOn(Socket serverSide) throws Exception {
    return new IrcSession(
        new StreamIrcConnection(serverSide, serverSide),
        session.services(),
        session.server(),
        new IrcCommands(session.services().commands()),
        session.people());
  }
}
