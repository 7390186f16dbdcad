package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.builtin.BuiltinCommands;
import dev.chatshell.testing.LogCapture;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOError;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Sessions whose connection breaks (a write throws, as a socket does, or as JLine reports it: an
 * {@link IOError} around the socket error) end cleanly, with one short log line, leave the others
 * chatting, and a stream of them does not grow the log.
 */
class SessionDropLogTest {
  private static final ShellSettings SETTINGS = TestSettings.defaults();

  @Test
  void brokenCharacterModeConnectionsEachEndWithoutATraceAndTheirLinesAreLimited()
      throws Exception {
    ChatServer chat = ChatTestSupport.server(Clock.systemUTC(), 50);
    try (SessionManager manager =
            new SessionManager(chat, new CommandTable(BuiltinCommands.all()), SETTINGS);
        LogCapture log = new LogCapture()) {
      for (int i = 1; i <= 5; i++) {
        // A character-mode client that types its nickname, then whose connection breaks: the first
        // write of the welcome line, and every write after it, fails as JLine reports socket
        // errors.
        BreakingConnection connection =
            new BreakingConnection(
                "user" + i + "\n", "Welcome, ", new IOError(new SocketException("Broken pipe")));
        doReturn(new TerminalInfo(true, "xterm", 80, 24))
            .when(connection.connection)
            .awaitTerminal();
        Thread session = Thread.ofVirtual().start(() -> manager.handle(connection.connection));
        session.join(Duration.ofSeconds(10));
        assertFalse(session.isAlive(), "session " + i + " ended");
        assertTrue(connection.broke.get(), "its output did break");
        assertTrue(connection.connection.closed(), "and the connection was closed");
      }
      assertEquals(0, chat.userCount(), "everyone was let go");
      List<String> drops = log.lines("Dropping");
      assertEquals(1, drops.size(), "one line for five drops of one kind: " + log.text());
      assertTrue(drops.get(0).contains("[WARN]"), drops.get(0));
      assertTrue(
          drops.get(0).endsWith("connection lost (java.net.SocketException: Broken pipe)"),
          drops.get(0));
      assertFalse(log.text().contains("\tat "), "no stack trace: " + log.text());
      assertFalse(log.text().contains("IOError"), "the socket error, not JLine's wrapper");
    }
  }

  @Test
  void aConnectionWhoseWriteThrowsEndsItsOwnSessionAndNobodyElses() throws Exception {
    ChatServer chat = ChatTestSupport.server(Clock.systemUTC(), 50);
    try (SessionManager manager =
            new SessionManager(chat, new CommandTable(BuiltinCommands.all()), SETTINGS);
        LogCapture log = new LogCapture()) {
      ScriptedConnection alice = new ScriptedConnection().chunk("alice\n/join #room\n").holding();
      Thread aliceSession = Thread.ofVirtual().start(() -> manager.handle(alice));
      await(() -> alice.written().contains("You created #room"), alice);
      // Bob's connection breaks the moment he is sent alice's greeting: that write throws.
      BreakingConnection bob =
          new BreakingConnection(
              "bob\n/join #room\n", "hello bob", new SocketException("Broken pipe"));
      Thread bobSession = Thread.ofVirtual().start(() -> manager.handle(bob.connection));
      await(() -> alice.written().contains("bob has joined #room"), alice);

      alice.more("hello bob\n");
      bobSession.join(Duration.ofSeconds(10));
      assertFalse(bobSession.isAlive(), "bob's session ended");
      assertTrue(bob.broke.get(), "his output did break");
      assertTrue(bob.connection.closed(), "and his connection was closed");
      await(() -> alice.written().contains("bob has quit (connection lost)"), alice);
      List<String> drops = log.lines("Dropping");
      assertEquals(1, drops.size(), "one line for the drop: " + log.text());
      assertTrue(
          drops.get(0).endsWith("(bob): connection lost (java.net.SocketException: Broken pipe)"),
          drops.get(0));
      assertFalse(log.text().contains("\tat "), "no stack trace: " + log.text());

      alice.more("still here\n");
      await(() -> alice.written().contains("still here"), alice);
      assertTrue(aliceSession.isAlive(), "alice chats on");
      assertEquals(1, chat.userCount(), "bob is gone, alice is not");
      alice.close();
      aliceSession.join(Duration.ofSeconds(10));
    }
  }

  /**
   * A client that types {@code typed} (and then waits), and whose every write fails with {@code
   * failure} from the first one that contains {@code breakAt} on.
   */
  private static final class BreakingConnection {
    final ScriptedConnection connection;
    final AtomicBoolean broke = new AtomicBoolean();

    BreakingConnection(String typed, String breakAt, Throwable failure) throws IOException {
      connection = spy(new ScriptedConnection().chunk(typed).holding());
      OutputStream output = mock(OutputStream.class, CALLS_REAL_METHODS);
      doAnswer(
              write -> {
                byte[] bytes = write.getArgument(0);
                int offset = write.getArgument(1);
                int length = write.getArgument(2);
                if (new String(bytes, offset, length, StandardCharsets.UTF_8).contains(breakAt)) {
                  broke.set(true);
                }
                if (broke.get()) {
                  throw failure;
                }
                return null;
              })
          .when(output)
          .write(any(byte[].class), anyInt(), anyInt());
      doReturn(output).when(connection).output();
    }
  }

  private static void await(BooleanSupplier condition, ScriptedConnection seen)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not seen in time; the screen:\n" + seen.written());
      }
      Thread.sleep(10);
    }
  }
}
