package dev.chatshell.chat;

import dev.chatshell.testing.HandClock;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@link StoredChat} with three users online, their inboxes cleared: alice and bob logged in to
 * accounts of their own, carol without an account.
 */
abstract class ThreeUsersChat extends StoredChat {
  final Inbox aliceInbox = new Inbox();
  final Inbox bobInbox = new Inbox();
  final Inbox carolInbox = new Inbox();
  User alice; // account alice
  User bob; // account bob
  User carol; // no account

  ThreeUsersChat() {}

  ThreeUsersChat(HandClock clock, Kept... kept) {
    super(clock, kept);
  }

  @BeforeEach
  final void connectThreeUsers() {
    alice = server.connect("alice", "a", aliceInbox);
    server.register(alice, pw(ALICE_PW));
    bob = server.connect("bob", "b", bobInbox);
    server.register(bob, pw(BOB_PW));
    carol = server.connect("carol", "c", carolInbox);
    clearAll();
  }

  /** Empties the three inboxes and forgets the moderation actions recorded so far. */
  final void clearAll() {
    clear(aliceInbox, bobInbox, carolInbox);
  }
}
