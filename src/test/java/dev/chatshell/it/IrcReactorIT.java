package dev.chatshell.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.IrcTestClient;
import dev.chatshell.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plain IRC clients are served by a reactor: one that sends nothing holds no thread, its place in
 * the per-address count is given back when its session ends, not when it is handed over, and one
 * that does not read what it is sent is found out as on a blocking socket.
 */
class IrcReactorIT {
  private static final int CLIENTS = 1000;

  /**
   * A thousand clients that each sent a line (and got its answer) and then nothing: the server has
   * not a thread for each. Threads are counted in a thread dump, which lists virtual threads too.
   */
  @Test
  void idlePlainIrcClientsHoldNoThreadEach() throws Exception {
    ChatshellServer own =
        TestServer.start(
            IrcIT.ircSettings(
                Map.of(
                    Setting.MAX_CONNECTIONS_PER_ADDRESS, String.valueOf(CLIENTS + 10),
                    Setting.MAX_CONNECTIONS, String.valueOf(CLIENTS + 10))));
    List<Socket> clients = new ArrayList<>();
    try {
      long before = threads();
      for (int i = 0; i < CLIENTS; i++) {
        Socket client = new Socket(InetAddress.getLoopbackAddress(), own.ircPort());
        client.setSoTimeout(20_000);
        client.getOutputStream().write(("PING :n" + i + "\r\n").getBytes(StandardCharsets.UTF_8));
        clients.add(client);
      }
      for (int i = 0; i < CLIENTS; i++) {
        awaitText(clients.get(i), "PONG", "n" + i); // its line has been run
      }
      long after = threads();
      assertTrue(
          after - before < CLIENTS / 10,
          CLIENTS + " idle clients added " + (after - before) + " threads");
    } finally {
      for (Socket client : clients) {
        client.close();
      }
      own.close();
    }
  }

  /** A client's place in the per-address count is taken while it is here and given back after. */
  @Test
  void theCountPerAddressIsGivenBackWhenTheSessionEnds() throws Exception {
    ChatshellServer own =
        TestServer.start(IrcIT.ircSettings(Map.of(Setting.MAX_CONNECTIONS_PER_ADDRESS, "2")));
    try (IrcTestClient first = IrcTestClient.connectFrom("127.0.0.9", own.ircPort());
        IrcTestClient second = IrcTestClient.connectFrom("127.0.0.9", own.ircPort())) {
      first.register("firstp");
      second.register("secondp");
      try (IrcTestClient third = IrcTestClient.connectFrom("127.0.0.9", own.ircPort())) {
        third.await("^ERROR :Closing link: \\(connection refused: ");
      }
      first.send("QUIT :bye");
      first.await("^ERROR :Closing link: firstp ");
      assertTrue(first.awaitClosed(Duration.ofSeconds(10)), "quit and closed");
      // its place comes back once its session has ended: a little after the close, so try again
      boolean admitted = false;
      for (int attempt = 0; attempt < 100 && !admitted; attempt++) {
        try (IrcTestClient again = IrcTestClient.connectFrom("127.0.0.9", own.ircPort())) {
          again.send("PING :back");
          admitted = again.sees("PONG .*back", Duration.ofSeconds(5));
        }
      }
      assertTrue(admitted, "a place came free when the first client left");
    } finally {
      own.close();
    }
  }

  /**
   * A client that sends and never reads: its replies fill the socket, the write that does not go
   * through waits (without a thread spinning), and keepalive drops the client for not reading.
   */
  @Test
  void aClientThatDoesNotReadIsDroppedWhenItsOutputIsStuck() throws Exception {
    ChatshellServer own =
        TestServer.start(
            IrcIT.ircSettings(
                Map.of(
                    Setting.KEEPALIVE_SECONDS, "1",
                    Setting.OUTBOX_LINES, "1000000",
                    Setting.FLOOD_RATE, "1000",
                    Setting.FLOOD_BURST, "1000")));
    try (IrcTestClient watcher = IrcTestClient.registered(own.ircPort(), "watcherd");
        Socket deaf = new Socket(InetAddress.getLoopbackAddress(), own.ircPort())) {
      watcher.send("JOIN #deaf");
      watcher.await(" 366 watcherd #deaf ");
      OutputStream out = deaf.getOutputStream();
      out.write("NICK deafd\r\nUSER deafd 0 * :Deaf\r\nJOIN #deaf\r\n".getBytes(UTF_8));
      watcher.await(":deafd![^ ]+ JOIN #deaf");
      // Pings with long tokens: each answer is as long, and none is read.
      byte[] ping = ("PING :" + "p".repeat(400) + "\r\n").getBytes(UTF_8);
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  for (int i = 0; i < 100_000; i++) {
                    out.write(ping);
                  }
                } catch (IOException e) {
                  // dropped: the server closed it
                }
              });
      watcher.await(":deafd![^ ]+ QUIT :.*not reading");
    } finally {
      own.close();
    }
  }

  /** Reads {@code client} until what it read holds both {@code command} and {@code token}. */
  private static void awaitText(Socket client, String command, String token) throws IOException {
    InputStream in = client.getInputStream();
    StringBuilder seen = new StringBuilder();
    byte[] buffer = new byte[512];
    while (!(seen.indexOf(command) >= 0 && seen.indexOf(token) >= 0)) {
      int read = in.read(buffer);
      if (read < 0) {
        throw new IOException("closed before " + command + ": " + seen);
      }
      seen.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
    }
  }

  /** Every thread of this JVM, virtual ones included. */
  private static long threads() throws IOException {
    Path dump = Files.createTempDirectory("threads").resolve("dump.txt");
    try {
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
          .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
      return Files.readAllLines(dump).stream().filter(line -> line.matches("#\\d+ .*")).count();
    } finally {
      Files.deleteIfExists(dump);
      Files.deleteIfExists(dump.getParent());
    }
  }
}
