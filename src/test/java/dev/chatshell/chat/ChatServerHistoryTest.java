package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.testing.HandClock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * History in the chat domain, over the real history store, account logins and channel store on an
 * SQLite file: scrollback on /JOIN, /HISTORY of a channel and of a private conversation, history
 * that follows a /REN, and what an account missed while it was away.
 *
 * <p>The clock moves on by a millisecond whenever it is read, so every line has a time of its own
 * and a join comes after what was said before it.
 */
class ChatServerHistoryTest extends ThreeUsersChat {
  private static final String AWAY = "While you were away, you were mentioned:";
  private static final String NOBODY = "Nobody mentioned you while you were away.";

  ChatServerHistoryTest() {
    super(HandClock.ticking(T0), Kept.HISTORY);
  }

  private static List<String> texts(List<HistoryEntry> entries) {
    return entries.stream().map(HistoryEntry::text).toList();
  }

  /** The one HistoryLines event in the inbox. */
  private static HistoryLines onlyHistory(Inbox inbox) {
    List<HistoryLines> shown = inbox.ofType(HistoryLines.class);
    assertEquals(1, shown.size(), inbox.events().toString());
    return shown.getFirst();
  }

  /** alice creates #x and says the lines. */
  private Channel aliceSaysInX(String... lines) {
    Channel x = server.join(alice, "#x");
    for (String line : lines) {
      server.say(alice, line);
    }
    clearAll();
    return x;
  }

  // ---- scrollback on /JOIN ----

  @Test
  void joiningAnExistingChannelShowsWhatWasSaidBefore() {
    aliceSaysInX("one", "two", "three");

    server.join(bob, "#X");

    HistoryLines shown = onlyHistory(bobInbox);
    assertEquals("Earlier in #x (/HISTORY shows more):", shown.heading());
    assertFalse(shown.withChannel());
    assertEquals(List.of("one", "two", "three"), texts(shown.entries()));
    assertTrue(shown.entries().stream().allMatch(e -> e.nick().equals("alice")));
    assertTrue(shown.entries().stream().allMatch(e -> e.channel().equals("#x")));
    assertTrue(bobInbox.events().indexOf(shown) > 0, "after the welcome: " + bobInbox.events());
    assertEquals(List.of(), aliceInbox.ofType(HistoryLines.class));
  }

