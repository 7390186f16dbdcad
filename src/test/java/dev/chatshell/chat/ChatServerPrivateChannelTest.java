package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.testing.HandClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Private channels over the real stores and an SQLite file: /PRIVATE, join requests and how admins
 * answer them (/ACCEPT, /DENY), /INVITE, /REQUESTS, who walks in anyway, and what a registered
 * private channel keeps across a restart.
 */
class ChatServerPrivateChannelTest extends StoredChat {
  private static final String PW = "a-good-password";

  ChatServerPrivateChannelTest() {
    super(new HandClock(T0), Kept.BANS);
  }

  private final Inbox aliceInbox = new Inbox();
  private final Inbox bobInbox = new Inbox();
  private final Inbox carolInbox = new Inbox();
  private final Inbox daveInbox = new Inbox();
  private final Inbox erinInbox = new Inbox();
  private final Inbox oscarInbox = new Inbox();
  private User alice; // account alice: main admin of #c
  private User bob; // account bob: secondary admin of #c
  private User carol; // no account: member of #c
  private User dave; // no account: outside
  private User erin; // account erin: outside
  private User oscar; // server operator: outside

  @BeforeEach
  void setUp() throws Exception {
    alice = server.connect("alice", "192.0.2.1", aliceInbox);
    server.register(alice, PW.toCharArray());
    bob = server.connect("bob", "192.0.2.2", bobInbox);
    server.register(bob, PW.toCharArray());
    carol = server.connect("carol", "192.0.2.3", carolInbox);
    dave = server.connect("dave", "192.0.2.4", daveInbox);
    erin = server.connect("erin", "192.0.2.5", erinInbox);
    server.register(erin, PW.toCharArray());
    oscar = server.connect("oscar", "192.0.2.6", oscarInbox);
    server.promote(oscar, "test");
    clearAll();
  }

  private void clearAll() {
    clear(aliceInbox, bobInbox, carolInbox, daveInbox, erinInbox, oscarInbox);
  }

  private static ChannelNotice notice(String text) {
    return new ChannelNotice(T0, "#c", text);
  }

  private User login(String name, Inbox inbox) {
    return server.login(name, PW.toCharArray(), "198.51.100.1", inbox);
  }

  /** #c: ~alice @bob carol, open. */
  private Channel openC() {
    Channel c = server.join(alice, "#c");
    server.join(bob, "#c");
    server.grant(alice, "bob");
    server.join(carol, "#c");
    clearAll();
    return c;
  }

  /** #c: ~alice @bob carol, private. */
  private Channel c() {
    Channel c = openC();
    server.setPrivate(alice, true);
    clearAll();
    return c;
  }

  private static final String ASKED =
      "#c is private: your request to join was sent to its admins. You will be let in when one"
          + " accepts it.";

  private static String asks(String nick) {
    return nick + " asks to join #c: /ACCEPT " + nick + " or /DENY " + nick + ".";
  }

  /** Issue 12: an admin already in #c was told "(from #c)"; one elsewhere is told to switch. */
  @Test
  void anAdminWhoseCurrentChannelIsAnotherIsToldToSwitchFirst() {
    c();
    server.join(bob, "#elsewhere");
    clearAll();

    server.join(dave, "#c");

    assertEquals(List.of(notice(asks("dave"))), aliceInbox.events());
    assertEquals(
        List.of(notice("dave asks to join #c: /CURRENT #c, then /ACCEPT dave or /DENY dave.")),
        bobInbox.events());
  }

  // ---- /PRIVATE ----

  @Test
  void theMainAdminMakesTheChannelPrivateAndEveryoneIsTold() {
    Channel c = openC();

    server.setPrivate(alice, true);

    assertTrue(c.isPrivate());
    ChannelNotice told =
        notice(
            "alice made #c private: joining now takes an invitation (/INVITE) or an admin's"
                + " /ACCEPT.");
    assertEquals(List.of(told), aliceInbox.events());
    assertEquals(List.of(told), bobInbox.events());
    assertEquals(List.of(told), carolInbox.events());
    assertEquals(List.of(), daveInbox.events());
  }

  @Test
  void onlyTheMainAdminMakesTheChannelPrivate() {
    Channel c = openC();

    ChatException bySecondary =
        assertThrows(ChatException.class, () -> server.setPrivate(bob, true));
    ChatException byMember =
        assertThrows(ChatException.class, () -> server.setPrivate(carol, true));

    String expected =
        "Only the main admin of #c (or a server operator) can make it private or open.";
    assertEquals(expected, bySecondary.getMessage());
    assertEquals(expected, byMember.getMessage());
    assertFalse(c.isPrivate());
    assertEquals(List.of(), carolInbox.events());
  }

