package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.builtin.BuiltinCommands;
import dev.chatshell.testing.LogCapture;
import dev.chatshell.transport.Connection;
import dev.chatshell.transport.ResizeListener;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOError;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sessions whose connection breaks the way JLine reports it (an {@link IOError} around the socket
 * error) end cleanly, with one short log line, and a stream of them does not grow the log.
 */
class SessionDropLogTest {
  private static final ShellSettings SETTINGS =
      new ShellSettings(
          "chatshell",
          "test",
          List.of(),
          4096,
          1000,
          Duration.ofSeconds(30),
          Duration.ofSeconds(120),
          2,
          10,
          20);

  @Test
  void brokenCharacterModeConnectionsEachEndWithoutATraceAndTheirLinesAreLimited()
      throws Exception {
    ChatServer chat = ChatTestSupport.server(Clock.systemUTC(), 50);
    try (SessionManager manager =
            new SessionManager(chat, new CommandTable(BuiltinCommands.all()), SETTINGS);
        LogCapture log = new LogCapture()) {
      for (int i = 1; i <= 5; i++) {
        BreakingConnection connection = new BreakingConnection("user" + i);
        Thread session = Thread.ofVirtual().start(() -> manager.handle(connection));
        session.join(Duration.ofSeconds(10));
        assertFalse(session.isAlive(), "session " + i + " ended");
        assertTrue(connection.broke, "its output did break");
        assertTrue(connection.closed, "and the connection was closed");
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

  /**
   * A character-mode client that types its nickname, then whose connection breaks: the first write
   * of the welcome line, and every write after it, fails as JLine reports socket errors.
   */
  private static final class BreakingConnection implements Connection {
    private final String name;
    private byte[] typed;
    volatile boolean broke;
    volatile boolean closed;

    BreakingConnection(String nick) {
      this.name = "fake:" + nick;
      this.typed = (nick + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private final OutputStream output =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            if (new String(bytes, offset, length, StandardCharsets.UTF_8).contains("Welcome, ")) {
              broke = true;
            }
            if (broke) {
              throw new IOError(new SocketException("Broken pipe"));
            }
          }
        };

    @Override
    public String remoteAddress() {
      return "127.0.0.1";
    }

    @Override
    public TerminalInfo awaitTerminal() {
      return new TerminalInfo(true, "xterm", 80, 24);
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length, long timeoutMillis) {
      if (typed != null) {
        int n = Math.min(length, typed.length);
        System.arraycopy(typed, 0, buffer, offset, n);
        typed = null; // a nickname fits in any read JLine makes
        return n;
      }
      long deadline = System.currentTimeMillis() + timeoutMillis;
      while (!closed) {
        long left = timeoutMillis > 0 ? deadline - System.currentTimeMillis() : 0;
        if (timeoutMillis > 0 && left <= 0) {
          return 0;
        }
        try {
          wait(Math.max(0, left));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return -1;
        }
      }
      return -1;
    }

    @Override
    public OutputStream output() {
      return output;
    }

    @Override
    public void setClientEcho(boolean echo) {}

    @Override
    public void onResize(ResizeListener listener) {}

    @Override
    public boolean ping() {
      return false;
    }

    @Override
    public long lastHeardNanos() {
      return System.nanoTime();
    }

    @Override
    public boolean isOpen() {
      return !closed;
    }

    @Override
    public synchronized void close() {
      closed = true;
      notifyAll();
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
