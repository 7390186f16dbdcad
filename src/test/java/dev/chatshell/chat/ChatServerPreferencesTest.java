package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Logging in to an account (issue 12, items 14 and 19) over the real stores: /SET choices kept with
 * the account across logins and restarts, registered channels where the account holds a role joined
 * again at login (unless autojoin is off), and the account's other terminals told when a new one
 * logs in, with its address.
 */
class ChatServerPreferencesTest extends StoredChat {
  ChatServerPreferencesTest() {
    super(new dev.chatshell.testing.HandClock(T0), Kept.PREFERENCES);
  }

  private void restartKeepingPreferences() throws Exception {
    restart();
  }

  @Test
  void timestampsAreKeptWithTheAccountAcrossLoginsAndRestarts() throws Exception {
    registered("alice", ALICE_PW);
    User alice = login("alice", ALICE_PW, new Inbox());
    assertFalse(alice.preferences().timestamps(), "off until chosen");

    server.setPreferences(alice, alice.preferences().withTimestamps(true));
    server.disconnect(alice, null);
    User back = login("alice", ALICE_PW, new Inbox());

    assertTrue(back.preferences().timestamps());
    restartKeepingPreferences();
    assertTrue(login("alice", ALICE_PW, new Inbox()).preferences().timestamps());
  }

  @Test
  void aChangeReachesEveryTerminalOfTheAccountAtOnce() {
    registered("alice", ALICE_PW);
    User first = login("alice", ALICE_PW, new Inbox());
    User second = login("alice", ALICE_PW, new Inbox());

    server.setPreferences(second, Preferences.DEFAULTS.withTimestamps(true));

    assertTrue(first.preferences().timestamps(), "one user, whatever the terminal");
  }

  @Test
  void aGuestsChoiceLastsTheSessionAndIsKeptWhenTheyRegister() {
    User guest = server.connect("alice", "a", new Inbox());
    server.setPreferences(guest, Preferences.DEFAULTS.withTimestamps(true));
    assertTrue(guest.preferences().timestamps());

    server.register(guest, pw(ALICE_PW));
    server.disconnect(guest, null);

    assertTrue(login("alice", ALICE_PW, new Inbox()).preferences().timestamps());
  }

  @Test
  void loginJoinsAgainTheRegisteredChannelsWhereTheAccountHoldsARole() {
    registered("alice", ALICE_PW);
    registered("bob", BOB_PW);
    User bob = login("bob", BOB_PW, new Inbox());
    server.join(bob, "#lobby");
    server.registerChannel(bob, "#lobby"); // bob's: alice is only a member there
    User alice = login("alice", ALICE_PW, new Inbox());
    server.join(alice, "#ops");
    server.registerChannel(alice, "#ops");
    server.join(alice, "#dev");
    server.registerChannel(alice, "#dev");
    server.join(bob, "#dev");
    server.grant(alice, "bob"); // kept: bob's account is an admin of #dev
    server.join(alice, "#lobby");
    server.join(alice, "#plain"); // not registered
    server.disconnect(alice, null);
    server.disconnect(bob, null);

    Inbox inbox = new Inbox();
    User back = login("alice", ALICE_PW, inbox);

    assertEquals(List.of("#dev", "#ops"), back.channels().stream().map(Channel::name).toList());
    assertEquals(ChannelRole.MAIN_ADMIN, server.channel("#ops").roleOf(back));
    assertTrue(
        inbox
            .texts()
            .contains(
                "Joining your registered channels again: #dev #ops (/SET autojoin off stops this)."),
        inbox.texts().toString());
    User bobBack = login("bob", BOB_PW, new Inbox());
    assertEquals(
        List.of("#dev", "#lobby"), bobBack.channels().stream().map(Channel::name).toList());
    assertEquals(ChannelRole.SECONDARY_ADMIN, server.channel("#dev").roleOf(bobBack));
  }

  @Test
  void nickToARegisteredNickIsALoginToo() {
    registered("alice", ALICE_PW);
    User alice = login("alice", ALICE_PW, new Inbox());
    server.join(alice, "#ops");
    server.registerChannel(alice, "#ops");
    server.setPreferences(alice, alice.preferences().withTimestamps(true));
    server.disconnect(alice, null);
    User guest = server.connect("zed", "z", new Inbox());

    server.changeNick(guest, "alice", pw(ALICE_PW));

    assertTrue(guest.preferences().timestamps(), "the account's choices");
    assertEquals(List.of("#ops"), guest.channels().stream().map(Channel::name).toList());
  }

  @Test
  void autojoinOffJoinsNothingAtLogin() {
    registered("alice", ALICE_PW);
    User alice = login("alice", ALICE_PW, new Inbox());
    server.join(alice, "#ops");
    server.registerChannel(alice, "#ops");
    server.setPreferences(alice, alice.preferences().withAutojoin(false));
    server.disconnect(alice, null);

    Inbox inbox = new Inbox();
    User back = login("alice", ALICE_PW, inbox);

    assertEquals(List.of(), back.channels());
    assertTrue(
        inbox.texts().stream().noneMatch(t -> t.startsWith("Joining")), inbox.texts().toString());
  }

  @Test
  void aChannelThatRefusesTheRejoinIsNamedAndTheOthersAreStillJoined() {
    registered("alice", ALICE_PW);
    registered("bob", BOB_PW);
    User alice = login("alice", ALICE_PW, new Inbox());
    User bob = login("bob", BOB_PW, new Inbox());
    server.join(alice, "#a");
    server.registerChannel(alice, "#a");
    server.join(bob, "#a");
    server.grant(alice, "bob");
    server.join(alice, "#b");
    server.registerChannel(alice, "#b");
    server.join(bob, "#b");
    server.grant(alice, "bob");
    server.disconnect(bob, null);
    server.ban(alice, "#a", "account:bob", null, "not today");

    Inbox inbox = new Inbox();
    User back = login("bob", BOB_PW, inbox);

    assertEquals(List.of("#b"), back.channels().stream().map(Channel::name).toList());
    assertTrue(
        inbox.texts().stream().anyMatch(t -> t.startsWith("Not joined #a: You are banned from #a")),
        inbox.texts().toString());
  }

  @Test
  void theOtherTerminalsAreToldWhenANewOneLogsInAndFromWhere() {
    registered("alice", ALICE_PW);
    Inbox first = new Inbox();
    User alice = server.login("alice", pw(ALICE_PW), "192.0.2.7", first);
    first.clear();

    server.login("alice", pw(ALICE_PW), "198.51.100.9", new Inbox());

    assertEquals(List.of("Another terminal logged in to alice, from 198.51.100.9."), first.texts());
    assertEquals(2, alice.sessions());
  }
}
