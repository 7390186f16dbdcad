package dev.chatshell.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.IrcTestClient;
import dev.chatshell.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Shutting down with plain IRC clients in: each is told why with its ERROR line, however long the
 * shutdown's grace, and nobody is sent a quit notice for the others.
 */
class IrcShutdownIT {
  /**
   * Above the 10 s the reactor used to wait after it was told to stop, which it was told before the
   * sessions' grace began: a client that did not read then held the shutdown for the whole grace,
   * and at 10 s every plain client was cut off without its ERROR line.
   */
  private static final int GRACE_SECONDS = 12;

  /** More PINGs than every buffer between the server and the client holds of their PONGs. */
  private static final long PING_BYTES = 48L << 20;

  @Test
  void plainClientsAreToldWhyEvenWhenOneDoesNotReadThroughALongGrace() throws Exception {
    ChatshellServer own =
        TestServer.start(
            IrcIT.ircSettings(
                Map.of(
                    Setting.SHUTDOWN_GRACE_SECONDS,
                    String.valueOf(GRACE_SECONDS),
                    Setting.OUTBOX_LINES,
                    "1000000")));
    IrcTestClient normal = IrcTestClient.registered(own.ircPort(), "normalx");
    normal.send("JOIN #room");
    normal.await(" 366 ");
    try (Socket deaf = new Socket()) {
      deaf.setReceiveBufferSize(4096);
      deaf.setSendBufferSize(4096);
      deaf.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), own.ircPort()));
      OutputStream out = deaf.getOutputStream();
      out.write("NICK deafx\r\nUSER deafx 0 * :Deaf\r\nJOIN #room\r\n".getBytes(UTF_8));
      normal.await("deafx.* JOIN ");
      sendPingsNotReadingTheAnswers(out);

      Thread stopper = Thread.ofPlatform().start(own::close);
      normal.await("The server is shutting down");
      normal.await(
          "^ERROR :Closing link: normalx \\(server shutting down\\)",
          Duration.ofSeconds(GRACE_SECONDS + 10));
      assertTrue(normal.awaitClosed(Duration.ofSeconds(10)), "closed after its ERROR");
      assertFalse(normal.saw(" QUIT "), "no quit notice for the others: " + normal.lines());
      stopper.join();
    } finally {
      normal.close();
    }
  }

  /**
   * Once the client's writes have all gone, the server has read all but what its receive buffer
   * holds (the client's own send buffer is small), and so has PONGs waiting in the session's outbox
   * beyond anything a socket buffer holds: its output waits the whole grace.
   */
  private static void sendPingsNotReadingTheAnswers(OutputStream out) throws IOException {
    byte[] ping = ("PING :" + "p".repeat(400) + "\r\n").getBytes(UTF_8);
    for (long sent = 0; sent < PING_BYTES; sent += ping.length) {
      out.write(ping);
    }
  }
}