  @Test
  void makingItPrivateTwiceSaysSo() {
    c();

    ChatException refused = assertThrows(ChatException.class, () -> server.setPrivate(alice, true));

    assertEquals("#c is private already.", refused.getMessage());
    ChatException open =
        assertThrows(
            ChatException.class,
            () -> {
              server.setPrivate(alice, false);
              server.setPrivate(alice, false);
            });
    assertEquals("#c is open already.", open.getMessage());
  }

  @Test
  void privateOffOpensTheChannel() {
    Channel c = c();

    server.setPrivate(alice, false);

    assertFalse(c.isPrivate());
    assertEquals(List.of(notice("alice opened #c: anyone may /JOIN it.")), carolInbox.events());
    assertSame(c, server.join(dave, "#c"));
    assertTrue(c.contains(dave));
  }

  // ---- requests ----

  @Test
  void joiningAPrivateChannelFilesARequestThatOnlyItsAdminsAreToldOf() {
    Channel c = c();

    Channel joined = server.join(dave, "#c");

    assertNull(joined);
    assertFalse(c.contains(dave));
    assertEquals(List.of(), dave.channels());
    assertNull(dave.current());
    assertEquals(List.of(notice(ASKED)), daveInbox.events());
    assertEquals(List.of(notice(asks("dave"))), aliceInbox.events());
    assertEquals(List.of(notice(asks("dave"))), bobInbox.events());
    assertEquals(List.of(), carolInbox.events(), "members are not told");
    assertEquals(
        List.of(new JoinRequest(JoinRequest.Kind.REQUEST, "dave", null, "dave", T0)),
        server.requests(alice));
  }

  @Test
  void aSecondJoinSaysTheRequestIsStillWaiting() {
    Channel c = c();
    server.join(dave, "#c");
    clearAll();

    assertNull(server.join(dave, "#C"));

    assertEquals(
        List.of(notice("Your request to join #c is still waiting for an admin.")),
        daveInbox.events());
    assertEquals(List.of(), aliceInbox.events(), "the admins are not told twice");
    assertEquals(1, server.requests(alice).size());
    assertFalse(c.contains(dave));
  }

  @Test
  void aRequestOfAnAccountIsFiledWithItsAccount() {
    c();
    server.changeNick(erin, "erin_away");

    server.join(erin, "#c");

    assertEquals(
        List.of(new JoinRequest(JoinRequest.Kind.REQUEST, "erin_away", "erin", "erin_away", T0)),
        server.requests(alice));
  }

  @Test
  void aBannedUserIsRefusedRatherThanFilingARequest() {
    c();
    server.ban(alice, null, "dave", null, "no");

    ChatException refused = assertThrows(ChatException.class, () -> server.join(dave, "#c"));

    assertEquals("You are banned from #c by alice (no), for good.", refused.getMessage());
    assertEquals(List.of(), server.requests(alice));
  }

  // ---- /ACCEPT ----

  @Test
  void acceptLetsAnOnlineRequesterInAtOnce() {
    Channel c = c();
    server.join(dave, "#c");
    clearAll();

    server.accept(alice, "DAVE");

    assertTrue(
        c.members().stream().anyMatch(m -> m.user() == dave && m.role() == ChannelRole.MEMBER));
    assertSame(c, dave.current());
    assertEquals(List.of(), server.requests(alice), "the request is answered and nothing is left");
    assertEquals(
        notice("alice accepted dave's request to join #c."), aliceInbox.events().getFirst());
    assertTrue(carolInbox.events().contains(notice("alice accepted dave's request to join #c.")));
    assertTrue(carolInbox.events().contains(notice("dave has joined #c")));
    assertEquals(
        List.of(notice("You joined #c. Members: ~alice @bob carol dave")), daveInbox.events());
  }

  @Test
  void aSecondaryAdminAcceptsToo() {
    Channel c = c();
    server.join(dave, "#c");

    server.accept(bob, "dave");

    assertTrue(c.contains(dave));
  }

  @Test
  void acceptForARequesterWhoLeftLeavesAnInvitationForTheirNextJoin() {
    Channel c = c();
    server.join(dave, "#c");
    server.disconnect(dave, "gone for tea");
    clearAll();

    server.accept(alice, "dave");

    assertEquals(
        List.of(new JoinRequest(JoinRequest.Kind.INVITATION, "dave", null, "alice", T0)),
        server.requests(alice));
    User dave2 = server.connect("dave", "192.0.2.4", new Inbox());
    assertSame(c, server.join(dave2, "#c"));
    assertTrue(c.contains(dave2));
    assertEquals(List.of(), server.requests(alice), "the invitation is used up");
  }

