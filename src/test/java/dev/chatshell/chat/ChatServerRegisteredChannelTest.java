package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Registered channels over the real channel store and an SQLite file: /REGISTER of a channel, what
 * is kept when everyone leaves and across restarts (founder, kept admins, topic, name), /TOPIC and
 * /DELETE.
 */
class ChatServerRegisteredChannelTest extends ThreeUsersChat {
  /** Who is where, and each channel's registration, topic and admins: what a refusal keeps. */
  private WorldSnapshot world() {
    return WorldSnapshot.of(server, List.of(alice, bob, carol));
  }

  private static ChannelNotice notice(String channel, String text) {
    return new ChannelNotice(T0, channel, text);
  }

  /** #den registered by alice, with bob and carol as members. */
  private Channel den() {
    Channel den = server.join(alice, "#den");
    server.registerChannel(alice, null);
    server.join(bob, "#den");
    server.join(carol, "#den");
    clearAll();
    return den;
  }

  // ---- /REGISTER of a channel ----

  @Test
  void theMainAdminWithAnAccountRegistersTheChannel() {
    Channel den = server.join(alice, "#den");
    server.join(bob, "#den");
    clearAll();

    server.registerChannel(alice, null);

    assertTrue(den.isRegistered());
    assertEquals("alice", den.founder());
    assertEquals(Set.of(), den.adminAccounts());
    ChannelNotice told =
        notice(
            "#den",
            "alice registered #den: it stays when everyone leaves, alice is its main admin (~) for"
                + " good, and secondary admins with accounts are kept.");
    assertEquals(List.of(told), aliceInbox.events());
    assertEquals(List.of(told), bobInbox.events());
    assertEquals(
        List.of(
            new ModerationAction(
                T0, ModerationAction.Kind.REGISTER, "alice", "alice", "#den", null)),
        recorded);
  }

  @Test
  void aChannelMayBeRegisteredByNameFromAnother() {
    Channel den = server.join(alice, "#den");
    server.join(alice, "#other");

    server.registerChannel(alice, "#DEN");

    assertTrue(den.isRegistered());
    assertFalse(server.channel("#other").isRegistered());
  }

  @Test
  void aMemberCannotRegisterTheChannel() {
    server.join(alice, "#den");
    server.join(bob, "#den");
    clearAll();
    WorldSnapshot before = world();

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.registerChannel(bob, null));

