package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.store.BanStore;
import dev.chatshell.testing.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bans over the real stores and an SQLite file: from a channel by nick, account and address block,
 * from the whole server, timed and for good, across restarts, lifted, and the rank rules of who may
 * ban whom.
 */
class ChatServerBanTest extends StoredChat {
  ChatServerBanTest() {
    super(new HandClock(T0), Kept.BANS);
  }

  private final Inbox aliceInbox = new Inbox();
  private final Inbox bobInbox = new Inbox();
  private final Inbox carolInbox = new Inbox();
  private final Inbox daveInbox = new Inbox();
  private final Inbox oscarInbox = new Inbox();
  private User alice; // account alice, from 192.0.2.1
  private User bob; // from 10.1.2.3
  private User carol; // from 10.1.9.9
  private User dave; // from 10.2.0.1
  private User oscar; // a server operator, from 198.51.100.1

  @BeforeEach
  void setUp() throws Exception {
    alice = server.connect("alice", "192.0.2.1", aliceInbox);
    server.register(alice, ALICE_PW.toCharArray());
    bob = server.connect("bob", "10.1.2.3", bobInbox);
    carol = server.connect("carol", "10.1.9.9", carolInbox);
    dave = server.connect("dave", "10.2.0.1", daveInbox);
    oscar = server.connect("oscar", "198.51.100.1", oscarInbox);
    server.promote(oscar, "test");
    clearAll();
  }

  private void clearAll() {
    clear(aliceInbox, bobInbox, carolInbox, daveInbox, oscarInbox);
  }

  /** Who is where with which role, and the bans stored: what a refusal must leave alone. */
  private WorldSnapshot world() {
    return WorldSnapshot.of(server, List.of(alice, bob, carol, dave, oscar), stored());
  }

  /** The bans as the database has them now. */
  private List<Ban> stored() {
    return new BanStore(database).load();
  }

  private static ChannelNotice notice(String channel, String text) {
    return new ChannelNotice(T0, channel, text);
  }

  /** #c made by alice, with bob and carol as members (dave and oscar are elsewhere). */
  private Channel c() {
    Channel c = server.join(alice, "#c");
    server.join(bob, "#c");
    server.join(carol, "#c");
    clearAll();
    return c;
  }

  /** #c made and registered by alice, with bob and carol as members. */
  private Channel registeredC() {
    Channel c = server.join(alice, "#c");
    server.registerChannel(alice, null);
    server.join(bob, "#c");
    server.join(carol, "#c");
    clearAll();
    return c;
  }

  private void registerBob() {
    server.register(bob, BOB_PW.toCharArray());
    clearAll();
  }

  // ---- by nick ----

  @Test
  void aBanByNickKicksTheMemberAndTellsThemWhoWhyAndUntilWhen() {
    Channel c = c();

    server.ban(alice, null, "bob", Duration.ofHours(1), "spamming");

    assertFalse(c.contains(bob));
    assertEquals(List.of(), bob.channels());
    assertNull(bob.current());
    assertEquals(
        List.of(
            notice("#c", "alice banned bob from #c (spamming), until 2025-06-01 13:00 UTC."),
            notice(
                "#c", "You were banned from #c by alice (spamming), until 2025-06-01 13:00 UTC.")),
        bobInbox.events());
    List<ChannelNotice> told =
        List.of(
            notice("#c", "alice banned bob from #c (spamming), until 2025-06-01 13:00 UTC."),
            notice("#c", "bob was banned from #c"));
    assertEquals(told, aliceInbox.events());
    assertEquals(told, carolInbox.events());
    assertEquals(List.of(), daveInbox.events());
    assertEquals("~alice carol", ChatServer.whoLine(c));
    assertEquals(
        List.of(new Ban("#c", Ban.Kind.NICK, "bob", "alice", "spamming", T0, T0.plusSeconds(3600))),
        stored());
  }

  @Test
  void aBannedNickIsRefusedAtJoinWithTheReason() {
    Channel c = c();
    server.ban(alice, null, "BOB", Duration.ofHours(1), "spamming");
    bobInbox.clear();
    WorldSnapshot before = world();

    ChatException refused = assertThrows(ChatException.class, () -> server.join(bob, "#C"));

    assertEquals(
        "You are banned from #c by alice (spamming), until 2025-06-01 13:00 UTC.",
        refused.getMessage());
    assertEquals(before, world());
    assertEquals(List.of(), bobInbox.events());
  }

