package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A change whose store write fails is taken back whole, and leaves the world as the rules want it
 * (issue 13, review of the stored-first changes): a join that uses an invitation is undone with the
 * invitation, a registration undone after its founder left leaves a main admin, and answering a
 * request with an invitation is one write, so neither half is kept alone.
 */
class WholeUndoTest extends StoreFailureFixture {
  /** #p: private, registered to alice's account, alice alone in it. */
  private Channel privateChannel() {
    alice.setAccount("alice");
    Channel channel = server.join(alice, "#p");
    channel.register("alice", Set.of());
    server.setPrivate(alice, true);
    return channel;
  }

  private void clearInboxes() {
    aliceInbox.clear();
    bobInbox.clear();
    carolInbox.clear();
  }

  private static boolean isInvitationFor(JoinRequest request, String nick) {
    return request.kind() == JoinRequest.Kind.INVITATION && request.nick().equals(nick);
  }

  @Test
  void aJoinWhoseInvitationCannotBeUsedUpLeavesTheUserWhereTheyWere() {
    Channel channel = privateChannel();
    server.invite(alice, "bob");
    Channel lobby = server.join(bob, "#lobby");
    clearInboxes();
    doThrow(new ChatException(NOT_STORED)).when(registry).removeRequest(anyString(), any());

    ChatException refused = assertThrows(ChatException.class, () -> server.join(bob, "#p"));

    assertEquals(NOT_STORED, refused.getMessage());
    assertFalse(channel.contains(bob), "bob is not in #p");
    assertEquals(List.of(lobby), bob.channels());
    assertSame(lobby, bob.current());
    assertEquals(1, channel.requests().size(), channel.requests().toString());
    assertTrue(isInvitationFor(channel.requests().getFirst(), "bob"), "the invitation waits");
    assertEquals(List.of(), aliceInbox.texts());
    assertEquals(List.of(), bobInbox.texts());
  }

  @Test
  void anAcceptedRequesterWhoseInvitationCannotBeUsedUpIsToldItWaits() {
    Channel channel = privateChannel();
    server.join(bob, "#p"); // files a request
    clearInboxes();
    doThrow(new ChatException(NOT_STORED))
        .when(registry)
        .removeRequest(anyString(), argThat(r -> r.kind() == JoinRequest.Kind.INVITATION));

    server.accept(alice, "bob"); // the answer is stored; letting bob in is not

    assertFalse(channel.contains(bob), "bob is not in #p");
    assertEquals(List.of(), bob.channels());
    assertNull(bob.current());
    assertEquals(1, channel.requests().size(), channel.requests().toString());
    assertTrue(isInvitationFor(channel.requests().getFirst(), "bob"), "the invitation waits");
    assertEquals(List.of("You are invited to #p (" + NOT_STORED + ")"), bobInbox.texts());
  }

  @Test
  void aRegistrationUndoneAfterItsFounderLeftLeavesTheChannelAMainAdmin() throws Exception {
    alice.setAccount("alice");
    Channel channel = server.join(alice, "#r");
    server.join(bob, "#r");
    server.join(carol, "#r");
    clearInboxes();
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    doAnswer(
            call -> {
              writing.countDown();
              assertTrue(release.await(10, TimeUnit.SECONDS));
              throw new ChatException(NOT_STORED);
            })
        .when(registry)
        .register(any(), any());

    Future<?> registering = other.submit(() -> server.registerChannel(alice, null));
    assertTrue(writing.await(10, TimeUnit.SECONDS), "the write started");
    server.leave(alice, "#r", null); // registered in memory meanwhile: nobody succeeds her yet
    release.countDown();

    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> registering.get(10, TimeUnit.SECONDS));
    assertEquals(NOT_STORED, failed.getCause().getMessage());
    assertFalse(channel.isRegistered());
    assertSame(channel, server.channel("#r"));
    assertEquals(ChannelRole.MAIN_ADMIN, channel.roleOf(bob), "the longest-standing member");
    assertEquals(ChannelRole.MEMBER, channel.roleOf(carol));
    String succession = "bob is now main admin (~) of #r, taking over from alice.";
    assertTrue(carolInbox.texts().contains(succession), carolInbox.texts().toString());
  }

  @Test
  void anAcceptWhoseInvitationCannotBeStoredKeepsTheRequestAndStoresNothing() {
    Channel channel = privateChannel();
    server.join(bob, "#p"); // files a request
    List<JoinRequest> waiting = channel.requests();
    clearInboxes();
    doThrow(new ChatException(NOT_STORED)).when(registry).addRequest(anyString(), any());
    doThrow(new ChatException(NOT_STORED)).when(registry).replaceRequest(anyString(), any(), any());

    ChatException refused = assertThrows(ChatException.class, () -> server.accept(alice, "bob"));

    assertEquals(NOT_STORED, refused.getMessage());
    verify(registry, never()).removeRequest(anyString(), any()); // no half of it is stored
    assertEquals(waiting, channel.requests());
    assertFalse(channel.contains(bob));
    assertEquals(List.of(), bobInbox.texts());
    assertEquals(List.of(), aliceInbox.texts());
  }

  @Test
  void anInvitationAnsweringARequestThatCannotBeStoredKeepsTheRequestAndStoresNothing() {
    Channel channel = privateChannel();
    server.join(bob, "#p"); // files a request
    List<JoinRequest> waiting = channel.requests();
    clearInboxes();
    doThrow(new ChatException(NOT_STORED)).when(registry).addRequest(anyString(), any());
    doThrow(new ChatException(NOT_STORED)).when(registry).replaceRequest(anyString(), any(), any());

    ChatException refused = assertThrows(ChatException.class, () -> server.invite(alice, "bob"));

    assertEquals(NOT_STORED, refused.getMessage());
    verify(registry, never()).removeRequest(anyString(), any()); // no half of it is stored
    assertEquals(waiting, channel.requests());
    assertEquals(List.of(), bobInbox.texts());
    assertEquals(List.of(), aliceInbox.texts());
  }
}