  @Test
  void answeringSomeoneWhoDidNotAskIsRefused() {
    c();

    ChatException accept = assertThrows(ChatException.class, () -> server.accept(alice, "zed"));
    ChatException deny = assertThrows(ChatException.class, () -> server.deny(alice, "zed", "x"));

    assertEquals(
        "Nobody called zed is waiting to join #c; /REQUESTS lists them.", accept.getMessage());
    assertEquals(
        "Nobody called zed is waiting to join #c; /REQUESTS lists them.", deny.getMessage());
  }

  @Test
  void anAcceptedRequesterAtTheChannelLimitKeepsTheInvitation() {
    // ChatServer.answer: "too many channels, say: the invitation waits for their own /JOIN"
    ChatServer small = ChatTestSupport.server(clock, 1);
    User owner = small.connect("alice", "192.0.2.1", new Inbox());
    Inbox inbox = new Inbox();
    User asker = small.connect("dave", "192.0.2.4", inbox);
    Channel c = small.join(owner, "#c");
    small.setPrivate(owner, true);
    assertNull(small.join(asker, "#c"));
    small.join(asker, "#other"); // the one channel dave may be in
    inbox.clear();

    small.accept(owner, "dave");

    assertFalse(c.contains(asker));
    assertEquals(
        List.of(
            notice(
                "You are invited to #c (You are in 1 channels already, the most allowed; /LEAVE"
                    + " one first.)")),
        inbox.events());
    small.leave(asker, "#other", null);
    assertSame(c, small.join(asker, "#c"), "the invitation waited for dave's own /JOIN");
  }

  // ---- /DENY ----

  @Test
  void denyTellsTheRequesterWhoAndWhyAndRemovesTheRequest() {
    Channel c = c();
    server.join(dave, "#c");
    clearAll();

    server.deny(alice, "dave", "not today");

    assertEquals(
        List.of(notice("Your request to join #c was turned down by alice (not today).")),
        daveInbox.events());
    ChannelNotice told = notice("alice turned down dave's request to join #c (not today).");
    assertEquals(List.of(told), aliceInbox.events());
    assertEquals(List.of(told), carolInbox.events());
    assertEquals(List.of(), server.requests(alice));
    assertFalse(c.contains(dave));

    assertNull(server.join(dave, "#c"), "asking again files a new request");
    assertEquals(1, server.requests(alice).size());
  }

  @Test
  void denyWithoutAReasonSaysNone() {
    c();
    server.join(dave, "#c");
    daveInbox.clear();

    server.deny(bob, "dave", null);

    assertEquals(
        List.of(notice("Your request to join #c was turned down by bob.")), daveInbox.events());
  }

  // ---- /INVITE ----

  @Test
  void anOnlineNickInvitedGetsInAtTheirNextJoinOnce() {
    Channel c = c();

    server.invite(alice, "dave");

    assertEquals(
        List.of(new ServerNotice(T0, "alice invites you to #c: /JOIN #c")), daveInbox.events());
    assertEquals(List.of(notice("alice invited dave to #c.")), carolInbox.events());
    assertEquals(
        List.of(new JoinRequest(JoinRequest.Kind.INVITATION, "dave", null, "alice", T0)),
        server.requests(alice));
    assertFalse(c.contains(dave), "not in until they /JOIN");

    assertSame(c, server.join(dave, "#c"));
    assertTrue(c.contains(dave));
    assertEquals(List.of(), server.requests(alice));

    server.leave(dave, "#c", null);
    assertNull(server.join(dave, "#c"), "the invitation was used up");
    assertFalse(c.contains(dave));
  }

  @Test
  void anOfflineNickInvitedGetsInAtTheirNextJoin() {
    Channel c = c();

    server.invite(alice, "zoe");

    assertEquals(List.of(notice("alice invited zoe to #c.")), bobInbox.events());
    User zoe = server.connect("Zoe", "203.0.113.4", new Inbox());
    assertSame(c, server.join(zoe, "#c"));
    assertTrue(c.contains(zoe));
  }

  @Test
  void anInvitationByAccountSurvivesANickChange() {
    Channel c = c();
    server.invite(alice, "erin");
    server.changeNick(erin, "erin_2");

    assertSame(c, server.join(erin, "#c"));
    assertTrue(c.contains(erin));
    assertEquals(List.of(), server.requests(alice));
  }