  @Test
  void aBanByNickHitsWhoeverTakesTheNickLater() {
    c();
    server.ban(alice, null, "erin", null, null);
    User erin = server.connect("Erin", "203.0.113.9", new Inbox());

    ChatException refused = assertThrows(ChatException.class, () -> server.join(erin, "#c"));

    assertEquals("You are banned from #c by alice, for good.", refused.getMessage());
    assertNotNull(server.join(dave, "#c"), "someone else still gets in");
  }

  @Test
  void aBanFromAChannelDoesNotKeepTheUserOutOfOthers() {
    c();
    server.ban(alice, null, "bob", null, "rude");

    Channel other = server.join(bob, "#other");

    assertTrue(other.contains(bob));
  }

  @Test
  void aChannelNamedInTheBanIsTheOneBannedFrom() {
    Channel c = c();
    Channel d = server.join(alice, "#d");
    server.join(bob, "#d");
    assertSame(d, alice.current());

    server.ban(alice, "#C", "bob", null, null);

    assertFalse(c.contains(bob));
    assertTrue(d.contains(bob));
    assertEquals(List.of("#c"), stored().stream().map(Ban::channel).toList());
  }

  // ---- by account ----

  @Test
  void aBanByAccountCatchesTheAccountUnderAnotherNick() throws Exception {
    registerBob();
    Channel c = c();
    server.changeNick(bob, "bobby");
    clearAll();

    server.ban(alice, null, "account:BOB", Duration.ofDays(1), "ban evasion");

    assertFalse(c.contains(bob));
    assertEquals(
        List.of(
            notice(
                "#c",
                "alice banned account:BOB from #c (ban evasion), until 2025-06-02 12:00 UTC."),
            notice(
                "#c",
                "You were banned from #c by alice (ban evasion), until 2025-06-02 12:00 UTC.")),
        bobInbox.events());
    assertTrue(c.contains(carol), "carol has no account");
    ChatException refused = assertThrows(ChatException.class, () -> server.join(bob, "#c"));
    assertEquals(
        "You are banned from #c by alice (ban evasion), until 2025-06-02 12:00 UTC.",
        refused.getMessage());

    // Another terminal later, under yet another nick: still the account.
    server.disconnect(bob, "bye");
    User back = server.login("bob", BOB_PW.toCharArray(), "203.0.113.50", new Inbox());
    server.changeNick(back, "robert");
    assertThrows(ChatException.class, () -> server.join(back, "#c"));
    assertEquals(
        List.of(
            new Ban(
                "#c",
                Ban.Kind.ACCOUNT,
                "BOB",
                "alice",
                "ban evasion",
                T0,
                T0.plus(Duration.ofDays(1)))),
        stored());
  }

  @Test
  void aBanByAccountDoesNotHitAnUnregisteredUserWithThatNick() {
    Channel c = c();

    server.ban(alice, null, "account:bob", null, null);

    assertTrue(c.contains(bob), "bob has no account");
    server.leave(bob, "#c", null);
    assertNotNull(server.join(bob, "#c"));
  }

  // ---- by address ----

  @Test
  void aBanByAddressBlockCatchesEveryMatchingUser() {
    Channel c = c();
    server.join(dave, "#c");
    clearAll();

    server.ban(alice, null, "10.1.77.77/16", Duration.ofMinutes(30), "botnet");

    assertFalse(c.contains(bob));
    assertFalse(c.contains(carol));
    assertTrue(c.contains(dave), "10.2.0.1 is outside 10.1.0.0/16");
    assertEquals("~alice dave", ChatServer.whoLine(c));
    assertEquals(
        notice("#c", "alice banned 10.1.0.0/16 from #c (botnet), until 2025-06-01 12:30 UTC."),
        daveInbox.events().getFirst());
    assertTrue(
        carolInbox
            .texts()
            .contains("You were banned from #c by alice (botnet), until 2025-06-01 12:30 UTC."),
        carolInbox.texts().toString());
    assertEquals(
        List.of(
            new Ban(
                "#c", Ban.Kind.MASK, "10.1.0.0/16", "alice", "botnet", T0, T0.plusSeconds(1800))),
        stored());

    User erin = server.connect("erin", "10.1.200.1", new Inbox());
    ChatException refused = assertThrows(ChatException.class, () -> server.join(erin, "#c"));
    assertEquals(
        "You are banned from #c by alice (botnet), until 2025-06-01 12:30 UTC.",
        refused.getMessage());
    User frank = server.connect("frank", "10.3.0.1", new Inbox());
    assertNotNull(server.join(frank, "#c"));
  }

