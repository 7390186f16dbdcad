package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Accounts in the chat domain, over the real account logins and an SQLite file: /REGISTER, logging
 * in with a password, several terminals on one account, /NICK to a registered nick, /PASSWD.
 */
class ChatServerAccountsTest extends StoredChat {
  /** Lets the login throttle's penalties run out, as after a wrong password. */
  private void waitOutThrottle() {
    nanos.addAndGet(Duration.ofMinutes(10).toNanos());
  }

  // ---- /REGISTER ----

  @Test
  void registerStoresTheAccountAndLogsTheUserInToIt() throws Exception {
    Inbox inbox = new Inbox();
    User alice = server.connect("alice", "192.0.2.1", inbox);
    assertNull(alice.account());

    server.register(alice, pw(ALICE_PW));

    assertEquals("alice", alice.account());
    assertTrue(store.find("alice").isPresent());
    assertEquals(
        List.of(
            new ServerNotice(
                T0,
                "You registered alice. From now on, logging in as alice asks for this password,"
                    + " and several terminals may log in to it at once.")),
        inbox.events());
    assertEquals(Optional.of("alice"), server.account("ALICE"));
    assertEquals(Optional.of("alice"), server.account("alice"));
    assertEquals(Optional.empty(), server.account("bob"));
  }

  @Test
  void registerKeepsTheCaseOfTheNick() {
    User alice = server.connect("Alice", "a", new Inbox());

    server.register(alice, pw(ALICE_PW));

    assertEquals("Alice", alice.account());
    assertEquals(Optional.of("Alice"), server.account("aLiCe"));
  }

  @Test
  void registeringTwiceIsRefused() throws Exception {
    User alice = server.connect("alice", "a", new Inbox());
    server.register(alice, pw(ALICE_PW));

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.register(alice, pw("another-one")));