    assertEquals("Only the main admin of #den can register it.", thrown.getMessage());
    assertEquals(before, world());
    assertEquals(List.of(), recorded);
  }

  @Test
  void aSecondaryAdminOrAnOperatorWhoIsNotMainAdminCannotRegisterTheChannel() {
    server.join(alice, "#den");
    server.join(bob, "#den");
    server.grant(alice, "bob");
    server.promote(bob, "test");
    WorldSnapshot before = world();

    assertThrows(ChatException.class, () -> server.registerChannel(bob, null));

    assertEquals(before, world());
  }

  @Test
  void aMainAdminWithoutAccountCannotRegisterTheChannel() {
    server.join(carol, "#c");
    WorldSnapshot before = world();

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.registerChannel(carol, null));

    assertTrue(thrown.getMessage().contains("/REGISTER"), thrown.getMessage());
    assertEquals(before, world());
    assertEquals(List.of(), recorded);
  }

  @Test
  void aRegisteredChannelCannotBeRegisteredAgain() {
    server.join(alice, "#den");
    server.registerChannel(alice, null);
    recorded.clear();
    WorldSnapshot before = world();

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.registerChannel(alice, null));

    assertEquals("#den is registered already; alice is its founder.", thrown.getMessage());
    assertEquals(before, world());
    assertEquals(List.of(), recorded);
  }

  @Test
  void registeringAChannelOneIsNotInIsRefused() {
    server.join(bob, "#bobs");
    WorldSnapshot before = world();

    assertThrows(ChatException.class, () -> server.registerChannel(alice, "#bobs"));

    assertEquals(before, world());
  }

  // ---- kept when everyone leaves and across restarts ----

  @Test
  void aRegisteredChannelStaysWhenEveryoneLeaves() {
    Channel den = den();

    server.leave(bob, "#den", null);
    server.disconnect(carol, null);
    server.leave(alice, "#den", null);

    assertTrue(server.channels().contains(den));
    assertEquals(0, den.size());
    assertEquals(den, server.channel("#den"));
  }

  @Test
  void anUnregisteredChannelStillGoesWhenEveryoneLeaves() {
    server.join(alice, "#tmp");

    server.leave(alice, "#tmp", null);

    assertNull(server.channel("#tmp"));
    assertEquals(List.of(), server.channels());
  }

  @Test
  void aRegisteredChannelSurvivesARestart() throws Exception {
    den();
    server.join(alice, "#unregistered");

    restart();

    assertEquals(1, server.channels().size());
    Channel den = server.channel("#den");
    assertNotNull(den);
    assertEquals("#den", den.name());
    assertTrue(den.isRegistered());
    assertEquals("alice", den.founder());
    assertEquals(0, den.size());
    assertNull(server.channel("#unregistered"));
  }

  @Test
  void theFounderGetsMainAdminBackWhenRejoining() {
    Channel den = den();
    server.leave(alice, "#den", null);
    server.leave(bob, "#den", null);
    server.join(bob, "#den");
    clearAll();

    server.join(alice, "#den");

    assertEquals(ChannelRole.MAIN_ADMIN, den.roleOf(alice));
    assertEquals(ChannelRole.MEMBER, den.roleOf(bob));
    assertEquals(ChannelRole.MEMBER, den.roleOf(carol));
    assertEquals(
        "You joined #den as main admin (~). Members: carol bob ~alice", aliceInbox.texts().get(0));
  }

  @Test
  void theFounderUnderAnotherNickGetsMainAdminBack() {
    Channel den = den();
    server.leave(alice, "#den", null);
    server.changeNick(alice, "zed");

    server.join(alice, "#den");

    assertEquals(ChannelRole.MAIN_ADMIN, den.roleOf(alice));
  }

  @Test
  void nobodyBecomesMainAdminWhileTheFounderIsAway() {
    Channel den = den();

    server.leave(alice, "#den", "brb");

    assertEquals(ChannelRole.MEMBER, den.roleOf(bob));
    assertEquals(ChannelRole.MEMBER, den.roleOf(carol));
    assertEquals(List.of(notice("#den", "alice has left #den (brb)")), bobInbox.events());
    assertEquals(List.of(notice("#den", "alice has left #den (brb)")), carolInbox.events());
    server.disconnect(alice, null);
    server.leave(bob, "#den", null);
    server.leave(carol, "#den", null);
    User dave = server.connect("dave", "d", new Inbox());

    server.join(dave, "#den");

    assertEquals(ChannelRole.MEMBER, den.roleOf(dave), "joining an empty registered channel");
  }

  @Test
  void nobodyBecomesMainAdminWhenTheFounderQuitsOrIsKicked() {
    Channel den = den();
    server.grant(alice, "carol");
    User oscar = server.connect("oscar", "o", new Inbox());
    server.promote(oscar, "test");
    server.join(oscar, "#den");
    clearAll();

    server.kick(oscar, "alice", null);

    assertEquals(ChannelRole.SECONDARY_ADMIN, den.roleOf(carol));
    assertEquals(ChannelRole.MEMBER, den.roleOf(bob));
    assertEquals(ChannelRole.MEMBER, den.roleOf(oscar));
    assertTrue(bobInbox.texts().stream().noneMatch(t -> t.contains("is now main admin")));

    server.join(alice, "#den");
    server.disconnect(alice, "gone");

    assertEquals(ChannelRole.SECONDARY_ADMIN, den.roleOf(carol));
    assertTrue(bobInbox.texts().stream().noneMatch(t -> t.contains("is now main admin")));
  }

  @Test
  void anUnregisteredChannelStillHasASuccessor() {
    Channel open = server.join(alice, "#open");
    server.join(bob, "#open");
    server.join(carol, "#open");
    clearAll();

    server.leave(alice, "#open", null);

    assertEquals(ChannelRole.MAIN_ADMIN, open.roleOf(bob));
    assertEquals(
        List.of(
            notice("#open", "alice has left #open"),
            notice("#open", "bob is now main admin (~) of #open, taking over from alice.")),
        carolInbox.events());
  }

  @Test
  void aMemberLimitAndAnOpenTopicAreKeptAcrossRestarts() throws Exception {
    den();
    server.setMemberLimit(alice, 2);
    server.setTopicLocked(alice, false);
    restart();
    Channel den = server.channel("#den");
    assertEquals(2, den.memberLimit());
    assertTrue(den.isTopicOpen());
  }

  @Test
  void aLimitSetBeforeRegistrationIsRegisteredWithTheChannel() throws Exception {
    server.join(alice, "#den");
    server.setMemberLimit(alice, 5);
    server.registerChannel(alice, null);
    restart();
    assertEquals(5, server.channel("#den").memberLimit());
    assertFalse(server.channel("#den").isTopicOpen());
  }

  @Test
  void theFounderGetsMainAdminBackAfterARestart() throws Exception {
    den();
    restart();
    User carol2 = server.connect("carol", "c", new Inbox());
    Channel den = server.channel("#den");

    server.join(carol2, "#den");
    assertEquals(ChannelRole.MEMBER, den.roleOf(carol2), "first to join is no main admin");
    User alice2 = login("alice", ALICE_PW, new Inbox());
    server.join(alice2, "#den");

    assertEquals(ChannelRole.MAIN_ADMIN, den.roleOf(alice2));
    assertEquals(ChannelRole.MEMBER, den.roleOf(carol2));
  }

  // ---- kept secondary admins ----

  @Test
  void aGrantToAnAccountIsKept() {
    Channel den = den();

    server.grant(alice, "bob");

    assertEquals(ChannelRole.SECONDARY_ADMIN, den.roleOf(bob));
    assertEquals(Set.of(Names.key("bob")), den.adminAccounts());
    assertEquals(
        List.of(
            notice(
                "#den",
                "alice made bob a secondary admin (@) of #den. It is kept across restarts.")),
        carolInbox.events());

    server.leave(bob, "#den", null);
    server.join(bob, "#den");
    assertEquals(ChannelRole.SECONDARY_ADMIN, den.roleOf(bob));

    server.disconnect(bob, null);
    User bob2 = login("bob", BOB_PW, new Inbox());
    server.join(bob2, "#den");
    assertEquals(ChannelRole.SECONDARY_ADMIN, den.roleOf(bob2));
  }

  @Test
  void aGrantToAnAccountIsKeptAcrossARestart() throws Exception {
    den();
    server.grant(alice, "bob");

    restart();
    User bob2 = login("bob", BOB_PW, new Inbox());
    Channel den = server.channel("#den");
    server.join(bob2, "#den");

    assertEquals(ChannelRole.SECONDARY_ADMIN, den.roleOf(bob2));
    assertEquals(Set.of(Names.key("bob")), den.adminAccounts());
  }

  @Test
  void aGrantToAUserWithoutAccountLastsUntilTheyLeave() throws Exception {
    Channel den = den();

    server.grant(alice, "carol");

    assertEquals(ChannelRole.SECONDARY_ADMIN, den.roleOf(carol));
    assertEquals(Set.of(), den.adminAccounts());
    assertEquals(
        List.of(
            notice(
                "#den",
                "alice made carol a secondary admin (@) of #den. carol has no account, so this"
                    + " lasts until they leave.")),
        bobInbox.events());

    server.leave(carol, "#den", null);
    server.join(carol, "#den");
    assertEquals(ChannelRole.MEMBER, den.roleOf(carol));

    restart();
    assertEquals(Set.of(), server.channel("#den").adminAccounts());
  }

  @Test
  void secondaryAdminsWithAccountsAtRegistrationAreKept() throws Exception {
    Channel den = server.join(alice, "#den");
    server.join(bob, "#den");
    server.join(carol, "#den");
    server.grant(alice, "bob");
    server.grant(alice, "carol");

    server.registerChannel(alice, null);

    assertEquals(Set.of(Names.key("bob")), den.adminAccounts());
    restart();
    Channel after = server.channel("#den");
    User bob2 = login("bob", BOB_PW, new Inbox());
    User carol2 = server.connect("carol", "c", new Inbox());
    server.join(bob2, "#den");
    server.join(carol2, "#den");
    assertEquals(ChannelRole.SECONDARY_ADMIN, after.roleOf(bob2));
    assertEquals(ChannelRole.MEMBER, after.roleOf(carol2));
  }

  @Test
  void revokingAPresentKeptAdminForgetsThem() throws Exception {
    Channel den = den();
    server.grant(alice, "bob");
    clearAll();

    server.revoke(alice, "bob");

    assertEquals(ChannelRole.MEMBER, den.roleOf(bob));
    assertEquals(Set.of(), den.adminAccounts());
    assertEquals(
        List.of(notice("#den", "alice took back bob's secondary-admin rights in #den.")),
        carolInbox.events());
    assertEquals(ModerationAction.Kind.REVOKE, recorded.get(0).kind());

    server.leave(bob, "#den", null);
    server.join(bob, "#den");
    assertEquals(ChannelRole.MEMBER, den.roleOf(bob));

    restart();
    User bob2 = login("bob", BOB_PW, new Inbox());
    server.join(bob2, "#den");
    assertEquals(ChannelRole.MEMBER, server.channel("#den").roleOf(bob2));
  }

  @Test
  void revokingAKeptAdminWhoIsOfflineForgetsThem() throws Exception {
    Channel den = den();
    server.grant(alice, "bob");
    server.disconnect(bob, null);
    clearAll();

    server.revoke(alice, "BOB"); // the account, in any case

    assertEquals(Set.of(), den.adminAccounts());
    assertEquals(1, carolInbox.events().size());
    String told = carolInbox.texts().get(0);
    assertTrue(
        told.equalsIgnoreCase("alice took back bob's secondary-admin rights in #den."), told);
    assertEquals(1, recorded.size());
    ModerationAction action = recorded.get(0);
    assertEquals(ModerationAction.Kind.REVOKE, action.kind());
    assertEquals("alice", action.actor());
    assertTrue("bob".equalsIgnoreCase(action.target()), action.target());
    assertEquals("#den", action.channel());

    restart();
    User bob2 = login("bob", BOB_PW, new Inbox());
    server.join(bob2, "#den");
    assertEquals(ChannelRole.MEMBER, server.channel("#den").roleOf(bob2));
  }

  @Test
  void revokingAKeptAdminOnlineElsewhereUnderAnotherNickForgetsTheirAccount() throws Exception {
    Channel den = den();
    server.grant(alice, "bob");
    server.leave(bob, "#den", null);
    server.changeNick(bob, "robert");
    clearAll();

    server.revoke(alice, "robert");

    assertEquals(Set.of(), den.adminAccounts());
    server.join(bob, "#den");
    assertEquals(ChannelRole.MEMBER, den.roleOf(bob));
    restart();
    assertEquals(Set.of(), server.channel("#den").adminAccounts());
  }

  @Test
  void revokingSomeoneNeitherHereNorKeptIsRefused() {
    Channel den = den();

    ChatException thrown = assertThrows(ChatException.class, () -> server.revoke(alice, "nobody"));

    assertEquals("nobody is neither here nor a kept secondary admin of #den.", thrown.getMessage());
    assertEquals(List.of(), recorded);
    assertNotNull(den);
  }

  @Test
  void onlyTheMainAdminRevokesAKeptAdminWhoIsAway() {
    den();
    server.grant(alice, "bob");
    server.grant(alice, "carol");
    server.leave(bob, "#den", null);
    WorldSnapshot before = world();

    assertThrows(ChatException.class, () -> server.revoke(carol, "bob"));

    assertEquals(before, world());
  }

  // ---- rename ----

  @Test
  void aRenameOfARegisteredChannelIsKept() throws Exception {
    Channel den = den();
    server.grant(alice, "bob");

    server.rename(alice, "#lair");

    assertEquals("#lair", den.name());
    assertTrue(den.isRegistered());
    restart();
    assertNull(server.channel("#den"));
    Channel lair = server.channel("#lair");
    assertNotNull(lair);
    assertEquals("#lair", lair.name());
    assertEquals("alice", lair.founder());
    assertEquals(Set.of(Names.key("bob")), lair.adminAccounts());
    User bob2 = login("bob", BOB_PW, new Inbox());
    server.join(bob2, "#lair");
    assertEquals(ChannelRole.SECONDARY_ADMIN, lair.roleOf(bob2));
  }

  @Test
  void aRenamedRegisteredChannelKeepsLaterChangesUnderItsNewName() throws Exception {
    den();
    server.rename(alice, "#lair");

    server.grant(alice, "bob");
    server.setTopic(alice, "new name, new topic");

    restart();
    Channel lair = server.channel("#lair");
    assertEquals(Set.of(Names.key("bob")), lair.adminAccounts());
    assertEquals("new name, new topic", lair.topic().text());
  }

  // ---- topic ----

  @Test
  void adminsSetTheTopicAndTheChannelIsTold() {
    Channel den = den();

    server.setTopic(alice, "  Welcome to the den  ");

    Topic topic = den.topic();
    assertEquals(new Topic("Welcome to the den", "alice", T0), topic);
    ChannelNotice told = notice("#den", "alice set the topic of #den: Welcome to the den");
    assertEquals(List.of(told), aliceInbox.events());
    assertEquals(List.of(told), bobInbox.events());
    assertEquals(List.of(told), carolInbox.events());

    server.grant(alice, "bob");
    server.setTopic(bob, "bob's topic");
    assertEquals(new Topic("bob's topic", "bob", T0), den.topic());
  }

  @Test
  void aMemberCannotSetTheTopic() {
    den();
    server.setTopic(alice, "kept");
    WorldSnapshot before = world();

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.setTopic(carol, "mine now"));

    assertEquals("Only the admins of #den can set its topic.", thrown.getMessage());
    assertEquals(before, world());
  }

  @Test
  void anOperatorSetsTheTopicOfAnyChannelTheyAreIn() {
    Channel den = den();
    server.promote(carol, "test");

    server.setTopic(carol, "by the operator");

    assertEquals("by the operator", den.topic().text());
  }

  @Test
  void settingATopicOutsideAnyChannelIsRefused() {
    assertThrows(ChatException.class, () -> server.setTopic(carol, "nowhere"));
  }

  @Test
  void theTopicOfARegisteredChannelIsKeptAcrossARestart() throws Exception {
    den();
    server.setTopic(alice, "Welcome to the den");

    restart();

    assertEquals(new Topic("Welcome to the den", "alice", T0), server.channel("#den").topic());
  }

  @Test
  void aTopicSetBeforeRegisteringIsKept() throws Exception {
    server.join(alice, "#den");
    server.setTopic(alice, "older than the registration");
    server.registerChannel(alice, null);

    restart();

    assertEquals("older than the registration", server.channel("#den").topic().text());
  }

  @Test
  void clearingTheTopicIsKept() throws Exception {
    Channel den = den();
    server.setTopic(alice, "Welcome to the den");
    clearAll();

    server.setTopic(alice, null);

    assertNull(den.topic());
    assertEquals(List.of(notice("#den", "alice cleared the topic of #den.")), bobInbox.events());
    server.setTopic(alice, "again");
    server.setTopic(alice, "   ");
    assertNull(den.topic());
    restart();
    assertNull(server.channel("#den").topic());
  }

  @Test
  void aTopicOfMoreThan300CharactersIsRefused() {
    Channel den = den();
    server.setTopic(alice, "short");

    ChatException thrown =
        assertThrows(ChatException.class, () -> server.setTopic(alice, "x".repeat(301)));

    assertEquals("A topic is at most 300 characters; this one has 301.", thrown.getMessage());
    assertEquals("short", den.topic().text());
    server.setTopic(alice, "y".repeat(300));
    assertEquals(300, den.topic().text().length());
  }

  @Test
  void anUnregisteredChannelHasATopicToo() {
    Channel open = server.join(carol, "#open");

    server.setTopic(carol, "just for now");

    assertEquals("just for now", open.topic().text());
  }

  @Test
  void joiningAChannelWithATopicShowsIt() {
    den();
    server.setTopic(alice, "Welcome to the den");
    Inbox daveInbox = new Inbox();
    User dave = server.connect("dave", "d", daveInbox);

    server.join(dave, "#den");

    assertEquals(
        List.of(
            notice("#den", "You joined #den. Members: ~alice bob carol dave"),
            notice("#den", "Topic: Welcome to the den")),
        daveInbox.events());
  }

  @Test
  void joiningARegisteredChannelAfterARestartShowsItsTopic() throws Exception {
    den();
    server.setTopic(alice, "Welcome to the den");
    restart();
    Inbox inbox = new Inbox();

    login("alice", ALICE_PW, inbox); // joins #den by itself: autojoin is on at first

    int joined =
        inbox
            .events()
            .indexOf(notice("#den", "You joined #den as main admin (~). Members: ~alice"));
    assertTrue(joined >= 0, inbox.texts().toString());
    assertEquals(notice("#den", "Topic: Welcome to the den"), inbox.events().get(joined + 1));
  }

  // ---- delete ----

  @Test
  void onlyTheMainAdminOrAnOperatorDeletesAChannel() {
    Channel den = den();
    server.grant(alice, "bob");

    assertThrows(ChatException.class, () -> server.deleteChannel(bob, null, null));
    assertThrows(ChatException.class, () -> server.deleteChannel(carol, "#den", null));

    assertEquals(den, server.channel("#den"));
    assertEquals(3, den.size());
    assertTrue(recorded.stream().noneMatch(a -> a.kind() == ModerationAction.Kind.DELETE));
  }

  @Test
  void deletingTakesEveryoneOutAndTellsThem() {
    server.join(bob, "#elsewhere");
    Channel den = den();
    Channel aliceOther = server.join(alice, "#other");
    server.switchTo(alice, "#den");
    clearAll();

    server.deleteChannel(alice, null, "spring cleaning");

    ChannelNotice told = notice("#den", "alice deleted #den (spring cleaning).");
    assertTrue(aliceInbox.events().contains(told), aliceInbox.texts().toString());
    assertTrue(bobInbox.events().contains(told), bobInbox.texts().toString());
    assertTrue(carolInbox.events().contains(told), carolInbox.texts().toString());
    for (Inbox inbox : List.of(aliceInbox, bobInbox, carolInbox)) {
      assertTrue(
          inbox.texts().stream().noneMatch(t -> t.contains("main admin")),
          inbox.texts().toString());
      assertTrue(inbox.texts().stream().noneMatch(t -> t.contains("has left")));
    }
    assertEquals(0, den.size());
    assertNull(server.channel("#den"));
    assertFalse(server.channels().contains(den));
    assertEquals(List.of(aliceOther), alice.channels());
    assertEquals(aliceOther, alice.current());
    assertEquals(List.of(server.channel("#elsewhere")), bob.channels());
    assertEquals(server.channel("#elsewhere"), bob.current());
    assertEquals(List.of(), carol.channels());
    assertNull(carol.current());
    assertEquals(
        List.of(
            new ModerationAction(
                T0, ModerationAction.Kind.DELETE, "alice", null, "#den", "spring cleaning")),
        recorded);
  }

  @Test
  void deletingAnUnregisteredChannelSendsNoSuccessionNotices() {
    Channel open = server.join(alice, "#open");
    server.join(bob, "#open");
    server.join(carol, "#open");
    server.grant(alice, "bob");
    clearAll();

    server.deleteChannel(alice, "#open", null);

    assertEquals(List.of(notice("#open", "alice deleted #open.")), bobInbox.events());
    assertEquals(List.of(notice("#open", "alice deleted #open.")), carolInbox.events());
    assertNull(server.channel("#open"));
    assertEquals(0, open.size());
    assertEquals(ModerationAction.Kind.DELETE, recorded.get(0).kind());
  }

  @Test
  void anOperatorDeletesAChannelTheyAreIn() {
    Channel den = den();
    server.promote(carol, "test");
    clearAll();

    server.deleteChannel(carol, "#den", null);

    assertNull(server.channel("#den"));
    assertFalse(den.contains(alice));
    assertEquals(
        List.of(
            new ModerationAction(T0, ModerationAction.Kind.DELETE, "carol", null, "#den", null)),
        recorded);
  }

  @Test
  void aDeletedRegisteredChannelIsGoneAfterARestart() throws Exception {
    den();
    server.grant(alice, "bob");
    server.setTopic(alice, "soon gone");

    server.deleteChannel(alice, null, null);

    User dave = server.connect("dave", "d", new Inbox());
    Channel fresh = server.join(dave, "#den");
    assertFalse(fresh.isRegistered());
    assertEquals(ChannelRole.MAIN_ADMIN, fresh.roleOf(dave));
    assertNull(fresh.topic());
    restart();
    assertNull(server.channel("#den"));
    assertEquals(List.of(), server.channels());
    User alice2 = login("alice", ALICE_PW, new Inbox());
    Channel again = server.join(alice2, "#den");
    assertFalse(again.isRegistered());
    // and it may be registered anew
    server.registerChannel(alice2, null);
    assertTrue(again.isRegistered());
    restart();
    assertEquals(Set.of(), server.channel("#den").adminAccounts());
    assertNull(server.channel("#den").topic());
  }
}