  @Test
  void aSingleAddressBanCatchesThatAddressOnly() {
    Channel c = c();

    server.ban(alice, null, "10.1.2.3", null, null);

    assertFalse(c.contains(bob));
    assertTrue(c.contains(carol));
  }

  @Test
  void anIpv6BlockBanCatchesIpv6Users() {
    Channel c = c();
    User v6 = server.connect("vic", "2001:db8:1::5", new Inbox());
    server.join(v6, "#c");

    server.ban(alice, null, "2001:db8::/32", null, null);

    assertFalse(c.contains(v6));
    assertTrue(c.contains(bob));
    assertThrows(ChatException.class, () -> server.join(v6, "#c"));
  }

  @Test
  void aBadAddressBlockIsRefusedAndNothingIsStored() {
    c();
    WorldSnapshot before = world();

    ChatException refused =
        assertThrows(ChatException.class, () -> server.ban(alice, null, "10.0.0.0/33", null, null));

    assertEquals(
        "10.0.0.0/33 is not an address or a block such as 10.0.0.0/8 or 2001:db8::/32.",
        refused.getMessage());
    assertEquals(before, world());
    assertEquals(List.of(), recorded);
  }

  // ---- timed and permanent ----

  @Test
  void aTimedBanRunsOutByItselfAndBansDropsIt() {
    Channel c = c();
    server.ban(alice, null, "bob", Duration.ofMinutes(30), null);

    clock.advance(Duration.ofMinutes(29));
    assertThrows(ChatException.class, () -> server.join(bob, "#c"));
    assertEquals(1, server.bans(alice, null).size());

    clock.advance(Duration.ofMinutes(1));
    Channel joined = server.join(bob, "#c");

    assertSame(c, joined);
    assertTrue(c.contains(bob));
    assertEquals(1, stored().size(), "still stored until listed");
    assertEquals(List.of(), server.bans(alice, null));
    assertEquals(List.of(), stored(), "/BANS dropped it from the database too");
  }

  @Test
  void aTimedBanThatRanOutIsNotShownByBansEvenToMembers() {
    c();
    server.ban(alice, null, "dave", Duration.ofHours(2), "x");
    clock.advance(Duration.ofHours(3));

    assertEquals(List.of(), server.bans(carol, null));
  }

  @Test
  void aPermanentBanNeverRunsOut() {
    c();

    server.ban(alice, null, "bob", null, null);

    assertEquals(
        List.of(
            notice("#c", "alice banned bob from #c, for good."),
            notice("#c", "You were banned from #c by alice, for good.")),
        bobInbox.events());
    clock.advance(Duration.ofDays(3650 * 3));
    ChatException refused = assertThrows(ChatException.class, () -> server.join(bob, "#c"));
    assertEquals("You are banned from #c by alice, for good.", refused.getMessage());
    assertEquals(1, server.bans(alice, null).size());
    assertNull(stored().getFirst().until());
  }

  // ---- across restarts ----

  @Test
  void aBanOfARegisteredChannelIsKeptAcrossARestart() throws Exception {
    registeredC();
    server.ban(alice, null, "bob", Duration.ofDays(7), "trolling");

    restart();

    User alice2 = server.login("alice", ALICE_PW.toCharArray(), "192.0.2.1", new Inbox());
    server.join(alice2, "#c");
    User bob2 = server.connect("bob", "10.1.2.3", new Inbox());
    ChatException refused = assertThrows(ChatException.class, () -> server.join(bob2, "#c"));
    assertEquals(
        "You are banned from #c by alice (trolling), until 2025-06-08 12:00 UTC.",
        refused.getMessage());
    assertEquals(
        List.of(
            new Ban(
                "#c", Ban.Kind.NICK, "bob", "alice", "trolling", T0, T0.plus(Duration.ofDays(7)))),
        server.bans(alice2, null));
  }

