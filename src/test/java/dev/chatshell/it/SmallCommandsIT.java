package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /ME, /AWAY, /IGNORE and mentions over real sockets: what each user sees, in plain mode, and the
 * bell a character-mode terminal gets when a line names its user.
 */
class SmallCommandsIT {
  private static final byte BEL = 0x07;

  private static ChatshellServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static int bells(TestClient client) {
    int count = 0;
    for (byte b : client.raw()) {
      if (b == BEL) {
        count++;
      }
    }
    return count;
  }

  @Test
  void meShowsAnActionToEveryoneInTheChannel() throws Exception {
    try (TestClient alice = TestClient.plain(server.port());
        TestClient bob = TestClient.plain(server.port())) {
      login(alice, "alice");
      login(bob, "bob");
      alice.send("/join #me");
      alice.expect("You created #me");
      bob.send("/join #me");
      alice.expect("bob has joined #me");

      alice.send("/me waves");
      bob.expect("* alice waves");
      alice.expect("* alice waves");

      bob.send("/ME  bows deeply");
      alice.expect("* bob bows deeply");

      alice.send("/me");
      alice.expect("Error: Say what you do: /ME <action>.");
      alice.send("/me   ");
      alice.expect("Error: Say what you do: /ME <action>.");
      alice.send("after the errors");
      String before = bob.expect("<alice> after the errors");
      assertFalse(before.contains("* alice"), "nothing was shown for a blank action: " + before);
    }
  }

  @Test
  void meOutsideAChannelIsRefused() throws Exception {
    try (TestClient zoe = TestClient.plain(server.port())) {
      login(zoe, "zoe");
      zoe.send("/me waves");
      zoe.expect("Error: ");
      zoe.expect("/JOIN");
    }
  }

  @Test
  void awayIsToldToWhoeverWritesAndShownInWho() throws Exception {
    try (TestClient amy = TestClient.plain(server.port());
        TestClient ben = TestClient.plain(server.port())) {
      login(amy, "amy");
      login(ben, "ben");
      amy.send("/join #away");
      amy.expect("You created #away");
      ben.send("/join #away");
      amy.expect("ben has joined #away");

      amy.send("/away lunch");
      amy.expect("You are marked away: lunch (/AWAY alone when you are back).");

      ben.send("/msg amy are you there?");
      amy.expect("*ben* are you there?");
      ben.expect("-> *amy* are you there?");
      ben.expect("amy is away: lunch");

      ben.send("/who");
      ben.expect("#away (2): ~amy ben");
      ben.expect("Away: amy (lunch)");

      amy.send("/msg ben a note while away");
      ben.expect("*amy* a note while away");
      String own = amy.expect("-> *ben* a note while away");
      amy.send("/who");
      String between = amy.expect("#away (2)");
      assertFalse((own + between).contains("is away"), "ben is not away: " + own + between);

      amy.send("/away");
      amy.expect("You are back");

      ben.send("/msg amy welcome back");
      amy.expect("*ben* welcome back");
      ben.expect("-> *amy* welcome back");
      ben.send("/who");
      String sinceMessage = ben.expect("#away (2): ~amy ben");
      assertFalse(sinceMessage.contains("is away"), "amy is back: " + sinceMessage);
      ben.send("/ignore"); // a barrier: the /WHO reply is complete once this one arrives
      String whoReply = ben.expect("You ignore nobody");
      assertFalse(whoReply.contains("Away:"), "nobody is away: " + whoReply);
    }
  }