  @Test
  void anInvitationOfAnOfflineAccountSurvivesANickChange() {
    Channel c = c();
    server.disconnect(erin, null);
    server.invite(alice, "ERIN");

    assertEquals(
        List.of(new JoinRequest(JoinRequest.Kind.INVITATION, "ERIN", "erin", "alice", T0)),
        server.requests(alice));
    User back = login("erin", new Inbox());
    server.changeNick(back, "someone");
    assertSame(c, server.join(back, "#c"));
  }

  @Test
  void anInvitationAnswersARequest() {
    Channel c = c();
    server.join(dave, "#c");
    daveInbox.clear();

    server.invite(alice, "dave");

    assertEquals(
        List.of(new JoinRequest(JoinRequest.Kind.INVITATION, "dave", null, "alice", T0)),
        server.requests(alice));
    assertEquals(
        List.of(new ServerNotice(T0, "alice invites you to #c: /JOIN #c")), daveInbox.events());
    assertSame(c, server.join(dave, "#c"));
  }

  @Test
  void invitingSomeoneWhoIsInAlreadyIsRefused() {
    c();

    ChatException refused = assertThrows(ChatException.class, () -> server.invite(alice, "carol"));

    assertEquals("carol is in #c already.", refused.getMessage());
    assertEquals(List.of(), server.requests(alice));
  }

  @Test
  void anInvitationAlsoLetsInWhenTheChannelIsOpen() {
    Channel c = openC();
    server.invite(alice, "dave");

    assertSame(c, server.join(dave, "#c"));
  }

  // ---- who walks in ----

  @Test
  void keptAdminsAndOperatorsWalkIntoAPrivateChannel() {
    Channel c = server.join(alice, "#c");
    server.registerChannel(alice, null);
    server.join(bob, "#c");
    server.grant(alice, "bob"); // kept: bob has an account
    server.leave(bob, "#c", null);
    server.setPrivate(alice, true);
    server.leave(alice, "#c", null);
    clearAll();

    assertSame(c, server.join(bob, "#c"));
    assertEquals(ChannelRole.SECONDARY_ADMIN, c.roleOf(bob));
    assertSame(c, server.join(alice, "#c"));
    assertEquals(ChannelRole.MAIN_ADMIN, c.roleOf(alice));
    assertSame(c, server.join(oscar, "#c"));
    assertTrue(c.contains(oscar));
    assertEquals(List.of(), server.requests(alice), "nobody had to ask");
    assertNull(server.join(carol, "#c"), "a plain user still asks");
  }

  // ---- /REQUESTS and who may answer ----

  @Test
  void requestsListsRequestsAndInvitations() {
    c();
    server.join(dave, "#c");
    clock.advance(Duration.ofMinutes(1));
    server.invite(bob, "zoe");

    assertEquals(
        List.of(
            new JoinRequest(JoinRequest.Kind.REQUEST, "dave", null, "dave", T0),
            new JoinRequest(
                JoinRequest.Kind.INVITATION, "zoe", null, "bob", T0.plus(Duration.ofMinutes(1)))),
        server.requests(alice));
    assertEquals(2, server.requests(bob).size());
  }

  @Test
  void membersCannotAnswerInviteOrListRequests() {
    Channel c = c();
    server.join(dave, "#c");
    clearAll();

    String expected = "Only the admins of #c answer its join requests and invite.";
    assertEquals(
        expected,
        assertThrows(ChatException.class, () -> server.accept(carol, "dave")).getMessage());
    assertEquals(
        expected,
        assertThrows(ChatException.class, () -> server.deny(carol, "dave", "no")).getMessage());
    assertEquals(
        expected,
        assertThrows(ChatException.class, () -> server.invite(carol, "erin")).getMessage());
    assertEquals(
        expected, assertThrows(ChatException.class, () -> server.requests(carol)).getMessage());
    assertFalse(c.contains(dave));
    assertEquals(
        List.of(new JoinRequest(JoinRequest.Kind.REQUEST, "dave", null, "dave", T0)),
        server.requests(alice));
    assertEquals(List.of(), daveInbox.events());
    assertEquals(List.of(), erinInbox.events());
  }

  @Test
  void aUserInNoChannelCannotAnswer() {
    c();

    ChatException refused = assertThrows(ChatException.class, () -> server.requests(dave));

    assertEquals("You are not in a channel; /JOIN one first.", refused.getMessage());
  }

  // ---- across restarts ----

