package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit (issue 13, item 7): changes that wait for the store while another group is being
 * written are handed to it together, in the order they were made, in one call (one transaction);
 * one that cannot be stored is undone and refused alone, the others are kept and told, in order.
 */
class GroupCommitTest {
  private static final String NOT_STORED =
      "The channel database is not answering; nothing was changed. Try again later.";

  private final ChannelRegistry registry = mock(ChannelRegistry.class);
  private final BanList banList = mock(BanList.class);
  private final List<Integer> groups = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstWriting = new CountDownLatch(1);
  private final CountDownLatch releaseFirst = new CountDownLatch(1);

  /** Records each group's size; the first group waits until released, as on a slow disk. */
  private final Commits commits =
      changes -> {
        groups.add(changes.size());
        if (groups.size() == 1) {
          firstWriting.countDown();
          try {
            assertTrue(releaseFirst.await(10, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
        return Commits.ONE_BY_ONE.together(changes);
      };

  private final ChatServer server =
      ChatTestSupport.server(
          ChatPorts.none(Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC))
              .withRegistry(registry)
              .withBans(banList)
              .withCommits(commits));
  private final Inbox watching = new Inbox();
  private final User eve = server.connect("eve", "e", watching);
  private final List<User> founders = new ArrayList<>();
  private final List<Channel> channels = new ArrayList<>();
  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** #c1 to #c4, registered, each to its own founder; eve is in all four. */
  private void fourRegisteredChannels() {
    for (int i = 1; i <= 4; i++) {
      User founder = server.connect("founder" + i, "f" + i, new Inbox());
      founder.setAccount("founder" + i);
      Channel channel = server.join(founder, "#c" + i);
      channel.register("founder" + i, Set.of());
      server.join(eve, "#c" + i);
      founders.add(founder);
      channels.add(channel);
    }
    watching.clear();
  }

  private Future<?> setTopic(int i) {
    return threads.submit(() -> server.setTopic(founders.get(i - 1), "topic " + i));
  }

  /** Waits until change {@code i} is made in memory, so queued: it queues under the same lock. */
  private void madeInMemory(int i) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (channels.get(i - 1).topic() == null) {
      assertTrue(System.nanoTime() < until, "change " + i + " was made");
      Thread.sleep(1);
    }
    server.join(eve, "#c" + i); // takes the lock once more: the change has queued and let it go
  }

  /** What eve was told of topics (joining again tells her she is in already). */
  private List<String> topics() {
    return watching.texts().stream().filter(t -> t.contains("set the topic")).toList();
  }

  @Test
  void changesWaitingForTheStoreAreCommittedTogetherAndOneThatFailsIsUndoneAlone()
      throws Exception {
    fourRegisteredChannels();
    doThrow(new ChatException(NOT_STORED)).when(registry).setTopic(eq("#c3"), any());

    Future<?> first = setTopic(1);
    assertTrue(firstWriting.await(10, TimeUnit.SECONDS), "the first group is being written");
    Future<?> second = setTopic(2);
    madeInMemory(2);
    Future<?> third = setTopic(3);
    madeInMemory(3);
    Future<?> fourth = setTopic(4);
    madeInMemory(4);
    assertEquals(List.of(), topics(), "nobody is told before their change is stored");

    releaseFirst.countDown();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
    fourth.get(10, TimeUnit.SECONDS);
    Exception refused = assertThrows(Exception.class, () -> third.get(10, TimeUnit.SECONDS));

    assertEquals(List.of(1, 3), groups, "the three that waited went to the store in one group");
    assertEquals(NOT_STORED, refused.getCause().getMessage());
    assertNull(channels.get(2).topic(), "the change that failed is undone");
    assertEquals("topic 2", channels.get(1).topic().text(), "the others are kept");
    assertEquals("topic 4", channels.get(3).topic().text());
    assertEquals(
        List.of(
            "founder1 set the topic of #c1: topic 1",
            "founder2 set the topic of #c2: topic 2",
            "founder4 set the topic of #c4: topic 4"),
        topics(),
        "told in the order they were made, nothing of the one undone");
  }

  @Test
  void aChangeWithNothingToWriteWaitsBehindTheChangesBeforeIt() throws Exception {
    fourRegisteredChannels();
    User visitor = server.connect("visitor", "v", new Inbox());
    server.join(visitor, "#open"); // not registered: its topic writes nothing
    server.join(eve, "#open");
    watching.clear();

    Future<?> first = setTopic(1);
    assertTrue(firstWriting.await(10, TimeUnit.SECONDS));
    Future<?> unwritten = threads.submit(() -> server.setTopic(visitor, "said at once?"));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.channel("#open").topic() == null) {
      assertTrue(System.nanoTime() < until);
      Thread.sleep(1);
    }
    server.join(eve, "#open"); // through the lock once more: told at once, it would be by now
    assertEquals(List.of(), topics(), "not told before the change made before it");

    releaseFirst.countDown();
    first.get(10, TimeUnit.SECONDS);
    unwritten.get(10, TimeUnit.SECONDS);
    assertEquals(
        List.of(
            "founder1 set the topic of #c1: topic 1",
            "visitor set the topic of #open: said at once?"),
        topics());
  }

  @Test
  void aBanWrittenUnderTheLockWaitsForTheChangesQueuedBeforeIt() throws Exception {
    fourRegisteredChannels();
    List<String> stored = Collections.synchronizedList(new ArrayList<>());
    doAnswer(call -> stored.add("topic of " + call.getArgument(0)))
        .when(registry)
        .setTopic(any(), any());
    doAnswer(call -> stored.add("ban")).when(banList).add(any());

    Future<?> first = setTopic(1);
    assertTrue(firstWriting.await(10, TimeUnit.SECONDS));
    Future<?> second = setTopic(2);
    madeInMemory(2);
    Future<?> ban =
        threads.submit(
            () ->
                server.ban(founders.get(0), null, "someone", java.time.Duration.ofHours(1), null));
    releaseFirst.countDown();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
    ban.get(10, TimeUnit.SECONDS);

    assertEquals(
        List.of("topic of #c1", "topic of #c2", "ban"), stored, "stored in the order made");
  }
}