  @Test
  void aServerBanIsKeptAcrossARestart() throws Exception {
    server.ban(oscar, "*", "10.1.0.0/16", null, "abuse");

    restart();

    ChatException refused =
        assertThrows(ChatException.class, () -> server.connect("bob", "10.1.2.3", new Inbox()));
    assertEquals(
        "You are banned from this server by oscar (abuse), for good.", refused.getMessage());
    assertNotNull(server.connect("dave", "10.2.0.1", new Inbox()));
  }

  @Test
  void theBansOfAnUnregisteredChannelDoNotOutliveARestart() throws Exception {
    // An unregistered channel is gone after a restart; a channel made later under its name is
    // new, so the old channel's bans must not hold in it.
    c();
    server.ban(alice, null, "bob", null, "old quarrel");

    restart();

    User carol2 = server.connect("carol", "10.1.9.9", new Inbox());
    Channel fresh = server.join(carol2, "#c");
    User bob2 = server.connect("bob", "10.1.2.3", new Inbox());
    Channel joined = server.join(bob2, "#c");
    assertSame(fresh, joined);
    assertEquals(List.of(), server.bans(carol2, null));
  }

  // ---- /UNBAN ----

  @Test
  void anUnbanLiftsTheBanAndIsKept() throws Exception {
    Channel c = registeredC();
    server.ban(alice, null, "bob", null, "rude");
    clearAll();

    server.unban(alice, null, "BOB");

    assertEquals(
        List.of(notice("#c", "alice lifted the ban on bob from #c.")), aliceInbox.events());
    assertEquals(
        List.of(notice("#c", "alice lifted the ban on bob from #c.")), carolInbox.events());
    assertEquals(List.of(), stored());
    assertSame(c, server.join(bob, "#c"));
    assertEquals(List.of(), server.bans(alice, null));

    server.leave(bob, "#c", null);
    restart();
    User bob2 = server.connect("bob", "10.1.2.3", new Inbox());
    assertNotNull(server.join(bob2, "#c"), "the lifted ban stays lifted after a restart");
  }

  @Test
  void anUnbanIsWrittenAsTheBanWas() {
    c();
    server.ban(alice, null, "10.1.0.0/16", null, null);
    server.ban(alice, null, "account:bob", null, null);

    server.unban(alice, null, "10.1.5.5/16");
    server.unban(alice, null, "account:Bob");

    assertEquals(List.of(), server.bans(alice, null));
    assertEquals(List.of(), stored());
  }

  @Test
  void unbanningWhoIsNotBannedSaysSo() {
    c();
    server.ban(alice, null, "account:bob", null, null);
    WorldSnapshot before = world();

    ChatException refused =
        assertThrows(ChatException.class, () -> server.unban(alice, null, "bob"));

    assertEquals("bob is not banned from #c; /BANS lists the bans.", refused.getMessage());
    assertEquals(before, world());
  }

  @Test
  void aMemberCannotUnban() {
    c();
    server.ban(alice, null, "dave", null, null);
    WorldSnapshot before = world();

    ChatException refused =
        assertThrows(ChatException.class, () -> server.unban(carol, null, "dave"));

    assertEquals("Only the admins of #c can ban.", refused.getMessage());
    assertEquals(before, world());
  }

  // ---- rank rules ----

  @Test
  void aMemberCannotBan() {
    c();
    WorldSnapshot before = world();

    ChatException refused =
        assertThrows(ChatException.class, () -> server.ban(bob, null, "carol", null, "x"));

    assertEquals("Only the admins of #c can ban.", refused.getMessage());
    assertEquals(before, world());
    assertEquals(List.of(), recorded);
    assertEquals(List.of(), carolInbox.events());
  }

  @Test
  void aSecondaryAdminBansAMember() {
    Channel c = c();
    server.grant(alice, "bob");

    server.ban(bob, null, "carol", null, null);

    assertFalse(c.contains(carol));
    assertEquals(1, stored().size());
  }