  @Test
  void aRegisteredPrivateChannelKeepsBeingPrivateWithItsRequestsAndInvitations() throws Exception {
    Channel c = server.join(alice, "#c");
    server.registerChannel(alice, null);
    server.setPrivate(alice, true);
    server.join(dave, "#c");
    clock.advance(Duration.ofMinutes(1));
    server.disconnect(erin, null);
    server.invite(alice, "erin");
    clock.advance(Duration.ofMinutes(1));
    server.invite(alice, "zoe");
    assertTrue(c.isPrivate());

    restart();

    Channel again = server.channel("#c");
    assertNotNull(again);
    assertTrue(again.isPrivate());
    User alice2 = login("alice", new Inbox());
    assertSame(again, server.join(alice2, "#c"), "the founder walks in");
    assertEquals(
        List.of(
            new JoinRequest(JoinRequest.Kind.REQUEST, "dave", null, "dave", T0),
            new JoinRequest(
                JoinRequest.Kind.INVITATION,
                "erin",
                "erin",
                "alice",
                T0.plus(Duration.ofMinutes(1))),
            new JoinRequest(
                JoinRequest.Kind.INVITATION, "zoe", null, "alice", T0.plus(Duration.ofMinutes(2)))),
        server.requests(alice2));

    Inbox daveAgain = new Inbox();
    User dave2 = server.connect("dave", "192.0.2.4", daveAgain);
    assertNull(server.join(dave2, "#c"));
    assertEquals(
        List.of(
            new ChannelNotice(
                T0.plus(Duration.ofMinutes(2)),
                "#c",
                "Your request to join #c is still waiting for an admin.")),
        daveAgain.events());
    User zoe = server.connect("zoe", "203.0.113.4", new Inbox());
    assertSame(again, server.join(zoe, "#c"));
    User erin2 = login("erin", new Inbox());
    server.changeNick(erin2, "erin_x");
    assertSame(again, server.join(erin2, "#c"));
    assertEquals(
        List.of(new JoinRequest(JoinRequest.Kind.REQUEST, "dave", null, "dave", T0)),
        server.requests(alice2));

    server.accept(alice2, "dave");
    // The dave online now connected after the request was made: maybe not the one who asked, so
    // he is not pulled in, but the nick's invitation lets him in at his /JOIN.
    assertFalse(again.contains(dave2));
    assertSame(again, server.join(dave2, "#c"));
    restart();
    assertEquals(List.of(), server.channel("#c").requests(), "used and answered ones are gone");
  }

  @Test
  void aRenamedRegisteredPrivateChannelKeepsItsRequestsAndADeletedOneForgetsThem()
      throws Exception {
    server.join(alice, "#c");
    server.registerChannel(alice, null);
    server.setPrivate(alice, true);
    server.join(dave, "#c");
    server.invite(alice, "zoe");

    server.rename(alice, "#d");
    restart();

    Channel d = server.channel("#d");
    assertTrue(d.isPrivate());
    assertEquals(
        List.of(
            new JoinRequest(JoinRequest.Kind.REQUEST, "dave", null, "dave", T0),
            new JoinRequest(JoinRequest.Kind.INVITATION, "zoe", null, "alice", T0)),
        d.requests().stream().sorted(java.util.Comparator.comparing(JoinRequest::kind)).toList());
    User alice2 = login("alice", new Inbox());
    server.join(alice2, "#d");
    server.deleteChannel(alice2, "#d", null);
    restart();
    assertNull(server.channel("#d"));
    User zoe = server.connect("zoe", "203.0.113.4", new Inbox());
    Channel fresh = server.join(zoe, "#d");
    assertEquals(List.of(), fresh.requests());
  }

  @Test
  void aRegisteredChannelOpenedAgainIsOpenAfterARestart() throws Exception {
    server.join(alice, "#c");
    server.registerChannel(alice, null);
    server.setPrivate(alice, true);
    server.setPrivate(alice, false);

    restart();

    assertFalse(server.channel("#c").isPrivate());
    assertNotNull(server.join(server.connect("dave", "192.0.2.4", new Inbox()), "#c"));
  }

  @Test
  void anUnregisteredPrivateChannelIsGoneWithItsRequestsWhenItEmpties() {
    c();
    server.join(dave, "#c");
    server.leave(carol, "#c", null);
    server.leave(bob, "#c", null);

    server.leave(alice, "#c", null);

    assertNull(server.channel("#c"));
    Channel fresh = server.join(dave, "#c");
    assertFalse(fresh.isPrivate());
    assertEquals(ChannelRole.MAIN_ADMIN, fresh.roleOf(dave));
    assertEquals(List.of(), fresh.requests());
  }
}
