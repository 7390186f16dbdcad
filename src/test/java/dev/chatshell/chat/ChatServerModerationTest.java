package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.auth.PasswordHash;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The moderation actions of the chat domain: kick, grant, revoke, rename, kill, oper and promote,
 * what everyone concerned is told, and what the moderation listener is given.
 */
class ChatServerModerationTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
  private static final String ROOT_PASSWORD = "correct horse";
  private static final String ROOT_HASH = PasswordHash.hash(ROOT_PASSWORD.toCharArray());

  private final List<ModerationAction> recorded = new ArrayList<>();
  private final ChatServer server =
      ChatTestSupport.server(
          ChatPorts.none(Clock.fixed(T0, ZoneOffset.UTC))
              .withOperators(ChatTestSupport.credentials(Map.of("root", ROOT_HASH)))
              .withModeration(recorded::add));
  private final Inbox aliceInbox = new Inbox();
  private final Inbox bobInbox = new Inbox();
  private final Inbox carolInbox = new Inbox();
  private final Inbox daveInbox = new Inbox();
  private final Inbox oscarInbox = new Inbox();
  private final User alice = server.connect("alice", "a", aliceInbox);
  private final User bob = server.connect("bob", "b", bobInbox);
  private final User carol = server.connect("carol", "c", carolInbox);
  private final User dave = server.connect("dave", "d", daveInbox);
  private final User oscar = server.connect("oscar", "o", oscarInbox);

  private void clearAll() {
    List.of(aliceInbox, bobInbox, carolInbox, daveInbox, oscarInbox).forEach(Inbox::clear);
    recorded.clear();
  }

  private User operator() {
    server.promote(oscar, "test");
    return oscar;
  }

  private static ChannelNotice notice(String channel, String text) {
    return new ChannelNotice(T0, channel, text);
  }

  // ---- kick ----

  @Test
  void aKickedUserIsToldWhoAndWhyAndTheChannelIsTold() {
    Channel x = server.join(alice, "#x");
    server.join(bob, "#x");
    server.join(carol, "#x");
    clearAll();

    server.kick(alice, "bob", "spamming links");

    assertFalse(x.contains(bob));
    assertEquals(List.of(), bob.channels());
    assertNull(bob.current());
    assertEquals(
        List.of(
            notice(
                "#x",
                "You were kicked from #x by alice (spamming links). You may /JOIN it again.")),
        bobInbox.events());
    ChannelNotice told = notice("#x", "bob was kicked from #x by alice (spamming links)");
    assertEquals(List.of(told), aliceInbox.events());
    assertEquals(List.of(told), carolInbox.events());
    assertEquals(List.of(), daveInbox.events());
    assertEquals("~alice carol", ChatServer.whoLine(x));
    assertEquals(
        List.of(
            new ModerationAction(
                T0, ModerationAction.Kind.KICK, "alice", "bob", "#x", "spamming links")),
        recorded);
  }

  @Test
  void aKickWithoutAReasonSaysNone() {
    server.join(alice, "#x");
    server.join(bob, "#x");
    clearAll();

    server.kick(alice, "BOB", "  ");

    assertEquals(
        List.of(notice("#x", "You were kicked from #x by alice. You may /JOIN it again.")),
        bobInbox.events());
    assertEquals(List.of(notice("#x", "bob was kicked from #x by alice")), aliceInbox.events());
    assertEquals(
        List.of(new ModerationAction(T0, ModerationAction.Kind.KICK, "alice", "bob", "#x", null)),
        recorded);
  }

  @Test
  void aKickedUserMayJoinAgainAsAMember() {
    Channel x = server.join(alice, "#x");
    server.join(bob, "#x");
    server.grant(alice, "bob");
    server.kick(alice, "bob", null);

    Channel again = server.join(bob, "#x");

    assertSame(x, again);
    assertEquals(ChannelRole.MEMBER, x.roleOf(bob));
    assertSame(x, bob.current());
  }

  @Test
  void aKickedUsersCurrentChannelBecomesAnotherOfTheirs() {
    Channel y = server.join(bob, "#y");
    Channel x = server.join(alice, "#x");
    server.join(bob, "#x");

    server.kick(alice, "bob", null);

    assertEquals(List.of(y), bob.channels());
    assertSame(y, bob.current());
    assertTrue(x.contains(alice));
  }

  @Test
  void theReasonIsMadeSafeBeforeAnyoneSeesIt() {
    server.join(alice, "#x");
    server.join(bob, "#x");
    clearAll();

    server.kick(alice, "bob", "bye\u001b[2J\tnow");

    assertEquals(
        List.of("You were kicked from #x by alice (bye^[[2J now). You may /JOIN it again."),
        bobInbox.texts());
    assertEquals("bye^[[2J now", recorded.get(0).reason());
  }

  @Test
  void nobodyKicksThemselvesNotEvenAnOperator() {
    Channel x = server.join(alice, "#x");
    server.join(oscar, "#x");
    operator();
    clearAll();

    ChatException own = assertThrows(ChatException.class, () -> server.kick(alice, "alice", null));
    ChatException oper = assertThrows(ChatException.class, () -> server.kick(oscar, "Oscar", null));

    assertEquals("You cannot kick yourself; /LEAVE #x instead.", own.getMessage());
    assertTrue(oper.getMessage().contains("/LEAVE"), oper.getMessage());
    assertEquals("~alice oscar", ChatServer.whoLine(x));
    assertEquals(List.of(), recorded);
    assertEquals(List.of(), aliceInbox.events());
    assertEquals(List.of(), oscarInbox.events());
  }

  @Test
  void onlyAnOperatorKicksTheMainAdmin() {
    Channel x = server.join(alice, "#x");
    server.join(bob, "#x");
    server.grant(alice, "bob");
    clearAll();

    ChatException refused = assertThrows(ChatException.class, () -> server.kick(bob, "alice", ""));

    assertEquals(
        "Nobody but a server operator can kick the main admin (~) of #x.", refused.getMessage());
    assertEquals("~alice @bob", ChatServer.whoLine(x));
    assertEquals(List.of(), recorded);
  }

  @Test
  void aSecondaryAdminKicksMembersButNotOtherAdmins() {
    Channel x = server.join(alice, "#x");
    server.join(bob, "#x");
    server.join(carol, "#x");
    server.join(dave, "#x");
    server.grant(alice, "bob");
    server.grant(alice, "carol");
    clearAll();

    ChatException refused = assertThrows(ChatException.class, () -> server.kick(bob, "carol", ""));
    server.kick(bob, "dave", "");

    assertEquals("Only the main admin of #x can kick a secondary admin (@).", refused.getMessage());
    assertEquals("~alice @bob @carol", ChatServer.whoLine(x));
    assertEquals(1, recorded.size());
  }

  @Test
  void aUserNotInTheChannelCannotBeKickedFromIt() {
    Channel x = server.join(alice, "#x");
    server.join(bob, "#elsewhere");
    clearAll();

    ChatException refused = assertThrows(ChatException.class, () -> server.kick(alice, "bob", ""));
    ChatException gone = assertThrows(ChatException.class, () -> server.kick(alice, "zed", ""));

    assertEquals("bob is not in #x.", refused.getMessage());
    assertEquals("No user called zed is online.", gone.getMessage());
    assertEquals(1, x.size());
    assertEquals(List.of(), bobInbox.events());
    assertEquals(List.of(), recorded);
  }

  @Test
  void anOperatorKickingTheMainAdminHandsTheChannelToTheLongestStandingSecondaryAdmin() {
    Channel x = server.join(alice, "#x");
    server.join(bob, "#x"); // a member, longest-standing of all
    server.join(carol, "#x");
    server.join(dave, "#x");
    server.join(oscar, "#x");
    server.grant(alice, "dave"); // granted first, but joined after carol
    server.grant(alice, "carol");
    operator();
    clearAll();

    server.kick(oscar, "alice", "abandoned");

    assertEquals("bob ~carol @dave oscar", ChatServer.whoLine(x)); // join order
    List<ChannelNotice> expected =
        List.of(
            notice("#x", "alice was kicked from #x by oscar (abandoned)"),
            notice("#x", "carol is now main admin (~) of #x, taking over from alice."));
    for (Inbox inbox : List.of(bobInbox, carolInbox, daveInbox, oscarInbox)) {
      assertEquals(expected, inbox.events());
    }
    assertEquals(
        List.of(
            notice("#x", "You were kicked from #x by oscar (abandoned). You may /JOIN it again.")),
        aliceInbox.events());
    assertEquals(
        List.of(
            new ModerationAction(
                T0, ModerationAction.Kind.KICK, "oscar", "alice", "#x", "abandoned")),
        recorded);
  }

  @Test
  void withoutSecondaryAdminsTheLongestStandingMemberSucceeds() {
    Channel x = server.join(alice, "#x");
    server.join(oscar, "#x");
    server.join(carol, "#x");
    server.join(bob, "#x");
    operator();
    clearAll();

    server.kick(oscar, "alice", null);

    assertEquals("~oscar carol bob", ChatServer.whoLine(x));
    assertEquals(
        notice("#x", "oscar is now main admin (~) of #x, taking over from alice."),
        bobInbox.events().get(1));
  }

  // ---- grant and revoke ----

  @Test
  void grantAndRevokeAreAnnouncedToEveryMember() {
    Channel x = server.join(alice, "#x");
    server.join(bob, "#x");
    server.join(carol, "#x");
    server.join(dave, "#other");
    clearAll();

    server.grant(alice, "Bob");

    assertEquals(ChannelRole.SECONDARY_ADMIN, x.roleOf(bob));
    assertEquals("~alice @bob carol", ChatServer.whoLine(x));
    ChannelNotice granted = notice("#x", "alice made bob a secondary admin (@) of #x.");
    for (Inbox inbox : List.of(aliceInbox, bobInbox, carolInbox)) {
      assertEquals(List.of(granted), inbox.events());
    }
    assertEquals(List.of(), daveInbox.events());

    clearAll();
    server.revoke(alice, "bob");

    assertEquals(ChannelRole.MEMBER, x.roleOf(bob));
    assertEquals("~alice bob carol", ChatServer.whoLine(x));
    ChannelNotice revoked = notice("#x", "alice took back bob's secondary-admin rights in #x.");
    for (Inbox inbox : List.of(aliceInbox, bobInbox, carolInbox)) {
      assertEquals(List.of(revoked), inbox.events());
    }
    assertEquals(List.of(), daveInbox.events());
    assertEquals(
        List.of(new ModerationAction(T0, ModerationAction.Kind.REVOKE, "alice", "bob", "#x", null)),
        recorded);
  }

  @Test
  void grantIsRecorded() {
    server.join(alice, "#x");
    server.join(bob, "#x");
    recorded.clear();

    server.grant(alice, "bob");

    assertEquals(
        List.of(new ModerationAction(T0, ModerationAction.Kind.GRANT, "alice", "bob", "#x", null)),
        recorded);
  }

  @Test
  void grantAndRevokeRefusalsSayWhyAndChangeNothing() {
    Channel x = server.join(alice, "#x");
    server.join(bob, "#x");
    server.join(carol, "#x");
    server.grant(alice, "bob");
    clearAll();

    assertEquals(
        "bob is already a secondary admin of #x.",
        assertThrows(ChatException.class, () -> server.grant(alice, "bob")).getMessage());
    assertEquals(
        "alice is the main admin of #x.",
        assertThrows(ChatException.class, () -> server.grant(alice, "alice")).getMessage());
    assertEquals(
        "carol is not a secondary admin of #x.",
        assertThrows(ChatException.class, () -> server.revoke(alice, "carol")).getMessage());
    assertTrue(
        assertThrows(ChatException.class, () -> server.revoke(alice, "alice"))
            .getMessage()
            .startsWith("The main admin's rights cannot be revoked"));
    assertEquals(
        "Only the main admin of #x (or a server operator) can grant admin rights.",
        assertThrows(ChatException.class, () -> server.grant(bob, "carol")).getMessage());
    assertEquals(
        "Only the main admin of #x (or a server operator) can revoke admin rights.",
        assertThrows(ChatException.class, () -> server.revoke(bob, "bob")).getMessage());

    assertEquals("~alice @bob carol", ChatServer.whoLine(x));
    assertEquals(List.of(), recorded);
    assertEquals(List.of(), aliceInbox.events());
    assertEquals(List.of(), carolInbox.events());
  }

  @Test
  void anOperatorGrantsAndRevokesInAChannelTheyAreIn() {
    Channel x = server.join(alice, "#x");
    server.join(bob, "#x");
    server.join(oscar, "#x");
    operator();
    clearAll();

    server.grant(oscar, "bob");
    server.revoke(oscar, "bob");
    server.grant(oscar, "oscar");

    assertEquals("~alice bob @oscar", ChatServer.whoLine(x));
    assertEquals(
        List.of(
            ModerationAction.Kind.GRANT, ModerationAction.Kind.REVOKE, ModerationAction.Kind.GRANT),
        recorded.stream().map(ModerationAction::kind).toList());
    assertTrue(recorded.stream().allMatch(a -> a.actor().equals("oscar")));
  }

  // ---- rename ----

  @Test
  void renameKeepsMembersRolesAndEveryonesCurrentChannel() {
    Channel old = server.join(alice, "#old");
    server.join(bob, "#old");
    server.join(carol, "#old");
    Channel other = server.join(bob, "#other"); // bob's current channel is now #other
    server.grant(alice, "carol");
    List<Member> membersBefore = old.members();
    clearAll();

    Channel renamed = server.rename(alice, "#new");

    assertSame(old, renamed);
    assertEquals("#new", renamed.name());
    assertEquals(membersBefore, renamed.members());
    assertEquals("~alice bob @carol", ChatServer.whoLine(renamed));
    assertSame(renamed, alice.current());
    assertSame(renamed, carol.current());
    assertSame(other, bob.current());
    assertEquals(List.of(renamed, other), bob.channels());
    assertEquals(ChannelRole.MAIN_ADMIN, alice.currentRole());
    assertEquals(ChannelRole.SECONDARY_ADMIN, carol.currentRole());
    ChannelNotice told = notice("#new", "alice renamed #old to #new.");
    for (Inbox inbox : List.of(aliceInbox, bobInbox, carolInbox)) {
      assertEquals(List.of(told), inbox.events());
    }
    assertEquals(List.of(), daveInbox.events());
    assertEquals(
        List.of(
            new ModerationAction(T0, ModerationAction.Kind.RENAME, "alice", "#new", "#old", null)),
        recorded);
  }

  @Test
  void renameReKeysEveryLookup() {
    Channel old = server.join(alice, "#old");
    server.join(bob, "#zzz");

    server.rename(alice, "new"); // the '#' is added

    assertSame(old, server.channel("#new"));
    assertSame(old, server.channel("NEW"));
    assertNull(server.channel("#old"));
    assertEquals(List.of("#new", "#zzz"), server.channels().stream().map(Channel::name).toList());
    assertEquals(List.of(old), server.channelsStartingWith("#ne", 10));
    assertEquals(List.of(), server.channelsStartingWith("#ol", 10));
    assertSame(old, server.memberChannel(alice, "#new"));
    assertThrows(ChatException.class, () -> server.switchTo(alice, "#old"));

    // the old name is free again: joining it creates a new channel
    Channel fresh = server.join(carol, "#old");
    assertNotSame(old, fresh);
    assertEquals(ChannelRole.MAIN_ADMIN, fresh.roleOf(carol));
    assertEquals(1, old.size());
  }

  @Test
  void renameRefusesANameAnotherChannelHas() {
    Channel mine = server.join(alice, "#mine");
    Channel taken = server.join(bob, "#Taken");
    clearAll();

    ChatException refused = assertThrows(ChatException.class, () -> server.rename(alice, "#TAKEN"));

    assertEquals("#TAKEN already exists; choose another name.", refused.getMessage());
    assertEquals("#mine", mine.name());
    assertEquals("#Taken", taken.name());
    assertSame(mine, server.channel("#mine"));
    assertSame(taken, server.channel("#taken"));
    assertEquals(2, server.channels().size());
    assertEquals(List.of(), recorded);
    assertEquals(List.of(), aliceInbox.events());
  }

  @Test
  void renameMayChangeOnlyTheCase() {
    Channel x = server.join(alice, "#chat");
    server.join(bob, "#chat");
    recorded.clear();

    Channel renamed = server.rename(alice, "#Chat");

    assertSame(x, renamed);
    assertEquals("#Chat", x.name());
    assertSame(x, server.channel("#chat"));
    assertEquals(List.of("#Chat"), server.channels().stream().map(Channel::name).toList());
    assertEquals(ChannelRole.MAIN_ADMIN, x.roleOf(alice));
    assertEquals(ChannelRole.MEMBER, x.roleOf(bob));
    assertEquals(1, recorded.size());
    assertEquals("#Chat", recorded.get(0).target());
    assertEquals("#chat", recorded.get(0).channel());
  }

  @Test
  void renameToTheSameNameIsRefusedAndNotRecorded() {
    server.join(alice, "#chat");
    recorded.clear();

    ChatException refused = assertThrows(ChatException.class, () -> server.rename(alice, "chat"));

    assertEquals("The channel is already called #chat.", refused.getMessage());
    assertEquals(List.of(), recorded);
  }

  @Test
  void onlyTheMainAdminOrAnOperatorRenames() {
    Channel x = server.join(alice, "#x");
    server.join(bob, "#x");
    server.join(oscar, "#x");
    server.grant(alice, "bob");
    operator();
    recorded.clear();

    ChatException refused = assertThrows(ChatException.class, () -> server.rename(bob, "#y"));
    assertEquals(
        "Only the main admin of #x (or a server operator) can rename it.", refused.getMessage());
    assertEquals(List.of(), recorded);

    server.rename(oscar, "#y");

    assertEquals("#y", x.name());
    assertEquals("oscar", recorded.get(0).actor());
  }

  @Test
  void anInvalidNewNameIsRefused() {
    Channel x = server.join(alice, "#x");

    assertThrows(ChatException.class, () -> server.rename(alice, "#"));
    assertThrows(ChatException.class, () -> server.rename(alice, "#a,b"));
    assertThrows(ChatException.class, () -> server.rename(alice, "#bad\u001bname"));

    assertEquals("#x", x.name());
    assertSame(x, server.channel("#x"));
  }

  // ---- kill ----

  @Test
  void killLogsTheUserOutOfEveryChannelAndTellsEveryone() {
    Channel a = server.join(alice, "#a");
    server.join(bob, "#a");
    Channel b = server.join(bob, "#b"); // bob is main admin of #b
    server.join(carol, "#b");
    operator();
    clearAll();

    server.kill(oscar, "BOB", "flooding");

    assertEquals(
        List.of(new Disconnected(T0, "You were disconnected by server operator oscar (flooding).")),
        bobInbox.events());
    assertFalse(a.contains(bob));
    assertFalse(b.contains(bob));
    assertEquals(List.of(), bob.channels());
    assertFalse(server.nicks().contains("bob"));
    assertEquals(
        List.of(notice("#a", "bob was disconnected by oscar (flooding)")), aliceInbox.events());
    assertEquals(
        List.of(
            notice("#b", "bob was disconnected by oscar (flooding)"),
            notice("#b", "carol is now main admin (~) of #b, taking over from bob.")),
        carolInbox.events());
    assertEquals(List.of(), daveInbox.events());
    assertEquals(
        List.of(
            new ModerationAction(T0, ModerationAction.Kind.KILL, "oscar", "bob", null, "flooding")),
        recorded);

    // the nick is free again
    User again = server.connect("bob", "b2", new Inbox());
    assertNotSame(bob, again);
  }

  @Test
  void killReachesUsersInNoChannelAndNeedsNoReason() {
    operator();
    clearAll();

    server.kill(oscar, "dave", null);

    assertEquals(
        List.of(new Disconnected(T0, "You were disconnected by server operator oscar.")),
        daveInbox.events());
    assertEquals(List.of("alice", "bob", "carol", "oscar"), server.nicks());
    assertNull(recorded.get(0).reason());
  }

  @Test
  void killIsForOperatorsAndNotOnThemselves() {
    server.join(alice, "#a");
    server.join(bob, "#a");
    operator();
    clearAll();

    ChatException notOperator =
        assertThrows(ChatException.class, () -> server.kill(alice, "bob", null));
    ChatException self = assertThrows(ChatException.class, () -> server.kill(oscar, "oscar", null));
    ChatException nobody = assertThrows(ChatException.class, () -> server.kill(oscar, "zed", null));

    assertEquals("Only server operators can disconnect users.", notOperator.getMessage());
    assertEquals("You cannot kill yourself; /BYE instead.", self.getMessage());
    assertEquals("No user called zed is online.", nobody.getMessage());
    assertEquals(5, server.userCount());
    assertEquals(List.of(), bobInbox.events());
    assertEquals(List.of(), recorded);
  }

  @Test
  void anOperatorKillsAnotherOperator() {
    operator();
    server.promote(dave, "other");
    clearAll();

    server.kill(oscar, "dave", "rogue");

    assertFalse(server.nicks().contains("dave"));
    assertEquals(1, daveInbox.ofType(Disconnected.class).size());
  }

  // ---- oper and promote ----

  @Test
  void operWithTheRightPasswordMakesAnOperator() {
    server.oper(bob, "root", ROOT_PASSWORD.toCharArray());

    assertTrue(bob.isOperator());
    assertEquals(
        List.of(
            new ServerNotice(
                T0, "You are now a server operator (root): you may act in any channel.")),
        bobInbox.events());
    assertEquals(
        List.of(new ModerationAction(T0, ModerationAction.Kind.OPER, "bob", "root", null, null)),
        recorded);
  }

  @Test
  void operWithAWrongPasswordIsRefusedAndRecorded() {
    ChatException refused =
        assertThrows(
            ChatException.class, () -> server.oper(bob, "root", "wrong horse".toCharArray()));

    assertEquals("Wrong operator name or password.", refused.getMessage());
    assertFalse(bob.isOperator());
    assertEquals(List.of(), bobInbox.events());
    assertEquals(
        List.of(
            new ModerationAction(
                T0,
                ModerationAction.Kind.OPER_REFUSED,
                "bob",
                "root",
                null,
                "wrong name or password")),
        recorded);
  }

  @Test
  void operWithAnUnknownNameIsRefusedTheSameWay() {
    ChatException refused =
        assertThrows(
            ChatException.class, () -> server.oper(bob, "nobody", ROOT_PASSWORD.toCharArray()));

    assertEquals("Wrong operator name or password.", refused.getMessage());
    assertFalse(bob.isOperator());
    assertEquals(1, recorded.size());
    assertEquals(ModerationAction.Kind.OPER_REFUSED, recorded.get(0).kind());
    assertEquals("nobody", recorded.get(0).target());
  }

  /**
   * The operator name of a refused /OPER is whatever the user typed (line-mode clients pass control
   * characters through). Like a kick reason, it must be made visible before it is recorded, so an
   * escape sequence never reaches the moderation log (and the terminal of whoever reads it) raw.
   */
  @Test
  void aRefusedOperNameIsRecordedWithItsControlCharactersMadeVisible() {
    assertThrows(
        ChatException.class,
        () -> server.oper(bob, "r\u001b]0;owned\u0007oot", "guess".toCharArray()));

    assertEquals(1, recorded.size());
    String target = recorded.get(0).target();
    assertTrue(
        target.chars().noneMatch(c -> c < 0x20 || c == 0x7F),
        "raw control characters in the recorded target: " + Text.visible(target));
    assertEquals("r^[]0;owned^Goot", target);
  }

  @Test
  void operIsRefusedToAnOperatorAndNotRecorded() {
    operator();
    clearAll();

    ChatException refused =
        assertThrows(
            ChatException.class, () -> server.oper(oscar, "root", ROOT_PASSWORD.toCharArray()));

    assertEquals("You are a server operator already.", refused.getMessage());
    assertTrue(oscar.isOperator());
    assertEquals(List.of(), recorded);
    assertEquals(List.of(), oscarInbox.events());
  }

  @Test
  void promoteMakesAnOperatorWithoutAPassword() {
    server.promote(carol, "console");

    assertTrue(carol.isOperator());
    assertFalse(bob.isOperator());
    assertEquals(
        List.of(
            new ServerNotice(
                T0, "You are now a server operator (console): you may act in any channel.")),
        carolInbox.events());
    assertEquals(
        List.of(
            new ModerationAction(T0, ModerationAction.Kind.OPER, "carol", "console", null, null)),
        recorded);
  }

  @Test
  void anOperatorActsOnlyInTheirCurrentChannel() {
    Channel x = server.join(alice, "#x");
    server.join(bob, "#x");
    server.join(oscar, "#elsewhere");
    operator();
    recorded.clear();

    ChatException refused = assertThrows(ChatException.class, () -> server.kick(oscar, "bob", ""));

    assertEquals("bob is not in #elsewhere.", refused.getMessage());
    assertTrue(x.contains(bob));
    assertEquals(List.of(), recorded);
  }

  @Test
  void anOperatorInNoChannelCannotKickGrantOrRename() {
    server.join(alice, "#x");
    server.join(bob, "#x");
    operator();
    recorded.clear();

    assertThrows(ChatException.class, () -> server.kick(oscar, "bob", ""));
    assertThrows(ChatException.class, () -> server.grant(oscar, "bob"));
    assertThrows(ChatException.class, () -> server.revoke(oscar, "bob"));
    assertThrows(ChatException.class, () -> server.rename(oscar, "#y"));
    assertEquals(List.of(), recorded);
  }

  // ---- notice ----

  @Test
  void noticeSpeaksForAUserInTheirCurrentChannelSafely() {
    server.join(alice, "#x");
    server.join(bob, "#x");
    clearAll();

    server.notice(bob, "bob rolls 6\u001b[31m");

    ChannelNotice said = notice("#x", "bob rolls 6^[[31m");
    assertEquals(List.of(said), aliceInbox.events());
    assertEquals(List.of(said), bobInbox.events());
    assertThrows(ChatException.class, () -> server.notice(carol, "nowhere"));
    assertEquals(List.of(), recorded);
  }

  // ---- the decoy hash ----

  /**
   * Unknown operator names are checked against a decoy hash "made on first use (it is slow on
   * purpose)". A static field holding a hash computed when the class loads would cost every server
   * start and every test JVM a full PBKDF2 run for nothing.
   */
  @Test
  void noPasswordHashIsComputedWhenTheClassLoads() throws IllegalAccessException {
    for (Field field : ChatServer.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        Object value = field.get(null);
        assertFalse(
            value instanceof String s && s.startsWith(PasswordHash.SCHEME + ":"),
            "ChatServer." + field.getName() + " is a hash computed at class load");
      }
    }
  }
}