  @Test
  void aSecondaryAdminCannotBanTheMainAdmin() {
    c();
    server.grant(alice, "bob");
    clearAll();
    WorldSnapshot before = world();

    ChatException refused =
        assertThrows(ChatException.class, () -> server.ban(bob, null, "alice", null, "coup"));

    // Issue 12: a refused /BAN speaks of banning, not kicking.
    assertEquals(
        "Nobody but a server operator can ban the main admin (~) of #c.", refused.getMessage());
    assertEquals(before, world());
    assertEquals(List.of(), recorded);
    assertEquals(List.of(), aliceInbox.events());
    assertThrows(
        ChatException.class, () -> server.ban(bob, null, "192.0.2.0/24", null, "by address"));
    assertThrows(
        ChatException.class, () -> server.ban(bob, null, "account:alice", null, "by account"));
    assertEquals(before, world());
  }

  @Test
  void aSecondaryAdminCannotBanAnotherSecondaryAdmin() {
    c();
    server.grant(alice, "bob");
    server.grant(alice, "carol");
    WorldSnapshot before = world();

    assertThrows(ChatException.class, () -> server.ban(bob, null, "carol", null, null));

    assertEquals(before, world());
  }

  @Test
  void aSecondaryAdminCannotBanTheFounderOfARegisteredChannelWhileTheyAreAway() {
    // The founder's account is the main admin of a registered channel even while away; a ban
    // that would hit them when they come back must be refused like one that hits them now.
    registeredC();
    registerBob();
    server.grant(alice, "bob");
    server.leave(alice, "#c", null);
    clearAll();
    WorldSnapshot before = world();

    assertThrows(ChatException.class, () -> server.ban(bob, null, "account:alice", null, "coup"));

    assertEquals(before, world());
    User alice2 = server.login("alice", ALICE_PW.toCharArray(), "192.0.2.1", new Inbox());
    assertNotNull(server.join(alice2, "#c"), "the founder gets into their own channel");
  }

  @Test
  void theFounderBanningHerselfIsToldSheCannotBanHerselfNotTheOperatorRule() {
    // Issue 12: the kept-role rule ("nobody but a server operator can ban the main admin") came
    // first and answered a main admin who typed her own nick.
    registeredC();

    for (String herself : List.of("alice", "account:alice")) {
      ChatException refused =
          assertThrows(ChatException.class, () -> server.ban(alice, null, herself, null, null));
      assertEquals("You cannot ban yourself; nothing was done.", refused.getMessage());
    }
    assertEquals(List.of(), stored());
  }

  @Test
  void aBanThatReplacesAnotherSaysWhatItReplaces() {
    Channel c = c();
    server.ban(alice, null, "dave", Duration.ofMinutes(30), "spam");
    clearAll();

    server.ban(alice, null, "dave", null, "again");

    assertEquals(
        List.of(
            notice(
                "#c",
                "alice banned dave from #c (again), for good (it replaces the ban by alice (spam),"
                    + " until 2025-06-01 12:30 UTC).")),
        aliceInbox.events());
    assertEquals(1, stored().size());
    assertTrue(c.contains(bob));
  }

  @Test
  void theMainAdminCanBanASecondaryAdmin() {
    Channel c = c();
    server.grant(alice, "bob");

    server.ban(alice, null, "bob", null, null);

    assertFalse(c.contains(bob));
    assertEquals(1, stored().size());
  }

  @Test
  void anAdminCannotBanAServerOperatorButAnOperatorCanBanTheMainAdmin() {
    Channel c = c();
    server.join(oscar, "#c");
    clearAll();
    WorldSnapshot before = world();

    assertThrows(ChatException.class, () -> server.ban(alice, null, "oscar", null, null));
    assertEquals(before, world());

    server.ban(oscar, null, "alice", null, "abuse of power");
    assertFalse(c.contains(alice));
    assertEquals(1, stored().size());
  }

