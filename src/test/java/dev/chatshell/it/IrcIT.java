package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.IrcTestClient;
import dev.chatshell.testing.Processes;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The IRC door over real sockets: raw IRC clients next to telnet users in the same channels, every
 * command both ways across the doors, SASL, TLS, and bad input that is answered while everyone else
 * goes on chatting. Each test uses its own nicks and channels on one shared server (with a server
 * operator); tests that need other settings start their own.
 */
class IrcIT {
  private static final String OPERATOR = "root";
  private static final String OPERATOR_PASSWORD = "root password";
  private static final String SOURCE = "![^ ]+@[^ ]+ "; // nick!~ident@host after a nick

  private static ChatshellServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.startWithOperator(ircSettings(Map.of()), OPERATOR, OPERATOR_PASSWORD);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * Both IRC ports on free ports (0 would turn them off), flood control loose, plus {@code more}.
   */
  static Map<Setting, String> ircSettings(Map<Setting, String> more) throws Exception {
    Map<Setting, String> all = new java.util.EnumMap<>(Setting.class);
    all.put(Setting.IRC_PORT, String.valueOf(Processes.freePort()));
    all.put(Setting.IRC_TLS_PORT, String.valueOf(Processes.freePort()));
    all.put(Setting.REGISTRATIONS_PER_ADDRESS, "1000");
    all.put(Setting.REGISTRATIONS_PER_HOUR, "1000");
    all.put(Setting.FLOOD_BURST, "200");
    all.putAll(more);
    return all;
  }

  private static TestClient telnetUser(String nick) throws Exception {
    TestClient client = TestClient.plain(server.port());
    login(client, nick);
    return client;
  }

  private static IrcTestClient ircUser(String nick) throws Exception {
    return IrcTestClient.registered(server.ircPort(), nick);
  }

  // ---- registration

  /**
   * Commands sent raw (/quote ME, /quote MSG) and AWAY cost a line in flood control, as their shell
   * forms do: a burst past flood.burst is delayed, and the client is told.
   */
  @Test
  void rawShellCommandsAndAwayWaitTheirTurnInFloodControl() throws Exception {
    ChatshellServer own =
        TestServer.start(ircSettings(Map.of(Setting.FLOOD_RATE, "1", Setting.FLOOD_BURST, "3")));
    try (IrcTestClient me = IrcTestClient.registered(own.ircPort(), "paster");
        IrcTestClient away = IrcTestClient.registered(own.ircPort(), "toggler")) {
      me.send("JOIN #paste");
      me.await(" 366 paster #paste ");
      me.sendRaw("ME a\r\nME b\r\nME c\r\nME d\r\nME e\r\n".getBytes(StandardCharsets.UTF_8));
      me.await("NOTICE paster :You are sending too fast");
      away.sendRaw(
          "AWAY :1\r\nAWAY\r\nAWAY :2\r\nAWAY\r\nAWAY :3\r\n".getBytes(StandardCharsets.UTF_8));
      away.await("NOTICE toggler :You are sending too fast");
    } finally {
      own.close();
    }
  }

  /** At shutdown an IRC client is told, as a NOTICE, then why it is closed (ERROR). */
  @Test
  void shutdownTellsIrcClientsAndClosesThem() throws Exception {
    ChatshellServer own = TestServer.start(ircSettings(Map.of()));
    try (IrcTestClient irc = IrcTestClient.registered(own.ircPort(), "lastone")) {
      own.shutdown("maintenance");
      irc.await("NOTICE lastone :The server is shutting down: maintenance");
      irc.await("^ERROR :Closing link: lastone \\(server shutting down\\)$");
    } finally {
      own.shutdown("test over");
    }
  }

  /** A client's own JOIN keeps its user name even when its QUIT comes right behind it. */
  @Test
  void ownLinesKeepTheUserNameGivenWhenQuitFollowsAtOnce() throws Exception {
    try (IrcTestClient irc = IrcTestClient.connect(server.ircPort())) {
      irc.sendRaw(
          ("NICK hasty\r\nUSER hurried 0 * :In A Hurry\r\nJOIN #hasty\r\nQUIT :gone\r\n")
              .getBytes(StandardCharsets.UTF_8));
      irc.await("^:hasty!~hurried@[^ ]+ JOIN #hasty$");
      irc.await("^ERROR :Closing link: hasty \\(Quit: gone\\)$");
    }
  }

  @Test
  void registrationAnswersCapWelcomeIsupportLusersAndMotd() throws Exception {
    try (IrcTestClient irc = IrcTestClient.connect(server.ircPort())) {
      irc.send("CAP LS 302");
      irc.send("NICK reggie");
      irc.send("USER reggie 0 * :Reg Gie");
      String caps = irc.await(" CAP \\* LS :");
      for (String cap :
          List.of("sasl=PLAIN", "server-time", "echo-message", "message-tags", "multi-prefix")) {
        assertTrue(caps.contains(cap), caps);
      }
      assertFalse(irc.sees(" 001 ", Duration.ofMillis(500)), "no welcome before CAP END");
      irc.send("CAP REQ :multi-prefix server-time");
      irc.await(" CAP reggie ACK :multi-prefix server-time");
      irc.send("CAP REQ :no-such-cap");
      irc.await(" CAP reggie NAK :no-such-cap");
      irc.send("CAP END");
      irc.await("^:[^ ]+ 001 reggie :Welcome to the chatshell IRC Network reggie!");
      irc.await(" 002 reggie ");
      irc.await(" 003 reggie ");
      irc.await(" 004 reggie ");
      StringBuilder isupport = new StringBuilder();
      String line;
      do {
        line = irc.await(" (005|251) reggie ");
        isupport.append(line).append('\n');
      } while (line.contains(" 005 "));
      for (String token :
          List.of(
              " PREFIX=(qo)~@ ",
              " CHANTYPES=# ",
              " CASEMAPPING=ascii ",
              " NICKLEN=16 ",
              " CHANNELLEN=",
              " TOPICLEN=300 ",
              " NETWORK=chatshell ")) {
        assertTrue(isupport.toString().contains(token), token + " in\n" + isupport);
      }
      irc.await(" 375 reggie ");
      irc.await(" 372 reggie :- Be kind");
      irc.await(" 376 reggie ");
      irc.send("PING :token123");
      irc.await("PONG [^ ]+ :token123$");
      irc.send("LUSERS");
      irc.await(" 251 reggie ");
      irc.send("MOTD");
      irc.await(" 376 reggie ");
      irc.send("MODE reggie");
      irc.await(" 221 reggie :?\\+i$");
      irc.send("MODE reggie +Z");
      irc.await(" 501 reggie ");
      irc.send("QUIT :bye now");
      irc.await("^ERROR :Closing link: reggie \\(Quit: bye now\\)");
      assertTrue(irc.awaitClosed(Duration.ofSeconds(10)), "closed after QUIT");
    }
  }