  @Test
  void scrollbackShowsOnlyTheLastLinesItIsSetTo() {
    aliceSaysInX("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");

    server.join(bob, "#x");
    assertEquals(
        List.of("3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
        texts(onlyHistory(bobInbox).entries()),
        "ten lines unless set");

    server.setScrollback(2);
    server.join(carol, "#x");
    assertEquals(List.of("11", "12"), texts(onlyHistory(carolInbox).entries()));
  }

  @Test
  void noScrollbackWhenItIsSetToZero() {
    aliceSaysInX("one", "two");
    server.setScrollback(0);

    server.join(bob, "#x");

    assertEquals(List.of(), bobInbox.ofType(HistoryLines.class));
    assertTrue(
        bobInbox.texts().getFirst().startsWith("You joined #x"), bobInbox.texts().toString());
  }

  @Test
  void aChannelWithNothingSaidShowsNoScrollback() {
    server.join(alice, "#x");

    server.join(bob, "#x");

    assertEquals(List.of(), bobInbox.ofType(HistoryLines.class));
  }

  @Test
  void theCreatorOfANewChannelGetsNoScrollback() {
    server.join(alice, "#x");

    assertEquals(List.of(), aliceInbox.ofType(HistoryLines.class));
  }

  @Test
  void scrollbackHoldsOnlyTheChannelsOwnLines() {
    aliceSaysInX("in x");
    server.join(carol, "#y");
    server.say(carol, "in y");
    server.sendPrivate(alice, "bob", "private");
    server.join(alice, "#y"); // alice's current channel is #y now
    server.say(alice, "alice in y");
    clearAll();

    server.join(bob, "#x");

    assertEquals(List.of("in x"), texts(onlyHistory(bobInbox).entries()));
  }

  @Test
  void aChannelMadeAgainUnderAnOldNameDoesNotShowTheOldChannelsLines() {
    server.join(carol, "#tmp");
    server.say(carol, "said in the old #tmp");
    server.leave(carol, null, null);
    assertNull(server.channel("#tmp"), "gone when its last member left");

    server.join(bob, "#TMP");
    assertEquals(List.of(), bobInbox.ofType(HistoryLines.class));
    server.say(bob, "said in the new #TMP");
    server.join(alice, "#tmp");

    assertEquals(List.of("said in the new #TMP"), texts(onlyHistory(aliceInbox).entries()));
    assertEquals(
        List.of("said in the new #TMP"), texts(server.channelHistory(alice, 10)), "/HISTORY too");
  }

  @Test
  void aRegisteredChannelShowsItsLinesAcrossARestart() throws Exception {
    server.join(alice, "#den");
    server.registerChannel(alice, null);
    server.say(alice, "before the restart");

    restart();
    Inbox bob2Inbox = new Inbox();
    User bob2 = login("bob", BOB_PW, bob2Inbox);
    server.join(bob2, "#den");

    assertEquals(List.of("before the restart"), texts(onlyHistory(bob2Inbox).entries()));
  }

  @Test
  void aRegisteredChannelDoesNotShowAnEarlierChannelOfItsNameAfterARestart() throws Exception {
    server.join(carol, "#den");
    server.say(carol, "said in an earlier, unregistered #den");
    server.leave(carol, null, null);
    server.join(alice, "#den");
    server.registerChannel(alice, null);
    server.say(alice, "said in the registered #den");
    server.join(bob, "#den");
    assertEquals(
        List.of("said in the registered #den"),
        texts(onlyHistory(bobInbox).entries()),
        "before the restart");

    restart();
    Inbox bob2Inbox = new Inbox();
    User bob2 = login("bob", BOB_PW, bob2Inbox);
    server.join(bob2, "#den");

    assertEquals(
        List.of("said in the registered #den"),
        texts(onlyHistory(bob2Inbox).entries()),
        "after the restart");
  }

  // ---- /HISTORY of a channel ----

  @Test
  void channelHistoryShowsTheLastLinesOfTheCurrentChannel() {
    aliceSaysInX("one", "two", "three");
    server.join(alice, "#y");
    server.say(alice, "in y");

    assertEquals(List.of("in y"), texts(server.channelHistory(alice, 10)));
    server.switchTo(alice, "#x");
    assertEquals(List.of("two", "three"), texts(server.channelHistory(alice, 2)));
    server.join(bob, "#x");
    server.say(bob, "four");
    assertEquals(List.of("three", "four"), texts(server.channelHistory(bob, 2)));
  }

  @Test
  void channelHistoryOutsideAnyChannelIsRefused() {
    ChatException thrown =
        assertThrows(ChatException.class, () -> server.channelHistory(carol, 10));

    assertEquals("You are not in a channel; /JOIN one first.", thrown.getMessage());
  }

  // ---- /HISTORY of a private conversation ----

  @Test
  void aUserWithoutAccountHasNoPrivateHistory() {
    server.sendPrivate(carol, "alice", "hi from carol");

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.conversation(carol, "alice", 10));

    assertEquals(
        "Private history is kept for accounts only: /REGISTER your nick to keep yours.",
        thrown.getMessage());
  }

  @Test
  void noPrivateHistoryIsKeptWithANickWithoutAccount() {
    server.sendPrivate(alice, "carol", "hi carol");

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.conversation(alice, "carol", 10));