  @Test
  void nobodyCanBanThemselves() {
    c();
    WorldSnapshot before = world();

    ChatException byNick =
        assertThrows(ChatException.class, () -> server.ban(alice, null, "ALICE", null, null));
    ChatException byAddress =
        assertThrows(ChatException.class, () -> server.ban(alice, null, "192.0.0.0/8", null, null));
    ChatException byAccount =
        assertThrows(
            ChatException.class, () -> server.ban(alice, null, "account:alice", null, null));
    ChatException fromTheServer =
        assertThrows(
            ChatException.class, () -> server.ban(oscar, "*", "198.51.100.0/24", null, null));

    for (ChatException refused : List.of(byNick, byAccount)) {
      assertEquals("You cannot ban yourself; nothing was done.", refused.getMessage());
    }
    for (ChatException refused : List.of(byAddress, fromTheServer)) {
      assertEquals(
          "That ban would hit you: your own address is in it; nothing was done.",
          refused.getMessage());
    }
    assertEquals(before, world());
    assertEquals(List.of(), recorded);
  }

  @Test
  void aBanThatWouldHitTheActorAmongOthersHitsNobody() {
    Channel c = c();
    User near = server.connect("near", "192.0.2.99", new Inbox());
    server.join(near, "#c");

    assertThrows(ChatException.class, () -> server.ban(alice, null, "192.0.2.0/24", null, null));

    assertTrue(c.contains(near));
    assertEquals(List.of(), stored());
  }

  @Test
  void banningFromAChannelYouAreNotInIsRefused() {
    c();
    server.join(dave, "#d");
    WorldSnapshot before = world();

    ChatException refused =
        assertThrows(ChatException.class, () -> server.ban(dave, "#c", "bob", null, null));

    assertEquals("You are not in #c; /JOIN it first.", refused.getMessage());
    assertEquals(before, world());
  }

  // ---- server-wide ----

  @Test
  void onlyOperatorsBanFromTheServer() {
    c();
    WorldSnapshot before = world();

    ChatException refused =
        assertThrows(ChatException.class, () -> server.ban(alice, "*", "bob", null, null));

    assertEquals("Only server operators can ban from the whole server.", refused.getMessage());
    assertEquals(before, world());
    ChatException unban = assertThrows(ChatException.class, () -> server.unban(alice, "*", "bob"));
    assertEquals("Only server operators can ban from the whole server.", unban.getMessage());
  }

  @Test
  void aServerBanDisconnectsWhomItHitsAndTellsThemWhy() {
    Channel c = c();
    clearAll();

    server.ban(oscar, "*", "10.1.0.0/16", Duration.ofDays(1), "go away");

    String told =
        "You were banned from this server by oscar (go away), until 2025-06-02 12:00 UTC.";
    assertEquals(List.of(new Disconnected(T0, told)), bobInbox.ofType(Disconnected.class));
    assertEquals(List.of(new Disconnected(T0, told)), carolInbox.ofType(Disconnected.class));
    assertTrue(bob.isGone());
    assertTrue(carol.isGone());
    assertFalse(dave.isGone());
    assertFalse(server.nicks().contains("bob"));
    assertFalse(server.nicks().contains("carol"));
    assertEquals("~alice", ChatServer.whoLine(c));
    assertTrue(
        aliceInbox.texts().contains("bob was banned from the server (go away)"),
        aliceInbox.texts().toString());
    assertEquals(
        List.of(
            new ServerNotice(
                T0,
                "Banned 10.1.0.0/16 from the server (go away), until 2025-06-02 12:00 UTC; 2 users"
                    + " disconnected.")),
        oscarInbox.events());
    assertEquals(
        List.of(
            new Ban(
                null,
                Ban.Kind.MASK,
                "10.1.0.0/16",
                "oscar",
                "go away",
                T0,
                T0.plus(Duration.ofDays(1)))),
        stored());
    assertEquals(
        List.of(
            new ModerationAction(
                T0,
                ModerationAction.Kind.BAN,
                "oscar",
                "10.1.0.0/16",
                "*",
                "go away; until 2025-06-02 12:00 UTC")),
        recorded);
  }

  @Test
  void aServerBanRefusesConnectWithTheReason() {
    server.ban(oscar, "*", "10.1.0.0/16", Duration.ofDays(1), "go away");

    ChatException refused =
        assertThrows(ChatException.class, () -> server.connect("zed", "10.1.44.44", new Inbox()));

    assertEquals(
        "You are banned from this server by oscar (go away), until 2025-06-02 12:00 UTC.",
        refused.getMessage());
    assertFalse(server.nicks().contains("zed"));
    assertNotNull(server.connect("yan", "10.2.44.44", new Inbox()));

    clock.advance(Duration.ofDays(1));
    assertNotNull(server.connect("zed", "10.1.44.44", new Inbox()), "it ran out");
  }