    assertTrue(thrown.getMessage().contains("already"), thrown.getMessage());
    assertEquals(1, store.list().size());
    // the first password still holds
    assertSame(alice, server.login("alice", pw(ALICE_PW), "b", new Inbox()));
  }

  @Test
  void registeringANickRegisteredMeanwhileIsRefused() throws Exception {
    User carol = server.connect("carol", "c", new Inbox());
    // registered by someone else meanwhile (for instance with the offline tools)
    store.create("Carol", "not-a-hash", T0);

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.register(carol, pw("carol-secret")));

    assertEquals("carol is registered already.", thrown.getMessage());
    assertNull(carol.account());
  }

  @Test
  void aShortPasswordIsRefusedAndNothingIsStored() throws Exception {
    User alice = server.connect("alice", "a", new Inbox());

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.register(alice, pw("1234567")));

    assertTrue(thrown.getMessage().contains("at least 8"), thrown.getMessage());
    assertNull(alice.account());
    assertEquals(Optional.empty(), store.find("alice"));
    assertEquals(Optional.empty(), server.account("alice"));
  }

  @Test
  void aPasswordOfEightCharactersIsEnough() {
    User alice = server.connect("alice", "a", new Inbox());

    server.register(alice, pw("12345678"));

    assertEquals("alice", alice.account());
  }

  // ---- connect and login ----

  @Test
  void connectingWithARegisteredNickInAnyCaseIsRefused() {
    registered("alice", ALICE_PW);

    for (String nick : List.of("alice", "ALICE", "Alice")) {
      ChatException thrown =
          assertThrows(ChatException.class, () -> server.connect(nick, "a", new Inbox()));
      assertTrue(thrown.getMessage().contains("password"), thrown.getMessage());
    }
    assertEquals(List.of(), server.nicks());
  }

  @Test
  void connectingWithARegisteredNickIsRefusedWhileItsOwnerIsOnlineToo() {
    User alice = server.connect("alice", "a", new Inbox());
    server.register(alice, pw(ALICE_PW));

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.connect("ALICE", "b", new Inbox()));

    assertTrue(thrown.getMessage().contains("password"), thrown.getMessage());
    assertEquals(List.of("alice"), server.nicks());
  }

  @Test
  void loginWithAWrongPasswordIsRefusedAndNobodyIsOnline() {
    registered("alice", ALICE_PW);

    ChatException thrown =
        assertThrows(
            ChatException.class, () -> server.login("alice", pw("wrong-pass"), "a", new Inbox()));

    assertEquals("Wrong password for alice.", thrown.getMessage());
    assertEquals(List.of(), server.nicks());
    assertEquals(0, server.userCount());
  }

  @Test
  void loginToAnAccountThatDoesNotExistIsRefused() {
    ChatException thrown =
        assertThrows(
            ChatException.class, () -> server.login("nobody", pw(ALICE_PW), "a", new Inbox()));

    assertTrue(thrown.getMessage().contains("nobody"), thrown.getMessage());
    assertEquals(0, server.userCount());
    assertEquals(List.of(), server.nicks());
  }

  @Test
  void loginWithTheRightPasswordUsesTheRegisteredName() {
    registered("Alice", ALICE_PW);
    Inbox inbox = new Inbox();

    User alice = server.login("aLICE", pw(ALICE_PW), "192.0.2.7", inbox);

    assertEquals("Alice", alice.nick());
    assertEquals("Alice", alice.account());
    assertEquals("192.0.2.7", alice.address());
    assertEquals(1, alice.sessions());
    assertFalse(alice.isGone());
    assertEquals(List.of("Alice"), server.nicks());
    assertDoesNotThrow(() -> server.join(alice, "#a"));
  }

  @Test
  void loginAfterAWrongPasswordIsThrottledUntilThePenaltyIsOver() {
    registered("alice", ALICE_PW);
    assertThrows(
        ChatException.class, () -> server.login("alice", pw("wrong-pass"), "a", new Inbox()));

    ChatException thrown =
        assertThrows(
            ChatException.class, () -> server.login("alice", pw(ALICE_PW), "a", new Inbox()));
    assertTrue(thrown.getMessage().startsWith("Too many wrong passwords"), thrown.getMessage());
    assertEquals(0, server.userCount());

    waitOutThrottle();
    assertEquals("alice", server.login("alice", pw(ALICE_PW), "a", new Inbox()).nick());
  }

  @Test
  void loginToALockedAccountIsRefused() throws Exception {
    registered("alice", ALICE_PW);
    assertTrue(store.setLocked("alice", true));

    ChatException thrown =
        assertThrows(
            ChatException.class, () -> server.login("alice", pw(ALICE_PW), "a", new Inbox()));

    assertTrue(thrown.getMessage().contains("locked"), thrown.getMessage());
    assertEquals(0, server.userCount());

    assertTrue(store.setLocked("alice", false));
    waitOutThrottle(); // a try at a locked account counts as a failure
    assertEquals("alice", server.login("alice", pw(ALICE_PW), "a", new Inbox()).account());
  }

  @Test
  void aLoggedOutAccountCanLogInAgain() {
    registered("alice", ALICE_PW);
    User first = server.login("alice", pw(ALICE_PW), "a", new Inbox());
    server.disconnect(first, null);

    User second = server.login("alice", pw(ALICE_PW), "a", new Inbox());

    assertNotSame(first, second);
    assertEquals(1, second.sessions());
    assertEquals(List.of("alice"), server.nicks());
  }

  // ---- several terminals on one account ----

  @Test
  void aSecondLoginJoinsTheSameUser() {
    registered("alice", ALICE_PW);
    Inbox first = new Inbox();
    Inbox second = new Inbox();
    User alice = server.login("alice", pw(ALICE_PW), "a", first);
    server.join(alice, "#a");
    first.clear();

    User again = server.login("ALICE", pw(ALICE_PW), "b", second);

    assertSame(alice, again);
    assertEquals(2, alice.sessions());
    assertEquals(List.of("alice"), server.nicks());
    assertEquals(1, second.events().size());
    String told = second.texts().get(0);
    assertTrue(told.contains("logged in to alice"), told);
    assertTrue(told.contains("from 2 terminals"), told);
    assertTrue(told.contains("Current channel: #a."), told);
    assertEquals(
        List.of("Another terminal logged in to alice, from b."),
        first.texts(),
        "the first terminal is told, with the address");
  }

  @Test
  void anAccountHoldsNoMoreTerminalsThanAllowed() {
    server.setTerminalsPerAccount(2);
    registered("alice", ALICE_PW);
    Inbox first = new Inbox();
    User alice = server.login("alice", pw(ALICE_PW), "a", first);
    server.login("alice", pw(ALICE_PW), "b", new Inbox());
    first.clear();

    ChatException refused =
        assertThrows(
            ChatException.class, () -> server.login("alice", pw(ALICE_PW), "c", new Inbox()));

    assertEquals(
        "alice is already logged in from 2 terminals, the most one account may have; leave one"
            + " (/BYE there) first.",
        refused.getMessage());
    assertEquals(2, alice.sessions());
    assertEquals(List.of(), first.events(), "the terminals logged in are not disturbed");
  }

  @Test
  void aSecondLoginAfterRegisterJoinsTheRegisteringUser() {
    Inbox first = new Inbox();
    Inbox second = new Inbox();
    User alice = server.connect("alice", "a", first);
    server.register(alice, pw(ALICE_PW));

    User again = server.login("alice", pw(ALICE_PW), "b", second);

    assertSame(alice, again);
    assertEquals(2, alice.sessions());
  }

  @Test
  void aSecondLoginToAnAccountKnownByAnotherNickSaysSo() {
    registered("alice", ALICE_PW);
    User alice = server.login("alice", pw(ALICE_PW), "a", new Inbox());
    server.changeNick(alice, "zed");
    Inbox second = new Inbox();

    User again = server.login("alice", pw(ALICE_PW), "b", second);

    assertSame(alice, again);
    assertEquals("zed", again.nick());
    String told = second.texts().get(0);
    assertTrue(told.contains("known as zed"), told);
    assertTrue(told.contains("from 2 terminals"), told);
  }

  @Test
  void everyTerminalIsShownChannelMessagesAndNotices() {
    registered("alice", ALICE_PW);
    Inbox first = new Inbox();
    Inbox second = new Inbox();
    User alice = server.login("alice", pw(ALICE_PW), "a", first);
    server.login("alice", pw(ALICE_PW), "b", second);
    User bob = server.connect("bob", "b", new Inbox());
    server.join(alice, "#a");
    first.clear();
    second.clear();

    server.join(bob, "#a");
    server.say(bob, "hello alice");
    server.say(alice, "hi bob");
    server.sendPrivate(bob, "alice", "psst");

    List<ChatEvent> expected =
        List.of(
            new ChannelNotice(T0, "#a", "bob has joined #a"),
            new ChannelMessage(T0, "#a", "bob", "hello alice"),
            new ChannelMessage(T0, "#a", "alice", "hi bob"),
            new PrivateMessage(T0, "bob", List.of("alice"), "psst"));
    assertEquals(expected, first.events());
    assertEquals(expected, second.events());
  }

  @Test
  void disconnectingOneOfTwoTerminalsKeepsTheUserOnline() {
    registered("alice", ALICE_PW);
    Inbox first = new Inbox();
    Inbox second = new Inbox();
    Inbox bobInbox = new Inbox();
    User alice = server.login("alice", pw(ALICE_PW), "a", first);
    server.login("alice", pw(ALICE_PW), "b", second);
    User bob = server.connect("bob", "b", bobInbox);
    Channel a = server.join(alice, "#a");
    server.join(bob, "#a");
    first.clear();
    second.clear();
    bobInbox.clear();

    server.disconnect(alice, first, "closed the laptop");

    assertFalse(alice.isGone());
    assertEquals(1, alice.sessions());
    assertEquals(List.of("alice", "bob"), server.nicks());
    assertEquals(ChannelRole.MAIN_ADMIN, a.roleOf(alice));
    assertEquals(List.of(a), alice.channels());
    assertEquals(
        List.of(
            new ServerNotice(
                T0, "One of your terminals left (closed the laptop); 1 is still logged in.")),
        second.events());
    assertEquals(List.of(), first.events());
    assertEquals(List.of(), bobInbox.events(), "the channel is not told of a quit");

    server.say(bob, "still there?");
    assertEquals(List.of(), first.events(), "the terminal that left is shown nothing more");
    assertEquals("still there?", second.texts().get(1));
  }

  @Test
  void disconnectingOneOfThreeTerminalsSaysTwoAreLeft() {
    registered("alice", ALICE_PW);
    Inbox first = new Inbox();
    Inbox second = new Inbox();
    Inbox third = new Inbox();
    User alice = server.login("alice", pw(ALICE_PW), "a", first);
    server.login("alice", pw(ALICE_PW), "b", second);
    server.login("alice", pw(ALICE_PW), "c", third);
    second.clear();
    third.clear();

    server.disconnect(alice, first, null);

    assertEquals(2, alice.sessions());
    ServerNotice told = new ServerNotice(T0, "One of your terminals left; 2 are still logged in.");
    assertEquals(List.of(told), second.events());
    assertEquals(List.of(told), third.events());
  }

  @Test
  void disconnectingTheLastTerminalLogsTheUserOut() {
    registered("alice", ALICE_PW);
    Inbox first = new Inbox();
    Inbox second = new Inbox();
    Inbox bobInbox = new Inbox();
    User alice = server.login("alice", pw(ALICE_PW), "a", first);
    server.login("alice", pw(ALICE_PW), "b", second);
    User bob = server.connect("bob", "b", bobInbox);
    Channel a = server.join(alice, "#a");
    server.join(bob, "#a");
    server.disconnect(alice, first, null);
    bobInbox.clear();

    server.disconnect(alice, second, "bye");

    assertTrue(alice.isGone());
    assertEquals(List.of("bob"), server.nicks());
    assertFalse(a.contains(alice));
    assertEquals(
        List.of(
            new ChannelNotice(T0, "#a", "alice has quit (bye)"),
            new ChannelNotice(
                T0, "#a", "bob is now main admin (~) of #a, taking over from alice.")),
        bobInbox.events());
    // the account is free to log in again, as a new user
    User back = server.login("alice", pw(ALICE_PW), "c", new Inbox());
    assertNotSame(alice, back);
    assertEquals(1, back.sessions());
  }

  @Test
  void aKillDisconnectsEveryTerminalAndLaterDisconnectsAreHarmless() {
    registered("alice", ALICE_PW);
    Inbox first = new Inbox();
    Inbox second = new Inbox();
    Inbox bobInbox = new Inbox();
    User alice = server.login("alice", pw(ALICE_PW), "a", first);
    server.login("alice", pw(ALICE_PW), "b", second);
    User bob = server.connect("bob", "b", bobInbox);
    User oscar = server.connect("oscar", "o", new Inbox());
    server.promote(oscar, "test");
    server.join(alice, "#a");
    server.join(bob, "#a");
    first.clear();
    second.clear();
    bobInbox.clear();

    server.kill(oscar, "alice", "flooding");

    Disconnected killed =
        new Disconnected(T0, "You were disconnected by server operator oscar (flooding).");
    assertEquals(List.of(killed), first.events());
    assertEquals(List.of(killed), second.events());
    assertTrue(alice.isGone());
    assertEquals(List.of("bob", "oscar"), server.nicks());
    bobInbox.clear();

    assertDoesNotThrow(() -> server.disconnect(alice, first, "connection closed"));
    assertDoesNotThrow(() -> server.disconnect(alice, second, "connection closed"));
    assertDoesNotThrow(() -> server.disconnect(alice, second, "connection closed"));

    assertEquals(List.of(killed), first.events());
    assertEquals(List.of(killed), second.events());
    assertEquals(List.of(), bobInbox.events());
    assertEquals(List.of("bob", "oscar"), server.nicks());
    assertEquals(
        "alice", server.login("alice", pw(ALICE_PW), "c", new Inbox()).nick(), "may log in again");
  }

  // ---- /NICK to a registered nick ----

  @Test
  void aRegisteredNickNeedsAPasswordForAUserWithoutAccount() {
    registered("alice", ALICE_PW);
    User bob = server.connect("bob", "b", new Inbox());

    assertTrue(server.needsPassword(bob, "alice"));
    assertTrue(server.needsPassword(bob, "ALICE"));
    assertFalse(server.needsPassword(bob, "carol"));
  }

  @Test
  void changingToARegisteredNickWithoutPasswordIsRefused() {
    registered("alice", ALICE_PW);
    User bob = server.connect("bob", "b", new Inbox());

    ChatException thrown = assertThrows(ChatException.class, () -> server.changeNick(bob, "alice"));

    assertTrue(thrown.getMessage().contains("password"), thrown.getMessage());
    assertEquals("bob", bob.nick());
    assertNull(bob.account());
    assertEquals(List.of("bob"), server.nicks());
  }

  @Test
  void changingToARegisteredNickWithAWrongPasswordIsRefused() {
    registered("alice", ALICE_PW);
    User bob = server.connect("bob", "b", new Inbox());

    ChatException thrown =
        assertThrows(
            ChatException.class, () -> server.changeNick(bob, "alice", pw("not-her-password")));

    assertEquals("Wrong password for alice; your nick is unchanged.", thrown.getMessage());
    assertEquals("bob", bob.nick());
    assertNull(bob.account());
    assertEquals(List.of("bob"), server.nicks());
  }

  @Test
  void changingToARegisteredNickWithTheRightPasswordLogsIn() {
    registered("alice", ALICE_PW);
    Inbox bobInbox = new Inbox();
    Inbox carolInbox = new Inbox();
    User bob = server.connect("bob", "b", bobInbox);
    User carol = server.connect("carol", "c", carolInbox);
    server.join(bob, "#a");
    server.join(carol, "#a");
    bobInbox.clear();
    carolInbox.clear();

    server.changeNick(bob, "ALICE", pw(ALICE_PW));

    assertEquals("ALICE", bob.nick());
    assertEquals("alice", bob.account());
    assertEquals(List.of("ALICE", "carol"), server.nicks());
    assertEquals(
        List.of(
            new ServerNotice(T0, "You are now known as ALICE, logged in to the account alice.")),
        bobInbox.events());
    assertEquals(List.of(new ServerNotice(T0, "bob is now known as ALICE")), carolInbox.events());
    assertFalse(server.needsPassword(bob, "alice"));
    // another terminal logging in to alice joins this user
    assertSame(bob, server.login("alice", pw(ALICE_PW), "x", new Inbox()));
    assertEquals(2, bob.sessions());
  }

  @Test
  void changingToTheNickOfAnAccountOnlineElsewhereIsRefused() {
    registered("alice", ALICE_PW);
    User alice = server.login("alice", pw(ALICE_PW), "a", new Inbox());
    server.changeNick(alice, "zed"); // the nick alice itself is free, the account is not
    User bob = server.connect("bob", "b", new Inbox());

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.changeNick(bob, "alice", pw(ALICE_PW)));

    assertTrue(thrown.getMessage().contains("logged in elsewhere"), thrown.getMessage());
    assertEquals("bob", bob.nick());
    assertNull(bob.account());
    assertEquals(List.of("bob", "zed"), server.nicks());
  }

  @Test
  void changingToTheNickOfAnAccountOnlineUnderThatNickIsRefused() {
    registered("alice", ALICE_PW);
    server.login("alice", pw(ALICE_PW), "a", new Inbox());
    User bob = server.connect("bob", "b", new Inbox());

    assertThrows(ChatException.class, () -> server.changeNick(bob, "alice", pw(ALICE_PW)));

    assertEquals("bob", bob.nick());
    assertNull(bob.account());
  }

  @Test
  void aUserLoggedInToOneAccountCannotTakeAnotherAccountsNick() {
    registered("alice", ALICE_PW);
    registered("bob", BOB_PW);
    User alice = server.login("alice", pw(ALICE_PW), "a", new Inbox());

    assertFalse(server.needsPassword(alice, "bob"), "no password would help");
    ChatException withPassword =
        assertThrows(ChatException.class, () -> server.changeNick(alice, "bob", pw(BOB_PW)));
    ChatException without =
        assertThrows(ChatException.class, () -> server.changeNick(alice, "BOB"));

    assertTrue(withPassword.getMessage().contains("another account"), withPassword.getMessage());
    assertTrue(without.getMessage().contains("another account"), without.getMessage());
    assertEquals("alice", alice.nick());
    assertEquals("alice", alice.account());
    assertEquals(List.of("alice"), server.nicks());
  }

  @Test
  void anAccountHolderMayUseAnUnregisteredNickAndComeBackWithoutPassword() {
    registered("alice", ALICE_PW);
    User alice = server.login("alice", pw(ALICE_PW), "a", new Inbox());

    server.changeNick(alice, "zed");

    assertEquals("zed", alice.nick());
    assertEquals("alice", alice.account());
    assertThrows(ChatException.class, () -> server.connect("alice", "b", new Inbox()));
    assertFalse(server.needsPassword(alice, "alice"));
    assertFalse(server.needsPassword(alice, "Alice"));

    server.changeNick(alice, "Alice");

    assertEquals("Alice", alice.nick());
    assertEquals("alice", alice.account());
    assertEquals(List.of("Alice"), server.nicks());
  }

  // ---- /PASSWD ----

  @Test
  void changingThePasswordWithoutAnAccountIsRefused() {
    User bob = server.connect("bob", "b", new Inbox());

    ChatException thrown =
        assertThrows(
            ChatException.class,
            () -> server.changePassword(bob, pw("whatever1"), pw("whatever2")));

    assertTrue(thrown.getMessage().contains("no account"), thrown.getMessage());
  }

  @Test
  void changingThePasswordWithAWrongCurrentOneIsRefused() {
    registered("alice", ALICE_PW);
    User alice = server.login("alice", pw(ALICE_PW), "a", new Inbox());

    ChatException thrown =
        assertThrows(
            ChatException.class,
            () -> server.changePassword(alice, pw("not-the-password"), pw("new-password")));

    assertEquals("That is not your current password; nothing was changed.", thrown.getMessage());
    waitOutThrottle();
    server.disconnect(alice, null);
    assertEquals("alice", server.login("alice", pw(ALICE_PW), "a", new Inbox()).account());
  }

  @Test
  void aShortNewPasswordIsRefused() {
    registered("alice", ALICE_PW);
    User alice = server.login("alice", pw(ALICE_PW), "a", new Inbox());

    assertThrows(
        ChatException.class, () -> server.changePassword(alice, pw(ALICE_PW), pw("short")));

    server.disconnect(alice, null);
    assertEquals("alice", server.login("alice", pw(ALICE_PW), "a", new Inbox()).account());
  }

  @Test
  void changingThePasswordMakesTheNewOneWorkAndTheOldOneFail() {
    registered("alice", ALICE_PW);
    Inbox inbox = new Inbox();
    User alice = server.login("alice", pw(ALICE_PW), "a", inbox);
    inbox.clear();

    server.changePassword(alice, pw(ALICE_PW), pw("brand-new-secret"));

    assertEquals(
        List.of(new ServerNotice(T0, "The password of alice has changed.")), inbox.events());
    server.disconnect(alice, null);
    ChatException old =
        assertThrows(
            ChatException.class, () -> server.login("alice", pw(ALICE_PW), "a", new Inbox()));
    assertEquals("Wrong password for alice.", old.getMessage());
    waitOutThrottle();
    assertEquals(
        "alice", server.login("alice", pw("brand-new-secret"), "a", new Inbox()).account());
  }

  // ---- the console's nick, and names decided under the lock ----

  @Test
  void theConsolesNickIsKeptForTheConsole() {
    server.reserveForConsole("console");
    assertThrows(ChatException.class, () -> server.connect("Console", "a", new Inbox()));
    User dan = server.connect("dan", "a", new Inbox());
    assertThrows(ChatException.class, () -> server.changeNick(dan, "console"));
    User console = server.connectConsole("console", new Inbox());
    assertTrue(console.isConsole());
  }

  @Test
  void theConsoleCannotLogInToAnAccountSoNoLoginCanBecomeIt() {
    registered("alice", ALICE_PW);
    User console = server.connectConsole("console", new Inbox());
    assertFalse(server.needsPassword(console, "alice"));
    ChatException refused =
        assertThrows(ChatException.class, () -> server.changeNick(console, "alice", pw(ALICE_PW)));
    assertTrue(refused.getMessage().contains("console"), refused.getMessage());
    assertNull(console.account());
    User alice = server.login("alice", pw(ALICE_PW), "a", new Inbox());
    assertFalse(alice == console, "a login never joins the console");
    assertFalse(alice.isOperator());
  }

  @Test
  void aNickRegisteredMeanwhileIsRefusedUnderTheLock() {
    User bob = server.connect("bob", "b", new Inbox());
    server.register(bob, pw(BOB_PW));
    server.changeNick(bob, "robert"); // the nick "bob" is free, but registered
    assertThrows(ChatException.class, () -> server.connect("BOB", "u", new Inbox()));
    User u = server.connect("u", "u", new Inbox());
    ChatException refused = assertThrows(ChatException.class, () -> server.changeNick(u, "bob"));
    assertTrue(refused.getMessage().contains("password"), refused.getMessage());
    assertEquals("u", u.nick());
  }

  @Test
  void aFailedRegistrationGivesTheNameBack() throws Exception {
    User carol = server.connect("carol", "c", new Inbox());
    database.close(); // storing fails
    assertThrows(ChatException.class, () -> server.register(carol, pw("carol-secret")));
    assertTrue(server.account("carol").isEmpty(), "not left reserved");
    assertNull(carol.account());
  }
}