    assertEquals(
        "carol has no account, so no private history is kept with them.", thrown.getMessage());
  }

  @Test
  void aConversationHoldsThePrivateMessagesBetweenTheTwoAccountsOnly() {
    server.sendPrivate(alice, "bob", "1 alice to bob");
    server.sendPrivate(bob, "alice", "2 bob to alice");
    server.sendPrivate(alice, "carol", "3 alice to carol");
    server.sendPrivate(carol, "alice", "4 carol to alice");
    server.sendPrivate(bob, "carol", "5 bob to carol");
    server.sendPrivate(carol, "alice;bob", "6 carol to both");
    server.sendPrivate(alice, "bob;carol", "7 alice to bob and carol");
    server.join(alice, "#x");
    server.say(alice, "8 in a channel, bob");

    List<HistoryEntry> between = server.conversation(alice, "BOB", 10);

    assertEquals(
        List.of("1 alice to bob", "2 bob to alice", "7 alice to bob and carol"), texts(between));
    assertEquals(List.of("bob", "carol"), between.get(2).to());
    assertEquals(texts(between), texts(server.conversation(bob, "alice", 10)));
    assertEquals(
        List.of("2 bob to alice", "7 alice to bob and carol"),
        texts(server.conversation(bob, "alice", 2)));
  }

  @Test
  void aConversationIsKeptWhileTheOtherIsAwayAndUnderAnotherNick() {
    server.sendPrivate(alice, "bob", "hello bob");
    server.changeNick(bob, "robert");
    server.sendPrivate(alice, "robert", "hello robert");
    server.disconnect(bob, null);

    assertEquals(
        List.of("hello bob", "hello robert"), texts(server.conversation(alice, "bob", 10)));
  }

  // ---- /REN ----

  @Test
  void afterARenameTheHistoryFollowsTheNewName() {
    aliceSaysInX("before the rename");

    server.rename(alice, "#y");
    server.say(alice, "after the rename");

    assertEquals(
        List.of("before the rename", "after the rename"), texts(server.channelHistory(alice, 10)));
    server.join(bob, "#y");
    HistoryLines shown = onlyHistory(bobInbox);
    assertEquals("Earlier in #y (/HISTORY shows more):", shown.heading());
    assertEquals(List.of("before the rename", "after the rename"), texts(shown.entries()));
    assertTrue(shown.entries().stream().allMatch(e -> e.channel().equals("#y")));

    server.join(carol, "#x");
    server.join(bob, "#x");
    assertEquals(1, bobInbox.ofType(HistoryLines.class).size(), "a new #x shows nothing old");
  }

  @Test
  void aRenameOntoTheNameOfAGoneChannelDoesNotBringItsLinesBack() {
    server.join(alice, "#a");
    server.say(alice, "said in #a");
    server.join(carol, "#b");
    server.say(carol, "said in an old #b");
    server.leave(carol, "#b", null); // #b is gone

    server.switchTo(alice, "#a");
    server.rename(alice, "#b");
    server.join(bob, "#b");

    assertEquals(List.of("said in #a"), texts(onlyHistory(bobInbox).entries()));
  }

  // ---- what an account missed while away ----

  /** alice and bob in #x with carol; alice logs out. */
  private void aliceLeftX() {
    server.join(alice, "#x");
    server.join(bob, "#x");
    server.join(carol, "#x");
    server.disconnect(alice, aliceInbox, "bye");
    clearAll();
  }

  @Test
  void anAccountComingBackIsShownTheLinesThatMentionedIt() {
    aliceLeftX();
    server.say(bob, "hi alice, are you there?");
    server.say(bob, "malice and alicex are no mentions");
    server.say(carol, "ALICE!");
    server.join(bob, "#elsewhere");
    server.say(bob, "tell alice in another channel");
    ChatException offline =
        assertThrows(ChatException.class, () -> server.sendPrivate(bob, "alice", "psst"));
    assertEquals("No user called alice is online; nothing was sent.", offline.getMessage());

    Inbox inbox = new Inbox();
    login("alice", ALICE_PW, inbox);

    HistoryLines missed = onlyHistory(inbox);
    assertEquals(AWAY, missed.heading());
    assertTrue(missed.withChannel());
    assertEquals(
        List.of("hi alice, are you there?", "ALICE!", "tell alice in another channel"),
        texts(missed.entries()));
    assertEquals(
        List.of("#x", "#x", "#elsewhere"),
        missed.entries().stream().map(HistoryEntry::channel).toList());
  }

  @Test
  void anAccountNobodyMentionedIsToldSo() {
    aliceLeftX();
    server.say(bob, "nothing about anyone");

    Inbox inbox = new Inbox();
    login("alice", ALICE_PW, inbox);

    assertEquals(List.of(), inbox.ofType(HistoryLines.class));
    assertTrue(inbox.texts().contains(NOBODY), inbox.texts().toString());
  }

  @Test
  void mentionsBeforeTheLogoutAreNotMissed() {
    server.join(alice, "#x");
    server.join(bob, "#x");
    Inbox second = new Inbox();
    User same = login("alice", ALICE_PW, second); // a second terminal
    assertEquals(alice, same);
    assertEquals(List.of(), second.ofType(HistoryLines.class), "no summary for a second terminal");
    server.disconnect(alice, aliceInbox, null); // one terminal of two: still logged in
    server.say(bob, "alice, you see this live");
    server.disconnect(alice, second, null); // the last one: logged out now

    Inbox inbox = new Inbox();
    login("alice", ALICE_PW, inbox);

    assertEquals(List.of(), inbox.ofType(HistoryLines.class));
    assertTrue(inbox.texts().contains(NOBODY), inbox.texts().toString());
  }

  @Test
  void atMostTenMentionsAreShownAtLogin() {
    aliceLeftX();
    for (int i = 1; i <= 12; i++) {
      server.say(bob, "alice " + i);
    }

    Inbox inbox = new Inbox();
    login("alice", ALICE_PW, inbox);

    HistoryLines missed = onlyHistory(inbox);
    assertEquals("While you were away, you were mentioned (the last 10 times):", missed.heading());
    assertEquals(
        List.of(
            "alice 3",
            "alice 4",
            "alice 5",
            "alice 6",
            "alice 7",
            "alice 8",
            "alice 9",
            "alice 10",
            "alice 11",
            "alice 12"),
        texts(missed.entries()));
  }

  @Test
  void privateMessagesBetweenOthersAreNeverShownAsMentions() {
    aliceLeftX();
    server.sendPrivate(bob, "carol", "alice is away, tell nobody");

    Inbox inbox = new Inbox();
    login("alice", ALICE_PW, inbox);

    assertEquals(List.of(), inbox.ofType(HistoryLines.class), inbox.events().toString());
    assertTrue(inbox.texts().contains(NOBODY), inbox.texts().toString());
  }

  @Test
  void theFirstLoginAfterRegisteringAndLoggingOutFindsNothingMissed() {
    Inbox daveInbox = new Inbox();
    User dave = server.connect("dave", "d", daveInbox);
    server.register(dave, "dave-secret".toCharArray());
    assertTrue(
        daveInbox.texts().stream().noneMatch(t -> t.contains("away")),
        "register() logs in without a summary: " + daveInbox.texts());
    server.disconnect(dave, daveInbox, null);

    Inbox inbox = new Inbox();
    login("dave", "dave-secret", inbox);

    assertTrue(inbox.texts().contains(NOBODY), inbox.texts().toString());
  }

  @Test
  void anAccountLoggedInAtShutdownMissedOnlyWhatCameAfter() throws Exception {
    server.join(alice, "#x");
    server.join(bob, "#x");
    server.say(bob, "alice, said while alice was here");

    restart(); // alice was logged in when the server stopped: she saw that line live
    Inbox inbox = new Inbox();
    login("alice", ALICE_PW, inbox);

    assertEquals(List.of(), inbox.ofType(HistoryLines.class));
    assertTrue(inbox.texts().contains(NOBODY), inbox.texts().toString());
  }

  @Test
  void mentionsSeenLiveBeforeAShutdownAreNotShownAsMissed() throws Exception {
    aliceLeftX();
    Inbox again = new Inbox();
    User alice2 = login("alice", ALICE_PW, again); // back: "Nobody mentioned you"
    server.join(alice2, "#x");
    server.say(bob, "alice, you are reading this live");
    assertTrue(again.texts().contains("alice, you are reading this live"));

    restart(); // the server stops while alice is logged in
    Inbox inbox = new Inbox();
    login("alice", ALICE_PW, inbox);

    assertEquals(List.of(), inbox.ofType(HistoryLines.class), inbox.events().toString());
  }
}
