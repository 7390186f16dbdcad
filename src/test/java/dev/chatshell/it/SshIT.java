package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatApi;
import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.Processes;
import dev.chatshell.testing.SshTestClient;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SSH door in the whole server: SSH and telnet users in the same channels, accounts reached
 * through SSH authentication, the same rules (a client that stops reading is dropped, /KILL, the
 * moderation log names the door).
 */
class SshIT {

  private static ChatshellServer start(Map<Setting, String> more) throws Exception {
    java.util.Map<Setting, String> settings = new java.util.EnumMap<>(Setting.class);
    settings.put(Setting.SSH_PORT, String.valueOf(Processes.freePort()));
    settings.putAll(more);
    return TestServer.start(settings);
  }

  @Test
  void sshAndTelnetUsersChatInOneChannel() throws Exception {
    try (ChatshellServer server = start(Map.of());
        TestClient tia = TestClient.telnet(server.port(), "xterm", 80, 24);
        SshTestClient sam = SshTestClient.connect(server.sshPort(), "sam", "x", null, true)) {
      sam.expect("Welcome, sam!");
      ChatIT.login(tia, "tia");
      tia.send("/join #doors");
      tia.expect("You created #doors");
      sam.send("/join #doors");
      sam.expect("You joined #doors");
      tia.expect("sam has joined #doors");
      sam.send("hello from ssh");
      tia.expect("<sam> hello from ssh");
      tia.send("hello from telnet");
      sam.expect("<tia> hello from telnet");
      sam.send("/who");
      sam.expect("~tia sam");
    }
  }

  @Test
  void anAccountIsReachedByItsSshPasswordAndAnEmptyOneAsksForAnotherNick() throws Exception {
    try (ChatshellServer server = start(Map.of());
        TestClient setup = TestClient.plain(server.port())) {
      ChatIT.login(setup, "carol");
      AccountsIT.register(setup, "carol");
      setup.send("/bye");
      try (SshTestClient carol =
          SshTestClient.connect(server.sshPort(), "carol", AccountsIT.PASSWORD, null, false)) {
        String greeting = carol.expect("Welcome, carol!");
        assertTrue(!greeting.contains("Nickname:"), "no nickname or password asked: " + greeting);
        carol.send("/join #acct");
        carol.expect("You created #acct");
      }
      try (SshTestClient other =
          SshTestClient.connect(server.sshPort(), "carol", "", null, false)) {
        other.expect("carol is a registered nick: log in with its password or one of its keys");
        other.expect("Nickname: ");
        other.send("carolyn");
        other.expect("Welcome, carolyn!");
      }
    }
  }

  @Test
  void aTakenNickIsRefusedAsOnTelnetAndTheShellAsksForAnother() throws Exception {
    try (ChatshellServer server = start(Map.of());
        TestClient tia = TestClient.plain(server.port())) {
      ChatIT.login(tia, "tia");
      try (SshTestClient copy = SshTestClient.connect(server.sshPort(), "tia", "x", null, false)) {
        copy.expect("The nickname tia is taken; choose another.");
        copy.expect("Nickname: ");
        copy.send("tia2");
        copy.expect("Welcome, tia2!");
      }
      try (SshTestClient bad =
          SshTestClient.connect(server.sshPort(), "no spaces", "x", null, false)) {
        bad.expect("Nickname: ");
        bad.send("fine");
        bad.expect("Welcome, fine!");
      }
    }
  }

  @Test
  void aClientThatStopsReadingIsDroppedAndTheOthersGoOn() throws Exception {
    try (ChatshellServer server = start(Map.of(Setting.OUTBOX_LINES, "20"));
        SshTestClient lazy = SshTestClient.neverReading(server.sshPort(), "lazy");
        TestClient tia = TestClient.plain(server.port())) {
      ChatIT.login(tia, "tia");
      tia.send("/join #quiet");
      tia.expect("You created #quiet");
      lazy.send("/join #busy");
      ChatApi talker = server.chat().forUser(server.chat().connect("talker", "test", e -> {}));
      talker.join("#busy");
      // talks faster than anyone reads: the session of the client that reads nothing fills up
      for (int i = 0; i < 400 && lazy.isOpen(); i++) {
        talker.say("line " + i + " " + "x".repeat(60));
      }
      for (int i = 0; i < 200 && lazy.isOpen(); i++) {
        Thread.sleep(50);
      }
      assertTrue(!lazy.isOpen(), "the client that reads nothing was disconnected");
      tia.send("still here");
      tia.expect("<tia> still here");
    }
  }

  @Test
  void anOperatorKillsAnSshUserAndTheLogNamesTheDoor() throws Exception {
    try (ChatshellServer server =
            TestServer.startWithOperator(
                Map.of(Setting.SSH_PORT, String.valueOf(Processes.freePort())), "root", "hunter2");
        SshTestClient oper = SshTestClient.connect(server.sshPort(), "oscar", "x", null, false);
        SshTestClient victim = SshTestClient.connect(server.sshPort(), "vic", "x", null, true)) {
      oper.expect("Welcome, oscar!");
      victim.expect("Welcome, vic!");
      oper.send("/oper root");
      oper.expect("Password");
      oper.send("hunter2");
      oper.expect("operator");
      oper.send("/kill vic spam");
      victim.expect("spam");
      for (int i = 0; i < 100 && victim.isOpen(); i++) {
        Thread.sleep(50);
      }
      assertTrue(!victim.isOpen(), "the killed user's SSH connection is closed");
      String log = Files.readString(server.config().moderationLog(), StandardCharsets.UTF_8);
      assertTrue(log.contains("KILL\toscar\tvic\t-\tspam\tssh"), log);
    }
  }
}
