package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.testing.HandClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ways round bans, privacy and invitations that a review found, each closed: a nick change onto
 * a banned nick, a second terminal from a banned address, a private channel's lines in someone's
 * missed mentions, an /ACCEPT pulling in whoever took the nick, a founder or an operator locked out
 * of a channel, a reason of any length.
 */
class ChatServerEvasionTest extends StoredChat {
  ChatServerEvasionTest() {
    super(new HandClock(T0), Kept.BANS, Kept.HISTORY);
  }

  @Test
  void aNickChangeOntoANickBannedFromTheServerIsRefused() {
    User oscar = server.connect("oscar", "198.51.100.1", new Inbox());
    server.promote(oscar, "test");
    server.join(oscar, "#ops");
    server.ban(oscar, "*", "troll", null, "trolling");
    User sneaky = server.connect("nice", "203.0.113.5", new Inbox());

    ChatException refused =
        assertThrows(ChatException.class, () -> server.changeNick(sneaky, "troll"));
    assertTrue(refused.getMessage().contains("banned from this server"), refused.getMessage());
    assertEquals("nice", sneaky.nick());
  }

  @Test
  void aMemberCannotTakeANickBannedFromTheirChannel() {
    User alice = server.connect("alice", "192.0.2.1", new Inbox());
    User bob = server.connect("bob", "10.1.2.3", new Inbox());
    server.join(alice, "#c");
    server.join(bob, "#c");
    server.ban(alice, null, "spammer", null, null);

    assertThrows(ChatException.class, () -> server.changeNick(bob, "spammer"));
    assertEquals("bob", bob.nick());
  }

  @Test
  void aSecondTerminalFromAnAddressBannedFromTheUsersChannelIsRefused() {
    registered("alice", ALICE_PW);
    User bob = server.connect("bob", "10.1.2.3", new Inbox());
    server.join(bob, "#c");
    User alice = server.login("alice", pw(ALICE_PW), "192.0.2.1", new Inbox());
    server.join(alice, "#c");
    server.ban(bob, null, "203.0.113.0/24", null, "that network");

    ChatException refused =
        assertThrows(
            ChatException.class,
            () -> server.login("alice", pw(ALICE_PW), "203.0.113.7", new Inbox()));
    assertTrue(refused.getMessage().contains("banned from #c"), refused.getMessage());
    assertEquals(1, alice.sessions());
  }

  @Test
  void linesSaidInAPrivateChannelAreNeverMissedMentions() throws Exception {
    registered("alice", ALICE_PW);
    User bob = server.connect("bob", "10.1.2.3", new Inbox());
    server.join(bob, "#secret");
    server.setPrivate(bob, true);
    server.say(bob, "alice must never know about the party");
    server.join(bob, "#open");
    server.say(bob, "alice: lunch?");
    server.leave(bob, "#secret", null); // #secret disappears
    server.join(bob, "#secret"); // a new, open #secret

    Inbox inbox = new Inbox();
    login("alice", ALICE_PW, inbox);

    List<HistoryLines> missed = inbox.ofType(HistoryLines.class);
    assertEquals(1, missed.size(), inbox.texts().toString());
    assertEquals(
        List.of("alice: lunch?"),
        missed.get(0).entries().stream().map(HistoryEntry::text).toList());
  }

  @Test
  void anAcceptPullsInOnlyTheOneWhoAsked() {
    User alice = server.connect("alice", "192.0.2.1", new Inbox());
    Channel p = server.join(alice, "#p");
    server.setPrivate(alice, true);
    User bob = server.connect("bob", "10.1.2.3", new Inbox());
    assertNull(server.join(bob, "#p"));
    server.disconnect(bob, null);
    clock.advance(Duration.ofSeconds(5));
    User mallory = server.connect("bob", "203.0.113.66", new Inbox()); // took the nick since

    server.accept(alice, "bob");

    assertFalse(p.contains(mallory), "not pulled in: maybe not the one who asked");
  }

  @Test
  void anInvitationMadeForAnAccountIsNotForWhoeverTakesItsOldNick() {
    registered("erin", "erin-secret");
    User alice = server.connect("alice", "192.0.2.1", new Inbox());
    Channel p = server.join(alice, "#p");
    server.setPrivate(alice, true);
    User erin = login("erin", "erin-secret", new Inbox());
    server.changeNick(erin, "erin_away");
    server.invite(alice, "erin_away"); // for her account
    User other = server.connect("someone", "203.0.113.9", new Inbox());
    server.changeNick(erin, "erin_back");
    server.changeNick(other, "erin_away");

    assertNull(server.join(other, "#p"), "the nick alone does not carry the invitation");
    assertNotNull(server.join(erin, "#p"));
    assertTrue(p.contains(erin));
  }

  @Test
  void noChannelBanKeepsOutTheFounderOrAnOperator() {
    registered("alice", ALICE_PW);
    User alice = server.login("alice", pw(ALICE_PW), "192.0.2.1", new Inbox());
    server.join(alice, "#c");
    server.registerChannel(alice, null);
    registered("bob", BOB_PW);
    User bob = server.login("bob", pw(BOB_PW), "10.1.2.3", new Inbox());
    server.join(bob, "#c");
    server.grant(alice, "bob");
    server.leave(alice, null, null);
    server.ban(bob, null, "192.0.0.0/8", null, "that range"); // while the founder is away

    assertNotNull(server.join(alice, "#c"), "the founder still gets in");
    User oscar = server.connect("oscar", "192.0.2.77", new Inbox()); // in the banned range
    server.promote(oscar, "test");
    assertNotNull(server.join(oscar, "#c"), "so does an operator");
  }

  @Test
  void aBanReasonHasALimit() {
    User alice = server.connect("alice", "192.0.2.1", new Inbox());
    server.join(alice, "#c");
    String essay = "x".repeat(ChatServer.MAX_REASON_LENGTH + 1);
    assertThrows(ChatException.class, () -> server.ban(alice, null, "bob", null, essay));
    server.ban(alice, null, "bob", null, "x".repeat(ChatServer.MAX_REASON_LENGTH));
  }

  @Test
  void aChannelHoldsABoundedNumberOfBans() {
    User alice = server.connect("alice", "192.0.2.1", new Inbox());
    server.join(alice, "#c");
    for (int i = 0; i < ChatServer.MAX_CHANNEL_BANS; i++) {
      server.ban(alice, null, "10.0." + (i / 256) + "." + (i % 256), null, null);
    }
    ChatException full =
        assertThrows(ChatException.class, () -> server.ban(alice, null, "10.9.9.9", null, null));
    assertTrue(full.getMessage().contains("the most allowed"), full.getMessage());
    server.ban(alice, null, "10.0.0.0", Duration.ofHours(1), "again"); // replacing one is fine
  }
}
