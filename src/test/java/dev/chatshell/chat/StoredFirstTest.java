package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No disk under the domain's lock (issue 13, item 7): a change that writes to a store is decided
 * under the lock, written with the lock released, and told only once stored; other users' joins,
 * nick changes and kicks go on meanwhile. A write that fails leaves the world as it was, tells
 * nobody, and gives the actor the store's refusal.
 */
class StoredFirstTest extends StoreFailureFixture {
  /** #c, registered to alice's account, with bob and carol in it. */
  private Channel registered() {
    alice.setAccount("alice");
    bob.setAccount("bob");
    Channel channel = server.join(alice, "#c");
    channel.register("alice", Set.of());
    server.join(bob, "#c");
    server.join(carol, "#c");
    aliceInbox.clear();
    bobInbox.clear();
    carolInbox.clear();
    return channel;
  }

  /**
   * Alice sets the topic of #c on another thread, and the registry's write of it waits for {@code
   * release}; returns once that write has started, with the lock free.
   */
  private Future<?> topicWrittenSlowly(String topic, CountDownLatch release) throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    doAnswer(
            call -> {
              writing.countDown();
              assertTrue(release.await(10, TimeUnit.SECONDS));
              return null;
            })
        .when(registry)
        .setTopic(anyString(), any());
    Future<?> setting = other.submit(() -> server.setTopic(alice, topic));
    assertTrue(writing.await(10, TimeUnit.SECONDS), "the write started");
    return setting;
  }

  @Test
  void othersJoinChangeNickAndKickWhileATopicIsBeingStored() throws Exception {
    Channel channel = registered();
    CountDownLatch release = new CountDownLatch(1);

    Future<?> setting = topicWrittenSlowly("slow disk", release);

    // The lock is free while the topic is written: none of these waits for the disk.
    User dave = server.connect("dave", "d", new Inbox());
    server.join(dave, "#elsewhere");
    server.changeNick(dave, "david");
    server.join(dave, "#c");
    server.kick(alice, "david", null);
    assertFalse(
        bobInbox.texts().stream().anyMatch(t -> t.contains("set the topic")),
        "nobody is told before the topic is stored: " + bobInbox.texts());

    release.countDown();
    setting.get(10, TimeUnit.SECONDS);
    assertTrue(
        bobInbox.texts().contains("alice set the topic of #c: slow disk"),
        bobInbox.texts().toString());
    assertEquals("slow disk", channel.topic().text());
  }

  @Test
  void whatOthersDoWhileAChangeIsStoredIsToldAfterItInTheOrderMade() throws Exception {
    Channel channel = registered();
    CountDownLatch release = new CountDownLatch(1);
    Future<?> setting = topicWrittenSlowly("slow disk", release);

    // Dave's join returns at once, but what it tells waits for the topic it shows to be stored.
    Inbox daveInbox = new Inbox();
    User dave = server.connect("dave", "d", daveInbox);
    server.join(dave, "#c");
    assertTrue(channel.contains(dave));
    assertEquals(java.util.List.of(), daveInbox.texts(), "nothing told before the topic is stored");
    assertEquals(java.util.List.of(), bobInbox.texts());

    release.countDown();
    setting.get(10, TimeUnit.SECONDS);
    assertEquals(
        java.util.List.of("alice set the topic of #c: slow disk", "dave has joined #c"),
        bobInbox.texts(),
        "told in the order the changes were made");
    assertTrue(
        daveInbox.texts().stream().anyMatch(t -> t.contains("slow disk")),
        daveInbox.texts().toString());
  }

  @Test
  void aTopicThatCannotBeStoredIsNotSetAndNobodyIsTold() {
    Channel channel = registered();
    server.setTopic(alice, "before");
    bobInbox.clear();
    doThrow(new ChatException(NOT_STORED)).when(registry).setTopic(anyString(), any());

    ChatException refused =
        assertThrows(ChatException.class, () -> server.setTopic(alice, "after"));

    assertEquals(NOT_STORED, refused.getMessage());
    assertEquals("before", channel.topic().text());
    assertEquals(java.util.List.of(), bobInbox.texts());
  }

  @Test
  void aGrantThatCannotBeStoredLeavesRoleAndKeptAdminsAsTheyWere() {
    Channel channel = registered();
    doThrow(new ChatException(NOT_STORED)).when(registry).addAdmin(anyString(), anyString());

    ChatException refused = assertThrows(ChatException.class, () -> server.grant(alice, "bob"));

    assertEquals(NOT_STORED, refused.getMessage());
    assertEquals(ChannelRole.MEMBER, channel.roleOf(bob));
    assertEquals(Set.of(), channel.adminAccounts());
    assertEquals(java.util.List.of(), bobInbox.texts());
    assertEquals(java.util.List.of(), carolInbox.texts());
  }

  @Test
  void makingPrivateThatCannotBeStoredLeavesTheChannelOpen() {
    Channel channel = registered();
    doThrow(new ChatException(NOT_STORED))
        .when(registry)
        .setPrivate(anyString(), any(Boolean.class));

    assertThrows(ChatException.class, () -> server.setPrivate(alice, true));

    assertFalse(channel.isPrivate());
    assertEquals(java.util.List.of(), bobInbox.texts());
  }

  @Test
  void anInvitationThatCannotBeStoredIsNotKept() {
    Channel channel = registered();
    doThrow(new ChatException(NOT_STORED)).when(registry).addRequest(anyString(), any());

    assertThrows(ChatException.class, () -> server.invite(alice, "erin"));

    assertEquals(java.util.List.of(), channel.requests());
    assertEquals(java.util.List.of(), bobInbox.texts());
  }

  @Test
  void aChangeThatWritesNothingIsToldAtOnce() {
    server.join(alice, "#open");
    server.join(bob, "#open");
    bobInbox.clear();

    server.setTopic(alice, "no disk here");

    assertEquals(java.util.List.of("alice set the topic of #open: no disk here"), bobInbox.texts());
  }

  @Test
  void aChannelRegistrationThatCannotBeStoredLeavesItUnregistered() {
    alice.setAccount("alice");
    Channel channel = server.join(alice, "#new");
    server.join(bob, "#new");
    bobInbox.clear();
    doThrow(new ChatException(NOT_STORED)).when(registry).register(any(), any());

    ChatException refused =
        assertThrows(ChatException.class, () -> server.registerChannel(alice, null));

    assertEquals(NOT_STORED, refused.getMessage());
    assertFalse(channel.isRegistered());
    assertEquals(java.util.List.of(), bobInbox.texts());
    server.leave(alice, "#new", null);
    server.leave(bob, "#new", null);
    assertEquals(null, server.channel("#new"), "an unregistered channel goes with its last member");
  }

  @Test
  void aRequestToJoinARegisteredPrivateChannelIsToldToItsAdminsOnceStored() {
    Channel channel = registered();
    server.setPrivate(alice, true);
    aliceInbox.clear();
    User erin = server.connect("erin", "e", new Inbox());

    server.join(erin, "#c");

    org.mockito.Mockito.verify(registry).addRequest(org.mockito.ArgumentMatchers.eq("#c"), any());
    assertEquals(1, channel.requests().size());
    assertTrue(
        aliceInbox.texts().stream().anyMatch(t -> t.startsWith("erin asks to join #c")),
        aliceInbox.texts().toString());
  }
}
