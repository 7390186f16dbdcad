package dev.chatshell.chat;

import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;

/**
 * Three users on a domain whose channel registry is a Mockito mock, so a test can make a write fail
 * or wait; and a thread for a change that must run while the test goes on.
 */
abstract class StoreFailureFixture {
  static final String NOT_STORED =
      "The channel database is not answering; nothing was changed. Try again later.";

  final ChannelRegistry registry = mock(ChannelRegistry.class);
  final ChatServer server =
      ChatTestSupport.server(
          ChatPorts.none(Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC))
              .withRegistry(registry));
  final Inbox aliceInbox = new Inbox();
  final Inbox bobInbox = new Inbox();
  final Inbox carolInbox = new Inbox();
  final User alice = server.connect("alice", "a", aliceInbox);
  final User bob = server.connect("bob", "b", bobInbox);
  final User carol = server.connect("carol", "c", carolInbox);
  final ExecutorService other = Executors.newSingleThreadExecutor();

  @AfterEach
  final void stopTheOtherThread() {
    other.shutdownNow();
  }
}