  @Test
  void ignoreHidesANickUntilUnignored() throws Exception {
    try (TestClient ida = TestClient.plain(server.port());
        TestClient jon = TestClient.plain(server.port());
        TestClient kim = TestClient.plain(server.port())) {
      login(ida, "ida");
      login(jon, "jon");
      login(kim, "kim");
      ida.send("/join #ign");
      ida.expect("You created #ign");
      jon.send("/join #ign");
      ida.expect("jon has joined #ign");
      kim.send("/join #ign");
      ida.expect("kim has joined #ign");
      jon.expect("kim has joined #ign");

      ida.send("/ignore jon");
      ida.expect("You now ignore jon: nothing they say is shown to you.");
      ida.send("/ignore");
      ida.expect("You ignore: jon (/UNIGNORE <nick> to see them again)");

      jon.send("first from jon");
      kim.expect("<jon> first from jon"); // jon's line has been handed out
      jon.expect("<jon> first from jon"); // the sender still sees it
      jon.send("/me sneaks");
      kim.expect("* jon sneaks");
      jon.send("/msg ida;kim psst");
      kim.expect("*jon* (to ida;kim) psst");
      jon.expect("-> *ida;kim* psst");
      kim.send("barrier one");
      String hidden = ida.expect("<kim> barrier one");
      assertFalse(hidden.contains("first from jon"), hidden);
      assertFalse(hidden.contains("sneaks"), hidden);
      assertFalse(hidden.contains("psst"), hidden);
      jon.expect("<kim> barrier one");
      assertFalse(jon.text().contains("now ignore"), "jon is not told he is ignored");

      ida.send("/ignore JON");
      ida.expect("Error: You ignore JON already.");
      ida.send("/ignore ida");
      ida.expect("Error: You cannot ignore yourself.");
      ida.send("/unignore kim");
      ida.expect("Error: You do not ignore kim.");

      ida.send("/unignore jon");
      ida.expect("You no longer ignore jon.");
      jon.send("back again");
      ida.expect("<jon> back again");
      jon.send("/me returns");
      ida.expect("* jon returns");
      jon.send("/msg ida hello");
      ida.expect("*jon* hello");
      ida.send("/ignore");
      ida.expect("You ignore nobody");
    }
  }

  @Test
  void aLineNamingTheUserRingsTheBellInCharacterModeOnly() throws Exception {
    try (TestClient dora = TestClient.telnet(server.port(), "xterm", 80, 24);
        TestClient ed = TestClient.plain(server.port())) {
      login(dora, "dora");
      login(ed, "ed");
      dora.send("/join #bell");
      dora.expect("You created #bell");
      ed.send("/join #bell");
      dora.expect("ed has joined #bell");
      ed.expect("You joined #bell");

      int atStart = bells(dora);
      ed.send("nothing special here");
      dora.expect("<ed> nothing special here");
      ed.send("adorable, isn't it"); // contains "dora" inside a word: no mention
      dora.expect("<ed> adorable, isn't it");
      dora.send("dora says hi"); // her own line naming herself
      dora.expect("<dora> dora says hi");
      ed.expect("<dora> dora says hi");
      ed.send("barrier");
      dora.expect("<ed> barrier");
      assertEquals(atStart, bells(dora), "lines that do not name dora do not ring");

      int from = dora.raw().length;
      ed.send("dora: ping");
      dora.expect("<ed> dora: ping");
      assertTrue(
          dora.awaitRaw(Pattern.compile("\u0007"), from, Duration.ofSeconds(10)),
          "a line naming dora rings her terminal");
      ed.send("barrier two");
      dora.expect("<ed> barrier two");
      assertEquals(atStart + 1, bells(dora), "one bell for one line");

      ed.send("/me pokes DORA");
      dora.expect("* ed pokes DORA");
      ed.send("barrier three");
      dora.expect("<ed> barrier three");
      assertEquals(atStart + 2, bells(dora), "an action naming her rings too");

      dora.send("ed: pong");
      ed.expect("<dora> ed: pong");
      dora.send("ed, hello ED");
      ed.expect("<dora> ed, hello ED");
      dora.send("/msg ed ed?");
      ed.expect("*dora* ed?");
      for (byte b : ed.raw()) {
        assertFalse(b == BEL, "a plain client never gets a BEL byte");
      }
    }
  }
}