  @Test
  void nicksAreUniqueAcrossDoors() throws Exception {
    try (TestClient telnet = telnetUser("uniq");
        IrcTestClient irc = IrcTestClient.connect(server.ircPort())) {
      irc.send("NICK UNIQ");
      irc.send("USER u 0 * :u");
      irc.await(" 433 \\S+ UNIQ "); // addressed to * or to the nick asked: clients take both
      irc.send("NICK uniq2");
      irc.await(" 001 uniq2 ");
      irc.send("NICK uniq");
      irc.await(" 433 uniq2 uniq ");
      irc.send("NICK bad!nick");
      irc.await(" 432 uniq2 ");
      try (TestClient other = TestClient.plain(server.port())) {
        other.expect("Nickname: ");
        other.send("uniq2");
        other.expect("uniq2 is taken");
      }
    }
  }

  // ---- channels, messages and queries

  @Test
  void channelLifeAcrossDoorsBothWays() throws Exception {
    try (TestClient alice = telnetUser("alicec");
        IrcTestClient bob = ircUser("bobc")) {
      alice.send("/join #chan");
      alice.expect("You created #chan");
      bob.send("JOIN #chan");
      bob.await("^:bobc" + SOURCE + "JOIN #chan$");
      String names = bob.await(" 353 bobc [=*@] #chan :");
      assertTrue(names.contains("~alicec") && names.contains("bobc"), names);
      bob.await(" 366 bobc #chan ");
      alice.expect("bobc has joined #chan");

      // channel messages both ways
      alice.send("hello from the shell");
      bob.await("^:alicec" + SOURCE + "PRIVMSG #chan :hello from the shell$");
      bob.send("PRIVMSG #chan :hello from irc");
      alice.expect("<bobc> hello from irc");
      bob.send("NOTICE #chan :a notice from irc");
      alice.expect("a notice from irc");

      // private messages both ways
      alice.send("/msg bobc psst");
      bob.await("^:alicec" + SOURCE + "PRIVMSG bobc :psst$");
      bob.send("PRIVMSG alicec :psst back");
      alice.expect("*bobc* psst back");
      bob.send("PRIVMSG nobody_here :hello?");
      bob.await(" 401 bobc nobody_here ");
      bob.send("PRIVMSG #nochan :hello?");
      bob.await(" 403 bobc #nochan ");

      // queries
      bob.send("NAMES #chan");
      names = bob.await(" 353 bobc [=*@] #chan :");
      assertTrue(names.contains("~alicec"), names);
      bob.await(" 366 bobc #chan ");
      bob.send("WHO #chan");
      bob.await(" 352 bobc #chan [^ ]+ [^ ]+ [^ ]+ (alicec|bobc) ");
      bob.await(" 315 bobc #chan ");
      bob.send("WHOIS alicec");
      bob.await(" 311 bobc alicec ~alicec ");
      bob.await(" 319 bobc alicec :.*~#chan");
      bob.await(" 318 bobc alicec ");
      bob.send("LIST");
      bob.await(" 322 bobc #chan 2 ");
      bob.await(" 323 bobc ");

      // topic both ways
      alice.send("/topic Shell topic");
      bob.await("^:alicec" + SOURCE + "TOPIC #chan :Shell topic$");
      bob.send("TOPIC #chan");
      bob.await(" 332 bobc #chan :Shell topic$");
      bob.await(" 333 bobc #chan alicec ");
      bob.send("TOPIC #chan :irc topic");
      bob.await(" 482 bobc #chan ");
      alice.send("/grant bobc");
      bob.await("^:alicec" + SOURCE + "MODE #chan \\+o bobc$");
      bob.send("TOPIC #chan :irc topic");
      alice.expect("bobc set the topic of #chan: irc topic");
      bob.await("^:bobc" + SOURCE + "TOPIC #chan :irc topic$");

      // away both ways
      bob.send("AWAY :at lunch");
      bob.await(" 306 bobc ");
      alice.send("/msg bobc are you there");
      alice.expect("bobc is away: at lunch");
      bob.send("AWAY");
      bob.await(" 305 bobc ");
      alice.send("/away gone fishing");
      // her own confirmation: "away" alone also matches the lines about bob going and coming back
      alice.expect("You are marked away: gone fishing");
      bob.send("PRIVMSG alicec :still there?");
      bob.await(" 301 bobc alicec :gone fishing");
      alice.send("/away");

      // part
      bob.send("PART #chan :see you");
      bob.await("^:bobc" + SOURCE + "PART #chan");
      alice.expect("bobc has left #chan (see you)");
      bob.send("PART #chan");
      bob.await(" 442 bobc #chan ");
      bob.send("PRIVMSG #chan :not in it");
      bob.await(" 404 bobc #chan ");

      // a telnet user's parting seen by an IRC user
      bob.send("JOIN #chan");
      bob.await(" 366 bobc #chan ");
      alice.send("/leave");
      bob.await("^:alicec" + SOURCE + "PART #chan");
    }
  }

  @Test
  void nicksQuitsAndSeveralTargetsAcrossDoors() throws Exception {
    try (TestClient alice = telnetUser("alicen");
        IrcTestClient bob = ircUser("bobn");
        IrcTestClient carol = ircUser("caroln")) {
      alice.send("/join #nicks");
      alice.expect("You created #nicks");
      bob.send("JOIN #nicks");
      bob.await(" 366 bobn #nicks ");
      carol.send("JOIN #nicks");
      carol.await(" 366 caroln #nicks ");

      bob.send("NICK robertn");
      bob.await("^:bobn" + SOURCE + "NICK :robertn$");
      alice.expect("bobn is now known as robertn");
      carol.await("^:bobn" + SOURCE + "NICK :robertn$");
      alice.send("/nick alicia_n");
      bob.await("^:alicen" + SOURCE + "NICK :alicia_n$");
      bob.send("PRIVMSG #nicks :as robert");
      alice.expect("<robertn> as robert");

      // one line to a channel and two nicks; NOTICE to a nick
      bob.send("PRIVMSG #nicks,alicia_n,caroln :to all three");
      alice.expect("<robertn> to all three");
      alice.expect("*robertn* to all three");
      carol.await("PRIVMSG #nicks :to all three$");
      carol.await("PRIVMSG caroln :to all three$");
      bob.send("NOTICE alicia_n :a private notice");
      alice.expect("a private notice");
      bob.send("NOTICE nobody_n :never answered");
      bob.send("ISON alicia_n nobody_n caroln");
      bob.await(" 303 robertn :alicia_n caroln$");

      // quits both ways
      carol.send("QUIT :gone home");
      alice.expect("caroln has quit (gone home)");
      bob.await("^:caroln" + SOURCE + "QUIT :Quit: gone home$");
      alice.send("/bye");
      bob.await("^:alicia_n" + SOURCE + "QUIT :");
      assertFalse(bob.saw(" 40[0-9] robertn nobody_n"), "NOTICE is never answered with an error");
    }
  }