  @Test
  void aServerBanByNickRefusesThatNick() {
    server.ban(oscar, "*", "bob", null, null);

    assertTrue(bob.isGone());
    ChatException refused =
        assertThrows(ChatException.class, () -> server.connect("BOB", "203.0.113.1", new Inbox()));
    assertEquals("You are banned from this server by oscar, for good.", refused.getMessage());
  }

  @Test
  void aServerBanByAccountRefusesLogin() {
    registerBob();
    server.disconnect(bob, "bye");

    server.ban(oscar, "*", "account:bob", null, "stolen account");

    ChatException refused =
        assertThrows(
            ChatException.class,
            () -> server.login("bob", BOB_PW.toCharArray(), "203.0.113.1", new Inbox()));
    assertEquals(
        "You are banned from this server by oscar (stolen account), for good.",
        refused.getMessage());
    assertFalse(server.nicks().contains("bob"));
  }

  @Test
  void aServerBanByAccountDisconnectsTheAccountUnderAnotherNick() {
    registerBob();
    server.changeNick(bob, "bobby");

    server.ban(oscar, "*", "account:bob", null, null);

    assertTrue(bob.isGone());
    assertEquals(1, bobInbox.ofType(Disconnected.class).size());
  }

  @Test
  void aServerBanDoesNotKeepAnyoneFromAChannelItsOwnWay() {
    // A server ban is not a ban from each channel: /BANS of a channel does not list it.
    c();
    server.ban(oscar, "*", "10.2.0.0/16", null, null);

    assertEquals(List.of(), server.bans(alice, null));
  }

  @Test
  void operatorsListTheServerBansAndOthersMayNot() {
    c();
    server.ban(alice, null, "bob", null, "channel ban");
    server.ban(oscar, "*", "10.2.0.0/16", null, "server ban");

    List<Ban> serverBans = server.bans(oscar, "*");

    assertEquals(
        List.of(new Ban(null, Ban.Kind.MASK, "10.2.0.0/16", "oscar", "server ban", T0, null)),
        serverBans);
    ChatException refused = assertThrows(ChatException.class, () -> server.bans(alice, "*"));
    assertEquals("Only server operators can ban from the whole server.", refused.getMessage());
    assertEquals(
        List.of(new Ban("#c", Ban.Kind.NICK, "bob", "alice", "channel ban", T0, null)),
        server.bans(carol, null),
        "members list their channel's bans");
  }

  @Test
  void anOperatorLiftsAServerBan() {
    server.ban(oscar, "*", "10.1.0.0/16", null, null);
    oscarInbox.clear();

    server.unban(oscar, "*", "10.1.0.0/16");

    assertEquals(
        List.of(new ServerNotice(T0, "oscar lifted the ban on 10.1.0.0/16 from the server.")),
        oscarInbox.events());
    assertEquals(List.of(), stored());
    assertNotNull(server.connect("bob", "10.1.2.3", new Inbox()));
  }

  // ---- a channel's bans go with it ----

  @Test
  void theBansOfAnUnregisteredChannelGoWhenItEmpties() {
    c();
    server.ban(alice, null, "bob", null, null);
    server.leave(carol, "#c", null);

    server.leave(alice, "#c", null);

    assertNull(server.channel("#c"));
    assertEquals(List.of(), stored());
    Channel fresh = server.join(bob, "#c");
    assertEquals(ChannelRole.MAIN_ADMIN, fresh.roleOf(bob));
    assertEquals(List.of(), server.bans(bob, null), "a new #c has no bans");
  }

  @Test
  void theBansOfARegisteredChannelStayWhenItEmpties() {
    registeredC();
    server.ban(alice, null, "bob", null, null);
    server.leave(carol, "#c", null);

    server.leave(alice, "#c", null);

    assertNotNull(server.channel("#c"));
    assertEquals(1, stored().size());
    assertThrows(ChatException.class, () -> server.join(bob, "#c"));
  }

  @Test
  void theBansOfADeletedChannelGoWithIt() {
    registeredC();
    server.ban(alice, null, "bob", null, null);

    server.deleteChannel(alice, "#c", null);

    assertEquals(List.of(), stored());
    assertNotNull(server.join(bob, "#c"));
  }

