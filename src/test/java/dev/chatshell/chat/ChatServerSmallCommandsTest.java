package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The small commands in the chat domain: /ME, /AWAY, /IGNORE and /UNIGNORE. */
class ChatServerSmallCommandsTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

  /** Users without accounts, on a server that keeps none. */
  @Nested
  class WithoutAccounts {
    private final ChatServer server = ChatTestSupport.server(CLOCK, 50);
    private final Inbox aliceInbox = new Inbox();
    private final Inbox bobInbox = new Inbox();
    private final Inbox carolInbox = new Inbox();
    private final Inbox daveInbox = new Inbox();
    private final User alice = server.connect("alice", "a", aliceInbox);
    private final User bob = server.connect("bob", "b", bobInbox);
    private final User carol = server.connect("carol", "c", carolInbox);
    private final User dave = server.connect("dave", "d", daveInbox);

    @BeforeEach
    void channels() {
      server.join(alice, "#a");
      server.join(bob, "#a");
      server.join(carol, "#a");
      server.join(dave, "#d");
      clearAll();
    }

    private void clearAll() {
      List.of(aliceInbox, bobInbox, carolInbox, daveInbox).forEach(Inbox::clear);
    }

    // ---- /ME ----

    @Test
    void anActionReachesEveryMemberOfTheCurrentChannelAsAnAction() {
      server.act(alice, "waves");

      ChannelMessage action = new ChannelMessage(T0, "#a", "alice", "waves", true);
      assertEquals(List.of(action), aliceInbox.events());
      assertEquals(List.of(action), bobInbox.events());
      assertEquals(List.of(action), carolInbox.events());
      assertEquals(List.of(), daveInbox.events(), "dave is in another channel");
      assertTrue(action.action());
    }

    @Test
    void aPlainLineIsNotAnAction() {
      server.say(alice, "waves");

      assertFalse(bobInbox.ofType(ChannelMessage.class).getFirst().action());
    }

    @Test
    void anActionIsMadeSafe() {
      server.act(alice, "\u001b[2Jdances\u202e");

      assertEquals(List.of("^[[2Jdances<U+202E>"), bobInbox.texts());
      assertTrue(bobInbox.ofType(ChannelMessage.class).getFirst().action());
    }

    @Test
    void aBlankActionIsRefusedAndNothingIsSent() {
      for (String blank : new String[] {null, "", "   ", "\t "}) {
        ChatException thrown =
            assertThrows(ChatException.class, () -> server.act(alice, blank), "for " + blank);
        assertTrue(thrown.getMessage().contains("/ME"), thrown.getMessage());
      }
      assertEquals(List.of(), aliceInbox.events());
      assertEquals(List.of(), bobInbox.events());
    }

    @Test
    void anActionOutsideAChannelIsRefused() {
      server.leave(dave, null, null);
      daveInbox.clear();

      ChatException thrown = assertThrows(ChatException.class, () -> server.act(dave, "waves"));

      assertTrue(thrown.getMessage().contains("/JOIN"), thrown.getMessage());
      assertEquals(List.of(), daveInbox.events());
    }

    @Test
    void aUserWhoNeverJoinedCannotAct() {
      User eve = server.connect("eve", "e", new Inbox());

      assertThrows(ChatException.class, () -> server.act(eve, "waves"));

      assertEquals(List.of(), aliceInbox.events());
      assertEquals(List.of(), daveInbox.events());
    }

    // ---- /AWAY ----

    @Test
    void awayMarksTheUserAndTellsThem() {
      assertNull(alice.away());

      server.setAway(alice, "lunch");

      assertEquals("lunch", alice.away());
      assertEquals(
          List.of(
              new ServerNotice(T0, "You are marked away: lunch (/AWAY alone when you are back).")),
          aliceInbox.events());
      // Those who share a channel learn it once (IRC's away-notify, the shell's "is away" line);
      // nobody else is told.
      ServerNotice changed = new ServerNotice(T0, "alice is away: lunch");
      assertEquals(List.of(changed), bobInbox.events());
      assertEquals(List.of(changed), carolInbox.events());
      assertEquals(List.of(), daveInbox.events(), "dave shares no channel with alice");
      bobInbox.clear();
      server.setAway(alice, "lunch");
      assertEquals(List.of(), bobInbox.events(), "the same message again changes nothing");
      server.setAway(alice, null);
      assertEquals(List.of(new ServerNotice(T0, "alice is back.")), bobInbox.events());
    }

    @Test
    void awayAloneMarksTheUserBack() {
      server.setAway(alice, "lunch");
      aliceInbox.clear();

      server.setAway(alice, null);

      assertNull(alice.away());
      assertEquals(
          List.of(new ServerNotice(T0, "You are back: you are no longer marked away.")),
          aliceInbox.events());
    }

    /** Issue 12: /AWAY alone when not away said "You are back". */
    @Test
    void awayAloneWhenNotAwaySaysSo() {
      server.setAway(alice, null);

      assertNull(alice.away());
      assertEquals(
          List.of(new ServerNotice(T0, "You are not marked away; /AWAY <message> marks you away.")),
          aliceInbox.events());
    }

    @Test
    void aBlankAwayMessageMarksTheUserBack() {
      for (String blank : new String[] {"", "   ", "\t"}) {
        server.setAway(alice, "lunch");
        server.setAway(alice, blank);
        assertNull(alice.away(), "for \"" + blank + "\"");
      }
    }

    @Test
    void awayMessageIsStrippedOfSurroundingSpace() {
      server.setAway(alice, "  out for lunch  ");

      assertEquals("out for lunch", alice.away());
    }

    @Test
    void awayMessageOfTwoHundredCharactersIsAccepted() {
      String longest = "x".repeat(ChatServer.MAX_AWAY_LENGTH);
      assertEquals(200, longest.length());

      server.setAway(alice, longest);

      assertEquals(longest, alice.away());
    }

    @Test
    void awayMessageOverTwoHundredCharactersIsRefusedAndChangesNothing() {
      server.setAway(alice, "lunch");
      aliceInbox.clear();

      ChatException thrown =
          assertThrows(ChatException.class, () -> server.setAway(alice, "x".repeat(201)));

      assertEquals(
          "An away message is at most 200 characters; this one has 201.", thrown.getMessage());
      assertEquals("lunch", alice.away(), "the earlier message stays");
      assertEquals(List.of(), aliceInbox.events());
    }

    @Test
    void awayMessageHasItsControlCharactersMadeVisible() {
      server.setAway(alice, "lunch\u001b[31m\u0007\u202e");

      assertEquals("lunch^[[31m^G<U+202E>", alice.away());
      String told = aliceInbox.texts().getFirst();
      assertFalse(told.contains("\u001b"), told);
      assertFalse(told.contains("\u0007"), told);
    }

    @Test
    void aPrivateMessageToAnAwayUserTellsTheSenderAndStillReachesTheRecipient() {
      server.setAway(bob, "lunch");
      clearAll();

      server.sendPrivate(alice, "bob", "are you there?");

      PrivateMessage message = new PrivateMessage(T0, "alice", List.of("bob"), "are you there?");
      assertEquals(List.of(message), bobInbox.events());
      assertEquals(
          List.of(message, new ServerNotice(T0, "bob is away: lunch")), aliceInbox.events());
    }

    @Test
    void aPrivateMessageToSeveralNamesEveryAwayRecipient() {
      server.setAway(bob, "lunch");
      server.setAway(dave, "asleep");
      clearAll();

      server.sendPrivate(alice, "bob;carol;dave", "meeting");

      assertEquals(
          List.of("meeting", "bob is away: lunch", "dave is away: asleep"), aliceInbox.texts());
      assertEquals(List.of("meeting"), bobInbox.texts());
      assertEquals(List.of("meeting"), carolInbox.texts());
      assertEquals(List.of("meeting"), daveInbox.texts());
    }

    @Test
    void aPrivateMessageToAUserWhoIsBackSaysNothingMore() {
      server.setAway(bob, "lunch");
      server.setAway(bob, null);
      clearAll();

      server.sendPrivate(alice, "bob", "hi");

      assertEquals(List.of(), aliceInbox.ofType(ServerNotice.class));
      assertEquals(List.of("hi"), aliceInbox.texts());
    }

    @Test
    void aPrivateMessageToOneselfWhileAwayGivesNoAwayNotice() {
      server.setAway(alice, "lunch");
      clearAll();

      server.sendPrivate(alice, "alice", "note to self");

      assertEquals(
          List.of(new PrivateMessage(T0, "alice", List.of("alice"), "note to self")),
          aliceInbox.events());
    }

    @Test
    void channelMessagesToAnAwayUserAreNotAnswered() {
      server.setAway(bob, "lunch");
      clearAll();

      server.say(alice, "bob: ping");

      assertEquals(List.of("bob: ping"), aliceInbox.texts());
      assertEquals(List.of("bob: ping"), bobInbox.texts());
    }

    // ---- /IGNORE and /UNIGNORE ----

    @Test
    void ignoringTellsTheUserAndListsTheNick() {
      server.ignore(alice, "Bob", true);

      assertEquals(Set.of(Names.key("bob")), alice.ignored());
      assertEquals(
          List.of(new ServerNotice(T0, "You now ignore Bob: nothing they say is shown to you.")),
          aliceInbox.events());
      assertEquals(List.of(), bobInbox.events(), "the ignored user is not told");
    }

    @Test
    void anIgnoredNicksChannelMessagesAndActionsDoNotReachTheIgnorer() {
      server.ignore(alice, "bob", true);
      clearAll();

      server.say(bob, "hello all");
      server.act(bob, "waves");

      assertEquals(List.of(), aliceInbox.events());
      List<ChatEvent> seen =
          List.of(
              new ChannelMessage(T0, "#a", "bob", "hello all"),
              new ChannelMessage(T0, "#a", "bob", "waves", true));
      assertEquals(seen, carolInbox.events(), "others still see them");
      assertEquals(seen, bobInbox.events(), "the sender still sees their own lines");
    }

    @Test
    void theIgnorerStillSeesEveryoneElse() {
      server.ignore(alice, "bob", true);
      clearAll();

      server.say(carol, "from carol");
      server.act(carol, "smiles");

      assertEquals(List.of("from carol", "smiles"), aliceInbox.texts());
    }

    @Test
    void ignoringWorksWhateverTheCaseOfTheNick() {
      server.ignore(alice, "BOB", true);
      clearAll();

      server.say(bob, "hi");

      assertEquals(List.of(), aliceInbox.events());
    }

    @Test
    void anIgnoredNicksPrivateMessagesDoNotReachTheIgnorer() {
      server.ignore(alice, "bob", true);
      clearAll();

      server.sendPrivate(bob, "alice", "psst");

      PrivateMessage message = new PrivateMessage(T0, "bob", List.of("alice"), "psst");
      assertEquals(List.of(), aliceInbox.events());
      assertEquals(List.of(message), bobInbox.events(), "the sender sees their own copy");
    }

    @Test
    void aPrivateMessageToSeveralReachesTheOthersButNotTheIgnorer() {
      server.ignore(alice, "bob", true);
      clearAll();

      server.sendPrivate(bob, "alice;carol", "psst");

      PrivateMessage message = new PrivateMessage(T0, "bob", List.of("alice", "carol"), "psst");
      assertEquals(List.of(), aliceInbox.events());
      assertEquals(List.of(message), carolInbox.events());
      assertEquals(List.of(message), bobInbox.events());
    }

    @Test
    void theIgnorerMayStillWriteToTheIgnoredNick() {
      server.ignore(alice, "bob", true);
      clearAll();

      server.say(alice, "in the channel");
      server.sendPrivate(alice, "bob", "privately");

      assertEquals(List.of("in the channel", "privately"), bobInbox.texts());
    }

    @Test
    void unignoringBringsTheNickBack() {
      server.ignore(alice, "bob", true);
      server.say(bob, "unseen");
      clearAll();

      server.ignore(alice, "Bob", false);

      assertEquals(Set.of(), alice.ignored());
      assertEquals(List.of(new ServerNotice(T0, "You no longer ignore Bob.")), aliceInbox.events());
      aliceInbox.clear();
      server.say(bob, "seen");
      server.act(bob, "waves");
      server.sendPrivate(bob, "alice", "psst");
      assertEquals(List.of("seen", "waves", "psst"), aliceInbox.texts());
    }

    @Test
    void nobodyCanIgnoreThemselves() {
      for (String me : new String[] {"alice", "ALICE"}) {
        ChatException thrown =
            assertThrows(ChatException.class, () -> server.ignore(alice, me, true));
        assertEquals("You cannot ignore yourself.", thrown.getMessage());
      }
      assertEquals(Set.of(), alice.ignored());
      assertEquals(List.of(), aliceInbox.events());
    }

    @Test
    void ignoringTwiceIsRefused() {
      server.ignore(alice, "bob", true);
      aliceInbox.clear();

      ChatException thrown =
          assertThrows(ChatException.class, () -> server.ignore(alice, "BOB", true));

      assertEquals("You ignore BOB already.", thrown.getMessage());
      assertEquals(Set.of(Names.key("bob")), alice.ignored());
      assertEquals(List.of(), aliceInbox.events());
    }

    @Test
    void unignoringSomeoneNotIgnoredIsRefused() {
      ChatException thrown =
          assertThrows(ChatException.class, () -> server.ignore(alice, "bob", false));

      assertEquals("You do not ignore bob.", thrown.getMessage());
      assertEquals(Set.of(), alice.ignored());
      assertEquals(List.of(), aliceInbox.events());
    }

    @Test
    void anInvalidNickCannotBeIgnored() {
      assertThrows(ChatException.class, () -> server.ignore(alice, "not a nick", true));
      assertEquals(Set.of(), alice.ignored());
    }

    @Test
    void aNickMayBeIgnoredBeforeItsOwnerComesOnline() {
      server.ignore(alice, "zed", true);
      Inbox zedInbox = new Inbox();
      User zed = server.connect("zed", "z", zedInbox);
      server.join(zed, "#a");
      aliceInbox.clear();

      server.say(zed, "hi");

      assertEquals(List.of(), aliceInbox.events());
    }

    @Test
    void ignoringEachOtherStopsBothWays() {
      server.ignore(alice, "bob", true);
      server.ignore(bob, "alice", true);
      clearAll();

      server.say(alice, "from alice");
      server.say(bob, "from bob");

      assertEquals(List.of("from alice"), aliceInbox.texts());
      assertEquals(List.of("from bob"), bobInbox.texts());
      assertEquals(List.of("from alice", "from bob"), carolInbox.texts());
    }

    @Test
    void anIgnoreListOfAUserWithoutAccountIsNotKept() {
      server.ignore(alice, "bob", true);
      server.disconnect(alice, null);

      User again = server.connect("alice", "a", new Inbox());

      assertEquals(Set.of(), again.ignored());
      assertTrue(
          aliceInbox.texts().stream().noneMatch(t -> t.contains("Kept with your account")),
          aliceInbox.texts().toString());
    }
  }

  /** Users with accounts, over the real account logins and an SQLite file. */
  @Nested
  class WithAccounts extends StoredChat {
    @Test
    void ignoringByNickCatchesARegisteredUserAfterTheyChangeNick() {
      registered("bob", BOB_PW);
      Inbox aliceInbox = new Inbox();
      Inbox bobInbox = new Inbox();
      Inbox carolInbox = new Inbox();
      User alice = server.connect("alice", "a", aliceInbox);
      User bob = server.login("bob", pw(BOB_PW), "b", bobInbox);
      User carol = server.connect("carol", "c", carolInbox);
      server.join(alice, "#a");
      server.join(bob, "#a");
      server.join(carol, "#a");
      server.ignore(alice, "bob", true);

      server.changeNick(bob, "robert");
      aliceInbox.clear();
      carolInbox.clear();
      server.say(bob, "renamed");
      server.act(bob, "sneaks in");
      server.sendPrivate(bob, "alice;carol", "psst");

      assertEquals("robert", bob.nick());
      assertEquals(List.of(), aliceInbox.events(), "still ignored under the new nick");
      assertEquals(List.of("renamed", "sneaks in", "psst"), carolInbox.texts());
    }

    @Test
    void ignoringARegisteredUserByTheNickTheyHaveNowCatchesThemAfterTheNextChange() {
      // The command says it ignores "a nick (or the account behind it)", and User.ignores says a
      // nick change must not get round it: so ignoring robert, who is logged in to bob, should
      // still hold when robert becomes bobby.
      registered("bob", BOB_PW);
      Inbox aliceInbox = new Inbox();
      User alice = server.connect("alice", "a", aliceInbox);
      User bob = server.login("bob", pw(BOB_PW), "b", new Inbox());
      server.join(alice, "#a");
      server.join(bob, "#a");
      server.changeNick(bob, "robert");
      server.ignore(alice, "robert", true);

      server.changeNick(bob, "bobby");
      aliceInbox.clear();
      server.say(bob, "a new nick again");

      assertEquals(List.of(), aliceInbox.events(), "still ignored after another nick change");
    }

    @Test
    void anAccountHoldersIgnoreListIsToldAsKept() {
      registered("alice", ALICE_PW);
      Inbox inbox = new Inbox();
      User alice = server.login("alice", pw(ALICE_PW), "a", inbox);
      inbox.clear();

      server.ignore(alice, "bob", true);

      assertEquals(
          List.of(
              new ServerNotice(
                  T0,
                  "You now ignore bob: nothing they say is shown to you. Kept with your account.")),
          inbox.events());
    }

    @Test
    void anAccountHoldersIgnoreListComesBackAtTheNextLogin() throws Exception {
      registered("alice", ALICE_PW);
      User alice = server.login("alice", pw(ALICE_PW), "a", new Inbox());
      server.ignore(alice, "bob", true);
      server.ignore(alice, "Carol", true);
      server.disconnect(alice, null);

      User again = server.login("alice", pw(ALICE_PW), "a", new Inbox());

      assertEquals(Set.of(Names.key("bob"), Names.key("carol")), again.ignored());
      assertEquals(Set.of(Names.key("bob"), Names.key("carol")), store.ignored("alice"));
      // and it works: bob is still not shown to her
      Inbox aliceInbox = new Inbox();
      User third = server.login("alice", pw(ALICE_PW), "c", aliceInbox); // joins the same user
      User bob = server.connect("bob", "b", new Inbox());
      server.join(third, "#a");
      server.join(bob, "#a");
      aliceInbox.clear();
      server.say(bob, "hi alice");
      assertEquals(List.of(), aliceInbox.events());
    }

    @Test
    void anAccountHoldersIgnoreListSurvivesARestart() {
      registered("alice", ALICE_PW);
      User alice = server.login("alice", pw(ALICE_PW), "a", new Inbox());
      server.ignore(alice, "bob", true);

      ChatServer restarted = newServer();
      User again = restarted.login("alice", pw(ALICE_PW), "a", new Inbox());

      assertEquals(Set.of(Names.key("bob")), again.ignored());
    }

    @Test
    void unignoringIsKeptToo() throws Exception {
      registered("alice", ALICE_PW);
      User alice = server.login("alice", pw(ALICE_PW), "a", new Inbox());
      server.ignore(alice, "bob", true);
      server.ignore(alice, "carol", true);
      server.ignore(alice, "bob", false);
      server.disconnect(alice, null);

      User again = server.login("alice", pw(ALICE_PW), "a", new Inbox());

      assertEquals(Set.of(Names.key("carol")), again.ignored());
      assertEquals(Set.of(Names.key("carol")), store.ignored("alice"));
    }

    @Test
    void aSecondTerminalSharesTheIgnoreList() {
      registered("alice", ALICE_PW);
      User alice = server.login("alice", pw(ALICE_PW), "a", new Inbox());
      server.ignore(alice, "bob", true);

      User second = server.login("alice", pw(ALICE_PW), "b", new Inbox());

      assertEquals(Set.of(Names.key("bob")), second.ignored());
    }

    @Test
    void anIgnoreListOfAUserWithoutAccountIsNotStored() throws Exception {
      registered("alice", ALICE_PW);
      User dan = server.connect("dan", "d", new Inbox());
      server.ignore(dan, "bob", true);
      server.disconnect(dan, null);

      User again = server.connect("dan", "d", new Inbox());

      assertEquals(Set.of(), again.ignored());
      assertEquals(Set.of(), store.ignored("alice"), "nothing stored for anyone else either");
    }

    /** Stores an ignore list of bob for alice, then logs alice in with /NICK from "al". */
    private User aliceByNickAfterIgnoringBob() {
      registered("alice", ALICE_PW);
      User first = server.login("alice", pw(ALICE_PW), "a", new Inbox());
      server.ignore(first, "bob", true);
      server.disconnect(first, null);
      User al = server.connect("al", "a", new Inbox());
      server.changeNick(al, "alice", pw(ALICE_PW));
      assertEquals("alice", al.account());
      return al;
    }

    @Test
    void loggingInWithNickLoadsTheStoredIgnoreList() {
      // Logging in to an account with /NICK <account> and its password is a login too: the
      // account's stored ignore list should apply.
      User alice = aliceByNickAfterIgnoringBob();

      assertEquals(Set.of(Names.key("bob")), alice.ignored(), "the stored list applies");
    }

    @Test
    void anIgnoreAfterLoggingInWithNickDoesNotLoseTheStoredList() throws Exception {
      User alice = aliceByNickAfterIgnoringBob();

      server.ignore(alice, "carol", true);

      assertEquals(
          Set.of(Names.key("bob"), Names.key("carol")),
          store.ignored("alice"),
          "the stored list is added to, not replaced");
    }

    @Test
    void ignoresMadeBeforeRegisteringAreKeptWithTheNewAccount() throws Exception {
      User alice = server.connect("alice", "a", new Inbox());
      server.ignore(alice, "bob", true);
      server.register(alice, pw(ALICE_PW));
      assertEquals(Set.of(Names.key("bob")), alice.ignored());
      server.disconnect(alice, null);

      User again = server.login("alice", pw(ALICE_PW), "a", new Inbox());

      assertEquals(Set.of(Names.key("bob")), again.ignored(), "the list she had is kept");
    }
  }
}