  @Test
  void whoisListsEveryChannelHoweverLongTheList() throws Exception {
    try (IrcTestClient bob = ircUser("bobw");
        TestClient alice = telnetUser("alicew")) {
      List<String> joined = new ArrayList<>();
      for (int line = 0; line < 2; line++) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          String name = "#whois_" + line + "_" + i + "_" + "x".repeat(20); // 32 characters
          names.add(name);
        }
        bob.send("JOIN " + String.join(",", names));
        for (String name : names) {
          bob.await(" 366 bobw " + name + " ");
        }
        joined.addAll(names);
      }
      alice.send("/join " + joined.get(7));
      alice.expect("You joined");
      for (IrcTestClient asker : List.of(bob)) {
        asker.send("WHOIS bobw");
        List<String> lines = asker.awaitAll(" 318 bobw bobw ");
        StringBuilder listed = new StringBuilder();
        for (String line : lines) {
          assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 510, line);
          if (line.contains(" 319 ")) {
            listed.append(line.substring(line.indexOf(" :") + 2)).append(' ');
          }
        }
        for (String name : joined) {
          assertTrue(listed.toString().contains("~" + name + " "), name + " in " + listed);
        }
      }
    }
  }

  @Test
  void inviteAcrossDoors() throws Exception {
    try (TestClient alice = telnetUser("alicei");
        IrcTestClient bob = ircUser("bobi");
        TestClient carol = telnetUser("caroli")) {
      alice.send("/join #inv");
      alice.expect("You created #inv");
      alice.send("/invite bobi");
      bob.await("^:alicei" + SOURCE + "INVITE bobi #inv$");
      bob.send("JOIN #inv");
      bob.await(" 366 bobi #inv ");
      alice.send("/grant bobi");
      bob.await("MODE #inv \\+o bobi");
      bob.send("INVITE caroli #inv");
      bob.await(" 341 bobi caroli :?#inv$");
      carol.expect("bobi invites you to #inv: /JOIN #inv");
      bob.send("INVITE nobody_x #inv");
      bob.await(" 401 bobi nobody_x ");
      bob.send("INVITE alicei #inv");
      bob.await(" 443 bobi alicei #inv ");
      alice.send("/revoke bobi");
      bob.await("^:alicei" + SOURCE + "MODE #inv -o bobi$");
    }
  }

  @Test
  void messagesSplitNeverLoseText() throws Exception {
    try (TestClient alice = telnetUser("alicel");
        IrcTestClient bob = ircUser("bobl")) {
      alice.send("/join #long");
      alice.expect("You created #long");
      bob.send("JOIN #long");
      bob.await(" 366 bobl #long ");
      StringBuilder text = new StringBuilder();
      for (int i = 0; text.length() < 1500; i++) {
        text.append("wörd").append(i).append(i % 7 == 0 ? "€ " : " ");
      }
      String sent = text.toString().strip();
      alice.send(sent);
      StringBuilder got = new StringBuilder();
      String head = ":alicel";
      while (got.length() < sent.length()) {
        String line = bob.await("^" + head + SOURCE + "PRIVMSG #long :");
        assertTrue(
            line.getBytes(StandardCharsets.UTF_8).length <= 510, "at most 510 bytes: " + line);
        got.append(line.substring(line.indexOf(" :") + 2));
      }
      assertEquals(sent, got.toString());
    }
  }

  // ---- roles and moderation

  @Test
  void operatorModesAcrossDoors() throws Exception {
    try (IrcTestClient bob = ircUser("bobm");
        TestClient alice = telnetUser("alicem");
        TestClient carol = telnetUser("carolm");
        IrcTestClient dan = ircUser("danm")) {
      // an IRC user creates the channel: main admin (~), as /JOIN makes a shell user
      bob.send("JOIN #modes");
      String names = bob.await(" 353 bobm [=*@] #modes :");
      assertTrue(names.contains("~bobm"), names);
      alice.send("/join #modes");
      alice.expect("You joined #modes");
      carol.send("/join #modes");
      carol.expect("You joined #modes");
      dan.send("JOIN #modes");
      dan.await(" 366 danm #modes ");
      bob.await("^:danm" + SOURCE + "JOIN #modes$");

      dan.send("MODE #modes");
      dan.await(" 324 danm #modes :?\\+nt$");
      dan.send("MODE #modes +o carolm");
      dan.await(" 482 danm #modes ");

      // MODE +o/-o is /GRANT and /REVOKE, seen by everyone
      bob.send("MODE #modes +o alicem");
      alice.expect("bobm made alicem a secondary admin (@) of #modes.");
      carol.expect("bobm made alicem a secondary admin (@) of #modes.");
      bob.await("^:bobm" + SOURCE + "MODE #modes \\+o alicem$");
      dan.await("^:bobm" + SOURCE + "MODE #modes \\+o alicem$");
      bob.send("MODE #modes +o carolm");
      carol.expect("bobm made carolm a secondary admin (@) of #modes.");
      bob.send("NAMES #modes");
      names = bob.await(" 353 bobm [=*@] #modes :");
      assertTrue(
          names.contains("@carolm") && names.contains("@alicem") && names.contains("~bobm"), names);
      bob.send("MODE #modes -o carolm");
      alice.expect("bobm took back carolm's secondary-admin rights in #modes.");
      dan.await("^:bobm" + SOURCE + "MODE #modes -o carolm$");

      // +q is shown, never set; unknown modes are 472
      bob.send("MODE #modes +q carolm");
      bob.await(" 482 bobm #modes ");
      bob.send("MODE #modes +x");
      bob.await(" 472 bobm x ");

      // kicks both ways: an IRC admin kicks a shell user, a shell admin kicks an IRC user
      bob.send("KICK #modes carolm :behave");
      carol.expect("You were kicked from #modes by bobm (behave)");
      alice.expect("carolm was kicked from #modes by bobm (behave)");
      dan.await("^:bobm" + SOURCE + "KICK #modes carolm :behave$");
      alice.send("/kick danm enough");
      dan.await("^:alicem" + SOURCE + "KICK #modes danm :enough$");
      bob.await("^:alicem" + SOURCE + "KICK #modes danm :enough$");
      dan.send("PRIVMSG #modes :still here?");
      dan.await(" 404 danm #modes ");
      alice.send("/kick bobm no");
      alice.expect("Error:");
      bob.send("KICK #modes nobody_k");
      bob.await(" 401 bobm nobody_k ");
      dan.send("JOIN #modes");
      dan.await(" 366 danm #modes ");
      dan.send("KICK #modes alicem");
      dan.await(" 482 danm #modes ");

      bob.send("MODE #modes -o alicem");
      alice.expect("bobm took back alicem's secondary-admin rights in #modes.");
    }
  }

  @Test
  void bansAcrossDoors() throws Exception {
    try (TestClient alice = telnetUser("aliceb");
        IrcTestClient bob = ircUser("bobb");
        TestClient dave = telnetUser("daveb");
        IrcTestClient eve = ircUser("eveb")) {
      alice.send("/join #bans");
      alice.expect("You created #bans");
      bob.send("JOIN #bans");
      bob.await(" 366 bobb #bans ");
      eve.send("JOIN #bans");
      eve.await(" 366 eveb #bans ");
      dave.send("/join #bans");
      dave.expect("You joined #bans");
      alice.send("/grant bobb");
      bob.await("MODE #bans \\+o bobb$");

      // an IRC admin bans a telnet user: the shell's /BAN
      bob.send("MODE #bans +b daveb!*@*");
      dave.expect("You were banned from #bans by bobb");
      alice.expect("bobb banned daveb from #bans");
      bob.await("^:bobb" + SOURCE + "MODE #bans \\+b daveb!\\*@\\*$");
      bob.await("KICK #bans daveb ");
      dave.send("/join #bans");
      dave.expect("banned from #bans");
      bob.send("MODE #bans +b");
      bob.await(" 367 bobb #bans daveb!\\*@\\* bobb ");
      bob.await(" 368 bobb #bans ");

      // a shell admin bans an IRC user: a MODE +b and a KICK
      alice.send("/ban eveb");
      eve.await("^:[^ ]+ KICK #bans eveb :");
      bob.await("^:aliceb" + SOURCE + "MODE #bans \\+b eveb!\\*@\\*$");
      eve.send("JOIN #bans");
      eve.await(" 474 eveb #bans ");

      // account and address masks; a mask the domain cannot hold is refused
      bob.send("MODE #bans +b $a:someaccount");
      bob.await("MODE #bans \\+b \\$a:someaccount$");
      bob.send("MODE #bans +b *!*@10.0.0.0/8");
      bob.await("MODE #bans \\+b \\*!\\*@10\\.0\\.0\\.0/8$");
      bob.send("MODE #bans +b *!*@*");
      bob.await("NOTICE bobb :Bans here are on a nick");
      bob.send("MODE #bans +b");
      List<String> list = bob.awaitAll(" 368 bobb #bans ");
      assertEquals(4, list.stream().filter(l -> l.contains(" 367 ")).count(), list.toString());

      // unban both ways
      bob.send("MODE #bans -b daveb!*@*");
      alice.expect("bobb lifted the ban on daveb from #bans.");
      dave.send("/join #bans");
      dave.expect("You joined #bans");
      alice.send("/unban eveb");
      bob.await("^:aliceb" + SOURCE + "MODE #bans -b eveb!\\*@\\*$");
      eve.send("JOIN #bans");
      eve.await(" 366 eveb #bans ");
    }
  }

  @Test
  void privateChannelsKnocksAndAccept() throws Exception {
    try (IrcTestClient bob = ircUser("bobp");
        TestClient alice = telnetUser("alicep");
        IrcTestClient frank = ircUser("frankp");
        TestClient gina = telnetUser("ginap")) {
      bob.send("JOIN #priv");
      bob.await(" 366 bobp #priv ");
      alice.send("/join #priv");
      alice.expect("You joined #priv");
      bob.send("MODE #priv +o alicep");
      alice.expect("secondary admin (@) of #priv");

      bob.send("MODE #priv +i");
      alice.expect("bobp made #priv private");
      bob.await("^:bobp" + SOURCE + "MODE #priv \\+i$");
      bob.send("MODE #priv");
      bob.await(" 324 bobp #priv :?\\+inst$");

      // an IRC user knocks: 473 for them, a knock notice for IRC admins, the shell's line for alice
      frank.send("JOIN #priv");
      frank.await(
          " 473 frankp #priv :Cannot join channel \\(\\+i\\): your request to join was sent");
      bob.await(
          "^:[^ ]+ NOTICE @#priv :\\[Knock\\] by frankp!~frankp@[^ ]+ \\(asks to join; INVITE"
              + " frankp #priv lets them in\\)$");
      alice.expect("frankp asks to join #priv");
      bob.send("REQUESTS");
      bob.await("NOTICE bobp :.*frankp");
      bob.send("ACCEPT frankp");
      frank.await("^:frankp" + SOURCE + "JOIN #priv$");
      alice.expect("frankp has joined #priv");

      // a telnet user knocks: an IRC admin lets them in with INVITE
      gina.send("/join #priv");
      gina.expect("your request to join was sent to its admins");
      bob.await("\\[Knock\\] by ginap!");
      bob.send("INVITE ginap #priv");
      bob.await(" 341 bobp ginap :?#priv$");
      gina.send("/join #priv");
      gina.expect("You joined #priv");

      bob.send("MODE #priv -i");
      alice.expect("bobp opened #priv");
      frank.await("^:bobp" + SOURCE + "MODE #priv -i$");

      // the other way: a shell main admin's /PRIVATE is MODE +i for IRC members
      alice.send("/join #priv2");
      alice.expect("You created #priv2");
      frank.send("JOIN #priv2");
      frank.await(" 366 frankp #priv2 ");
      alice.send("/private on");
      frank.await("^:alicep" + SOURCE + "MODE #priv2 \\+i$");
      alice.send("/private off");
      frank.await("^:alicep" + SOURCE + "MODE #priv2 -i$");
    }
  }

  @Test
  void renameSeenAsRenameOrAsPartAndJoin() throws Exception {
    try (TestClient alice = telnetUser("alicer");
        IrcTestClient modern = IrcTestClient.connect(server.ircPort());
        IrcTestClient old = ircUser("oldr")) {
      modern.send("CAP LS 302");
      modern.send("CAP REQ :draft/channel-rename");
      modern.send("NICK modernr");
      modern.send("USER m 0 * :m");
      modern.await(" CAP \\S+ ACK :draft/channel-rename");
      modern.send("CAP END");
      modern.await(" 001 modernr ");
      alice.send("/join #before");
      alice.expect("You created #before");
      alice.send("/topic kept over the rename");
      modern.send("JOIN #before");
      modern.await(" 366 modernr #before ");
      old.send("JOIN #before");
      old.await(" 366 oldr #before ");

      alice.send("/ren #after");
      alice.expect("renamed #before to #after");
      modern.await("^:alicer" + SOURCE + "RENAME #before #after :");
      old.await("^:oldr" + SOURCE + "PART #before :Renamed to #after by alicer$");
      old.await("^:oldr" + SOURCE + "JOIN #after$");
      String names = old.await(" 353 oldr [=*@] #after :");
      assertTrue(names.contains("~alicer") && names.contains("modernr"), names);
      old.await(" 366 oldr #after ");
      old.await(" 332 oldr #after :kept over the rename");
      modern.send("PRIVMSG #after :in the renamed channel");
      alice.expect("<modernr> in the renamed channel");

      // RENAME from IRC (by the channel's main admin) is the shell's /REN
      modern.send("JOIN #ircmade");
      modern.await(" 366 modernr #ircmade ");
      alice.send("/join #ircmade");
      alice.expect("You joined #ircmade");
      old.send("JOIN #ircmade");
      old.await(" 366 oldr #ircmade ");
      old.send("RENAME #ircmade #nope");
      old.await("(482 oldr #ircmade|FAIL RENAME)");
      modern.send("RENAME #ircmade #again :tidier");
      alice.expect("modernr renamed #ircmade to #again.");
      modern.await("^:modernr" + SOURCE + "RENAME #ircmade #again :");
      old.await("PART #ircmade :Renamed to #again by modernr$");
      old.await("JOIN #again$");
    }
  }

  @Test
  void successionShowsTheHeirAsPlusQ() throws Exception {
    try (IrcTestClient bob = ircUser("bobs");
        TestClient alice = telnetUser("alices");
        IrcTestClient carol = ircUser("carols")) {
      bob.send("JOIN #succ");
      bob.await("^:bobs" + SOURCE + "JOIN #succ$");
      String names = bob.await(" 353 bobs [=*@] #succ :");
      assertTrue(names.contains("~bobs"), "the creator is main admin: " + names);
      alice.send("/join #succ");
      alice.expect("You joined #succ");
      carol.send("JOIN #succ");
      carol.await(" 366 carols #succ ");
      bob.send("MODE #succ +o alices");
      alice.expect("bobs made alices a secondary admin (@) of #succ.");
      carol.await("MODE #succ \\+o alices$");
      bob.send("PART #succ");
      carol.await("^:bobs" + SOURCE + "PART #succ");
      carol.await("^:[^ !]+ MODE #succ \\+q alices$");
      alice.expect("alices is now main admin (~) of #succ");
      carol.send("NAMES #succ");
      names = carol.await(" 353 carols [=*@] #succ :");
      assertTrue(names.contains("~alices"), names);
    }
  }

  @Test
  void operAndKillAcrossDoors() throws Exception {
    try (IrcTestClient bob = ircUser("bobo");
        TestClient victim = telnetUser("victimo");
        TestClient oper = telnetUser("opero");
        IrcTestClient target = ircUser("targeto")) {
      bob.send("KILL victimo :nope");
      bob.await(" 481 bobo ");
      // a wrong password from another address (the throttle counts per address)
      try (IrcTestClient guesser = IrcTestClient.connectFrom("127.0.0.9", server.ircPort())) {
        guesser.register("guessero");
        guesser.send("OPER " + OPERATOR + " :wrong password");
        guesser.await(" 464 guessero :Password incorrect");
        // straight after, even the right password waits: the client is told so, not "incorrect"
        guesser.send("OPER " + OPERATOR + " :" + OPERATOR_PASSWORD);
        guesser.await(" (464 guessero :.*try again|381 guessero )");
      }
      bob.send("OPER " + OPERATOR + " :" + OPERATOR_PASSWORD);
      bob.await(" 381 bobo ");
      bob.send("MODE bobo");
      bob.await(" 221 bobo :?\\+io$");
      bob.send("KILL victimo :spamming");
      victim.expect("You were disconnected by server operator");
      assertTrue(victim.awaitClosed(Duration.ofSeconds(10)), "the telnet user is gone");

      // a shell operator kills an IRC user: KILL, then ERROR and the end
      oper.send("/oper " + OPERATOR);
      oper.expect("Password: ");
      oper.send(OPERATOR_PASSWORD);
      oper.expect("You are now a server operator");
      oper.send("/kill targeto flooding");
      target.await(" KILL targeto :flooding");
      target.await("^ERROR :Closing link: targeto ");
      assertTrue(target.awaitClosed(Duration.ofSeconds(10)), "the IRC user is gone");
      bob.send("WHOIS targeto");
      bob.await(" 401 bobo targeto ");
    }
  }

  // ---- capabilities

  @Test
  void echoMessageServerTimeAndHistoryOnJoin() throws Exception {
    try (TestClient alice = telnetUser("aliceh");
        IrcTestClient tagged = IrcTestClient.connect(server.ircPort());
        IrcTestClient plain = ircUser("plainh")) {
      alice.send("/join #hist");
      alice.expect("You created #hist");
      alice.send("first said");
      alice.expect("<aliceh> first said");
      alice.send("second said");
      alice.expect("<aliceh> second said");

      tagged.send("CAP LS 302");
      tagged.send("CAP REQ :echo-message server-time message-tags");
      tagged.send("NICK taggedh");
      tagged.send("USER t 0 * :t");
      tagged.await("ACK :echo-message server-time message-tags");
      tagged.send("CAP END");
      tagged.await(" 001 taggedh ");
      tagged.send("JOIN #hist");
      tagged.await(
          "^@time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z :aliceh"
              + SOURCE
              + "PRIVMSG #hist :first said$");
      tagged.await("^@time=[^ ]+ :aliceh" + SOURCE + "PRIVMSG #hist :second said$");
      plain.send("JOIN #hist");
      plain.await("^:[^ ]+ NOTICE #hist :\\[\\d\\d:\\d\\d\\] <aliceh> first said$");

      tagged.send("PRIVMSG #hist :echoed back");
      tagged.await("^@time=[^ ]+ :taggedh" + SOURCE + "PRIVMSG #hist :echoed back$");
      alice.expect("<taggedh> echoed back");
      plain.await("^:taggedh" + SOURCE + "PRIVMSG #hist :echoed back$");
      plain.send("PRIVMSG #hist :not echoed");
      alice.expect("<plainh> not echoed");
      tagged.await("PRIVMSG #hist :not echoed$");
      assertFalse(
          plain.sees("PRIVMSG #hist :not echoed", Duration.ofMillis(500)),
          "no echo without echo-message");
      tagged.send("PRIVMSG aliceh :private echoed");
      alice.expect("*taggedh* private echoed");
      tagged.await(":taggedh" + SOURCE + "PRIVMSG aliceh :private echoed$");

      tagged.send("CHATHISTORY LATEST #hist * 2");
      tagged.await("PRIVMSG #hist :");
    }
  }

  @Test
  void slashCommandsAndUnknownVerbs() throws Exception {
    try (IrcTestClient bob = ircUser("bobq");
        TestClient alice = telnetUser("aliceq")) {
      bob.send("REQUESTS");
      bob.await("^:[^ ]+ NOTICE bobq :");
      bob.send("FROBNICATE now");
      bob.await(" 421 bobq FROBNICATE ");
      for (int i = 0; i < 20; i++) {
        bob.send("NOSUCHVERB" + i);
      }
      bob.await(" 421 bobq NOSUCHVERB19 ");
      bob.send("JOIN #quote");
      bob.await(" 366 bobq #quote ");
      bob.send("IGNORE aliceq");
      bob.await("NOTICE bobq :You now ignore aliceq");
      alice.send("/join #quote");
      alice.expect("You joined #quote");
      alice.send("ignored line");
      alice.expect("<aliceq> ignored line");
      bob.send("UNIGNORE aliceq");
      bob.await("NOTICE bobq :");
      alice.send("heard line");
      bob.await("PRIVMSG #quote :heard line$");
      assertFalse(bob.saw("ignored line"), "ignored while ignoring");
      bob.send("PING :still");
      bob.await("PONG [^ ]+ :still$");
    }
  }

  // ---- what reaches whom raw

  @Test
  void controlCharactersFromTheShellNeverReachIrcRaw() throws Exception {
    try (TestClient alice = telnetUser("alicex");
        IrcTestClient bob = ircUser("bobx")) {
      alice.send("/join #raw");
      alice.expect("You created #raw");
      bob.send("JOIN #raw");
      bob.await(" 366 bobx #raw ");
      alice.send("red \u001B[31malert\u001B[0m bell\u0007 done");
      bob.await("^:alicex" + SOURCE + "PRIVMSG #raw :red .*done$");
      alice.send("/msg bobx clear\u001B[2J screen\u001B]0;title\u0007 end");
      bob.await("PRIVMSG bobx :clear.*end$");
      alice.send("/topic top\u001B[1mic\u0003 04colour");
      bob.await("TOPIC #raw :top");
      byte[] raw = bob.raw();
      for (byte b : raw) {
        assertTrue(
            b != 0x1B && b != 0x07 && b != 0x03 && b != 0,
            "a control byte reached the IRC client: " + (b & 0xFF));
      }
    }
  }

  @Test
  void ircFormattingNeverReachesTheShellRaw() throws Exception {
    try (TestClient alice = telnetUser("alicef");
        IrcTestClient bob = ircUser("bobf")) {
      alice.send("/join #fmt");
      alice.expect("You created #fmt");
      bob.send("JOIN #fmt");
      bob.await(" 366 bobf #fmt ");
      bob.send(
          "PRIVMSG #fmt :\u0002bold\u0002 \u000304,12colour\u0003 \u001Ditalic\u001D"
              + " \u0004FF8800hex\u000F plain");
      alice.expect("<bobf> bold colour italic hex plain");
      bob.send("PRIVMSG #fmt :\u0001ACTION waves\u0001");
      alice.expect("* bobf waves");
      bob.send("PRIVMSG #fmt :\u0001VERSION\u0001");
      bob.send("TOPIC #fmt :x");
      bob.send("PRIVMSG aliceF :\u001Fprivate\u001F \u0016reverse");
      alice.expect("*bobf* private reverse");
      String text = new String(withoutTelnetCommands(alice.raw()), StandardCharsets.UTF_8);
      for (char c : new char[] {0x02, 0x03, 0x04, 0x0F, 0x16, 0x1D, 0x1F, 0x01, 0x1B}) {
        assertTrue(text.indexOf(c) < 0, "control character " + (int) c + " reached the shell");
      }
      assertFalse(text.contains("VERSION"), "other CTCP is dropped");
    }
  }

  /** The bytes a plain telnet client received, without the server's option negotiation. */
  private static byte[] withoutTelnetCommands(byte[] raw) {
    java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < raw.length; i++) {
      if ((raw[i] & 0xFF) != 0xFF) {
        data.write(raw[i]);
      } else if (i + 1 < raw.length && (raw[i + 1] & 0xFF) == 250) { // SB ... IAC SE
        while (i + 1 < raw.length && !((raw[i] & 0xFF) == 0xFF && (raw[i + 1] & 0xFF) == 240)) {
          i++;
        }
        i++;
      } else {
        i += 2; // IAC verb option
      }
    }
    return data.toByteArray();
  }

  // ---- SASL and accounts

  @Test
  void saslPlainLogsInToAnAccountRegisteredFromTheShell() throws Exception {
    AtomicLong throttle = new AtomicLong();
    ChatshellServer own = TestServer.start(null, ircSettings(Map.of()), throttle::get);
    try {
      try (TestClient alice = TestClient.plain(own.port())) {
        login(alice, "saslalice");
        AccountsIT.register(alice, "saslalice");
        alice.send("/bye");
        alice.awaitClosed(Duration.ofSeconds(5));
      }

      // without SASL the registered nick is refused
      try (IrcTestClient irc = IrcTestClient.connect(own.ircPort())) {
        irc.send("NICK saslalice");
        irc.send("USER a 0 * :a");
        irc.await(" 433 \\S+ saslalice :Nickname is registered: log in with SASL");
        irc.send("NICK other_a");
        irc.await(" 001 other_a ");
      }

      // a wrong password: 904, and the client may try again
      try (IrcTestClient irc = IrcTestClient.connect(own.ircPort())) {
        irc.send("CAP LS 302");
        irc.send("NICK saslalice");
        irc.send("USER a 0 * :a");
        irc.send("CAP REQ :sasl");
        irc.await("ACK :sasl");
        irc.send("AUTHENTICATE PLAIN");
        irc.await("^AUTHENTICATE \\+$");
        irc.send("AUTHENTICATE " + plain("saslalice", "not the password"));
        irc.await(" 904 ");
        assertFalse(irc.saw(" 001 "), "not logged in");
      }
      throttle.addAndGet(Duration.ofHours(1).toNanos()); // past any penalty

      try (IrcTestClient irc = IrcTestClient.connect(own.ircPort());
          TestClient bob = TestClient.plain(own.port())) {
        irc.send("CAP LS 302");
        irc.send("NICK saslalice");
        irc.send("USER a 0 * :a");
        irc.send("CAP REQ :sasl");
        irc.await("ACK :sasl");
        irc.send("AUTHENTICATE PLAIN");
        irc.await("^AUTHENTICATE \\+$");
        irc.send("AUTHENTICATE " + plain("saslalice", AccountsIT.PASSWORD));
        irc.await(" 900 [^ ]+ saslalice!\\S+ saslalice :You are now logged in as saslalice");
        irc.await(" 903 ");
        irc.send("CAP END");
        irc.await(" 001 saslalice ");
        irc.send("WHOIS saslalice");
        irc.await(" 330 saslalice saslalice saslalice ");
        // the registration's state is dropped at login: CAP and AUTHENTICATE are still answered
        irc.send("AUTHENTICATE PLAIN");
        irc.await(" 907 saslalice :You have already authenticated");
        irc.send("CAP REQ :echo-message");
        irc.await(" CAP saslalice ACK :echo-message$");
        irc.send("CAP LIST");
        irc.await(" CAP saslalice LIST :echo-message sasl$");
        login(bob, "saslbob");
        bob.send("/msg saslalice hello account");
        irc.await("PRIVMSG saslalice :hello account$");

        // registering from IRC: REGISTER password
        try (IrcTestClient carol = IrcTestClient.registered(own.ircPort(), "saslcarol")) {
          carol.send("REGISTER :" + AccountsIT.PASSWORD); // a space in it: the trailing form
          carol.await("^REGISTER SUCCESS saslcarol ");
        }
        try (TestClient back = TestClient.plain(own.port())) {
          back.expect("Nickname: ");
          back.send("saslcarol");
          back.expect("Password: ");
        }
      }
    } finally {
      own.close();
    }
  }

  private static String plain(String account, String password) {
    return Base64.getEncoder()
        .encodeToString(("\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8));
  }

  // ---- TLS

  @Test
  void tlsClientsRegisterAndChat() throws Exception {
    try (IrcTestClient secure = IrcTestClient.connectTls(server.ircTlsPort());
        TestClient alice = telnetUser("alicet")) {
      secure.register("securet");
      alice.send("/join #tls");
      alice.expect("You created #tls");
      secure.send("JOIN #tls");
      secure.await(" 366 securet #tls ");
      secure.send("PRIVMSG #tls :over tls");
      alice.expect("<securet> over tls");
      alice.send("back over telnet");
      secure.await("PRIVMSG #tls :back over telnet$");
    }
  }

  // ---- bad input, answered while everyone else chats on

  @Test
  void badLinesAreAnsweredAndNobodyElseNotices() throws Exception {
    try (TestClient alice = telnetUser("alicebad");
        IrcTestClient bob = ircUser("bobbad");
        IrcTestClient mallory = ircUser("mallory")) {
      alice.send("/join #calm");
      alice.expect("You created #calm");
      bob.send("JOIN #calm");
      bob.await(" 366 bobbad #calm ");
      mallory.send("JOIN #calm");
      mallory.await(" 366 mallory #calm ");

      // a 100 KB line: 417, the connection stays
      String huge = "PRIVMSG #calm :" + "x".repeat(100 * 1024);
      mallory.send(huge);
      mallory.await(" 417 mallory ");
      alice.send("after the huge line");
      bob.await("PRIVMSG #calm :after the huge line$");
      mallory.send("PRIVMSG #calm :still connected");
      alice.expect("<mallory> still connected");

      // a body over 510 bytes but under the read limit: 417 too, nothing said
      mallory.send("PRIVMSG #calm :" + "y".repeat(600));
      mallory.await(" 417 mallory ");

      // a NUL in a line: dropped, told
      mallory.sendRaw("PRIVMSG #calm :nul\0here\r\n".getBytes(StandardCharsets.UTF_8));
      mallory.await("NOTICE mallory :Line dropped");

      // a bare CR ends a line, as does a bare LF
      mallory.sendRaw(
          "PRIVMSG #calm :cr one\rPRIVMSG #calm :lf two\nPRIVMSG #calm :crlf three\r\n"
              .getBytes(StandardCharsets.UTF_8));
      alice.expect("<mallory> cr one");
      alice.expect("<mallory> lf two");
      alice.expect("<mallory> crlf three");

      // a line that is not UTF-8 is read as Latin-1, every byte a character
      mallory.sendRaw("PRIVMSG #calm :caf\u00e9 latin\r\n".getBytes(StandardCharsets.ISO_8859_1));
      alice.expect("<mallory> caf\u00e9 latin");

      // unknown commands: 421, never a disconnect
      mallory.send("HELLO there");
      mallory.await(" 421 mallory HELLO ");
      mallory.send(":source.is.ignored PRIVMSG #calm :with a source");
      alice.expect("<mallory> with a source");

      // too many targets: 407 and nothing acted on; a JOIN of 10,000 channels: 417 or 407
      StringBuilder many = new StringBuilder("JOIN ");
      for (int i = 0; i < 10_000; i++) {
        many.append(i == 0 ? "" : ",").append("#j").append(i);
      }
      mallory.send(many.toString());
      mallory.await(" (417|407) mallory ");
      StringBuilder some = new StringBuilder("JOIN ");
      for (int i = 0; i < 25; i++) {
        some.append(i == 0 ? "" : ",").append("#k").append(i);
      }
      mallory.send(some.toString());
      mallory.await(" 407 mallory JOIN ");
      mallory.send("PRIVMSG a,b,c,d,e :five targets");
      mallory.await(" 407 mallory PRIVMSG ");
      mallory.send("WHOIS mallory");
      String channels = mallory.await(" 319 mallory mallory :");
      assertFalse(channels.contains("#j") || channels.contains("#k"), channels);
      mallory.send("LIST");
      List<String> list = mallory.awaitAll(" 323 mallory ");
      assertFalse(
          list.stream().anyMatch(l -> l.contains(" #j1 ") || l.contains(" #k1 ")), list + "");

      // parameters: more than 15 are folded into the last; too few is 461
      mallory.send("PRIVMSG");
      mallory.await(" 411 mallory ");
      mallory.send("KICK #calm");
      mallory.await(" 461 mallory KICK ");

      // alice and bob never noticed
      alice.send("all quiet");
      bob.await("PRIVMSG #calm :all quiet$");
      assertFalse(alice.text().contains("xxxxxxxxxx"), "nothing of the huge line");
      assertFalse(alice.text().contains("yyyyyyyyyy"), "nothing of the long line");
      assertFalse(bob.saw("nul"), "nothing of the NUL line");
    }
  }

  @Test
  void registrationThatNeverEndsAndStalledTlsAreDroppedAfterTheLoginTimeout() throws Exception {
    ChatshellServer own = TestServer.start(ircSettings(Map.of(Setting.LOGIN_TIMEOUT_SECONDS, "2")));
    try (TestClient alice = TestClient.plain(own.port());
        IrcTestClient bob = IrcTestClient.registered(own.ircPort(), "bobto");
        IrcTestClient nickOnly = IrcTestClient.connect(own.ircPort());
        IrcTestClient capNoEnd = IrcTestClient.connect(own.ircPort());
        Socket silentTls = new Socket(InetAddress.getByName("127.0.0.1"), own.ircTlsPort());
        Socket garbageTls = new Socket(InetAddress.getByName("127.0.0.1"), own.ircTlsPort())) {
      login(alice, "aliceto");
      alice.send("/join #wait");
      alice.expect("You created #wait");
      bob.send("JOIN #wait");
      bob.await(" 366 bobto #wait ");

      nickOnly.send("NICK halfway");
      capNoEnd.send("CAP LS 302");
      capNoEnd.send("NICK capper");
      capNoEnd.send("USER c 0 * :c");
      capNoEnd.await(" CAP \\* LS ");
      garbageTls.getOutputStream().write("NICK not_tls\r\nUSER x 0 * :x\r\n".getBytes());
      garbageTls.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x7f, (byte) 0xff});

      // meanwhile the others chat on
      for (int i = 0; i < 3; i++) {
        alice.send("meanwhile " + i);
        bob.await("PRIVMSG #wait :meanwhile " + i + "$");
        bob.send("PRIVMSG #wait :answer " + i);
        alice.expect("<bobto> answer " + i);
      }

      nickOnly.await("^ERROR :Closing link: ");
      assertTrue(nickOnly.awaitClosed(Duration.ofSeconds(10)), "unregistered client dropped");
      capNoEnd.await("^ERROR :Closing link: ");
      assertTrue(capNoEnd.awaitClosed(Duration.ofSeconds(10)), "unended CAP dropped");
      assertFalse(capNoEnd.saw(" 001 "), "never welcomed");
      assertTrue(closedWithin(silentTls, Duration.ofSeconds(15)), "stalled TLS handshake dropped");
      assertTrue(
          closedWithin(garbageTls, Duration.ofSeconds(15)), "garbage on the TLS port dropped");

      alice.send("still here");
      bob.await("PRIVMSG #wait :still here$");
      bob.send("PING :alive");
      bob.await("PONG [^ ]+ :alive$");
    } finally {
      own.close();
    }
  }

  @Test
  void anIrcClientThatStopsAnsweringPingsIsDroppedAndLimitsPerAddressCoverEveryDoor()
      throws Exception {
    ChatshellServer own =
        TestServer.start(
            ircSettings(
                Map.of(Setting.KEEPALIVE_SECONDS, "1", Setting.MAX_CONNECTIONS_PER_ADDRESS, "3")));
    try (TestClient alice = TestClient.plainFrom("127.0.0.7", own.port());
        IrcTestClient bob = IrcTestClient.connectFrom("127.0.0.7", own.ircPort());
        IrcTestClient sleepy = IrcTestClient.connectFrom("127.0.0.8", own.ircPort())) {
      login(alice, "alicek");
      bob.register("bobk");
      sleepy.register("sleepyk");
      sleepy.stopAnsweringPings();
      sleepy.await("^PING :");
      sleepy.await("^ERROR :Closing link: sleepyk ");
      assertTrue(sleepy.awaitClosed(Duration.ofSeconds(10)), "dropped for not answering");

      // the answering client stays through several pings
      bob.await("^PING :");
      bob.await("^PING :");
      bob.send("WHOIS bobk");
      bob.await(" 318 bobk ");

      // a third connection from the address: fine; a fourth, on either door: refused
      try (IrcTestClient third = IrcTestClient.connectFrom("127.0.0.7", own.ircPort());
          IrcTestClient fourth = IrcTestClient.connectFrom("127.0.0.7", own.ircPort())) {
        third.register("thirdk");
        fourth.await("^ERROR :Closing link: \\(connection refused: ");
        assertTrue(fourth.awaitClosed(Duration.ofSeconds(10)), "refused and closed");
        try (TestClient fifth = TestClient.plainFrom("127.0.0.7", own.port())) {
          assertTrue(fifth.awaitClosed(Duration.ofSeconds(10)), "telnet counts the IRC ones too");
        }
      }
      alice.send("/msg bobk still fine");
      bob.await("PRIVMSG bobk :still fine$");
    } finally {
      own.close();
    }
  }

  /** True when the server closes {@code socket} (end of stream or reset) within {@code timeout}. */
  private static boolean closedWithin(Socket socket, Duration timeout) throws Exception {
    socket.setSoTimeout((int) timeout.toMillis());
    InputStream in = socket.getInputStream();
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buffer = new byte[4096];
    try {
      while (System.nanoTime() < deadline) {
        if (in.read(buffer) < 0) {
          return true;
        }
      }
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (java.io.IOException e) {
      return true; // reset by the server
    }
    return false;
  }

  @Test
  void manyIrcClientsNeverSeeEachOthersBadInput() throws Exception {
    List<IrcTestClient> clients = new ArrayList<>();
    try (TestClient alice = telnetUser("alicemany")) {
      alice.send("/join #many");
      alice.expect("You created #many");
      for (int i = 0; i < 5; i++) {
        IrcTestClient c = ircUser("many" + i);
        clients.add(c);
        c.send("JOIN #many");
        c.await(" 366 many" + i + " #many ");
      }
      for (int i = 0; i < 5; i++) {
        clients.get(i).sendRaw(("GARBAGE\0\u0001\r\n" + "x".repeat(9000) + "\r\n").getBytes());
      }
      for (int i = 0; i < 5; i++) {
        clients.get(i).await(" 417 many" + i + " ");
      }
      alice.send("everyone fine");
      for (IrcTestClient c : clients) {
        c.await("PRIVMSG #many :everyone fine$");
      }
      assertTrue(
          Pattern.compile("GARBAGE").matcher(alice.text()).results().findAny().isEmpty(),
          "nothing of it reached the shell");
    } finally {
      for (IrcTestClient c : clients) {
        c.close();
      }
    }
  }
}