  @Test
  void renamingAChannelMovesItsBans() throws Exception {
    registeredC();
    server.ban(alice, null, "bob", null, "moved");

    server.rename(alice, "#D");

    assertEquals(
        List.of(new Ban("#D", Ban.Kind.NICK, "bob", "alice", "moved", T0, null)),
        server.bans(alice, null));
    assertEquals(List.of("#D"), stored().stream().map(Ban::channel).toList());
    ChatException refused = assertThrows(ChatException.class, () -> server.join(bob, "#d"));
    assertEquals("You are banned from #D by alice (moved), for good.", refused.getMessage());
    Channel other = server.join(bob, "#c");
    assertEquals(ChannelRole.MAIN_ADMIN, other.roleOf(bob), "a new #c, without the ban");
    server.leave(bob, "#c", null);

    restart();
    User alice2 = server.login("alice", ALICE_PW.toCharArray(), "192.0.2.1", new Inbox());
    server.join(alice2, "#d");
    assertEquals(1, server.bans(alice2, null).size());
    User bob2 = server.connect("bob", "10.1.2.3", new Inbox());
    assertThrows(ChatException.class, () -> server.join(bob2, "#D"));
    assertSame(server.channel("#d"), server.channel("#D"));
  }

  @Test
  void renamingAnUnregisteredChannelMovesItsBansToo() {
    c();
    server.ban(alice, null, "bob", null, null);

    server.rename(alice, "#e");

    assertThrows(ChatException.class, () -> server.join(bob, "#e"));
    assertEquals(List.of("#e"), stored().stream().map(Ban::channel).toList());
  }

  // ---- the moderation log and replacing ----

  @Test
  void theModerationListenerIsToldOfBansAndUnbans() {
    c();

    server.ban(alice, null, "bob", Duration.ofHours(2), "  spamming  ");
    server.ban(alice, null, "carol", null, null);
    server.unban(alice, null, "bob");

    assertEquals(
        List.of(
            new ModerationAction(
                T0,
                ModerationAction.Kind.BAN,
                "alice",
                "bob",
                "#c",
                "spamming; until 2025-06-01 14:00 UTC"),
            new ModerationAction(T0, ModerationAction.Kind.BAN, "alice", "carol", "#c", "for good"),
            new ModerationAction(T0, ModerationAction.Kind.UNBAN, "alice", "bob", "#c", null)),
        recorded);
  }

  @Test
  void banningTheSameTargetAgainReplacesTheBan() throws Exception {
    registeredC();
    server.ban(alice, null, "bob", Duration.ofHours(1), "first");
    clock.advance(Duration.ofMinutes(10));

    server.ban(alice, null, "BOB", null, "second");

    Instant later = T0.plus(Duration.ofMinutes(10));
    List<Ban> expected =
        List.of(new Ban("#c", Ban.Kind.NICK, "BOB", "alice", "second", later, null));
    assertEquals(expected, server.bans(alice, null));
    assertEquals(expected, stored());
    clock.advance(Duration.ofHours(2));
    ChatException refused = assertThrows(ChatException.class, () -> server.join(bob, "#c"));
    assertEquals("You are banned from #c by alice (second), for good.", refused.getMessage());
    restart();
    assertEquals(expected, stored());
  }

  @Test
  void theSameTargetInAnotherPlaceOrOfAnotherKindIsAnotherBan() {
    c();
    server.join(alice, "#d");
    server.ban(alice, "#c", "bob", null, null);
    server.ban(alice, "#d", "bob", null, null);
    server.ban(alice, "#c", "account:bob", null, null);
    server.ban(oscar, "*", "bob", null, null);

    assertEquals(4, stored().size());
    assertEquals(2, server.bans(alice, "#c").size());
    assertEquals(1, server.bans(alice, "#d").size());
    assertEquals(1, server.bans(oscar, "*").size());
  }

  @Test
  void aBanWithAnInvalidNickIsRefused() {
    c();

    assertThrows(ChatException.class, () -> server.ban(alice, null, "9lives", null, null));
    assertThrows(ChatException.class, () -> server.ban(alice, null, "account:", null, null));

    assertEquals(List.of(), stored());
  }
}
