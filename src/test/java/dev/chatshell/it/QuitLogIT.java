package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.LogCapture;
import dev.chatshell.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the operational log says when people leave the ordinary way. */
class QuitLogIT {

  /**
   * A script that sends /BYE and hangs up at once (here with a reset, as a client closing with
   * unread input does) is leaving cleanly: the server's "Bye!" meeting a closed socket is no
   * warning.
   */
  @Test
  void byeFollowedByAHangUpLogsNoWarning() throws Exception {
    try (LogCapture log = new LogCapture();
        ChatshellServer server = TestServer.start()) {
      for (int i = 1; i <= 3; i++) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
          OutputStream out = socket.getOutputStream();
          out.write(("leaver" + i + "\n/join #door\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
          readUntil(socket.getInputStream(), "You created #door"); // the server is idle now
          out.write("/bye\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          socket.setSoLinger(true, 0); // closing now resets the connection
        }
        log.await("(leaver" + i + ") left: bye", Duration.ofSeconds(10));
      }
      List<String> warnings = log.lines("[WARN]");
      assertEquals(List.of(), warnings, "a clean /BYE is no warning");
    }
  }

  private static void readUntil(InputStream in, String text) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!seen.toString(StandardCharsets.UTF_8).contains(text)) {
      int n = in.read(buffer);
      if (n < 0) {
        throw new AssertionError("closed before " + text + ": " + seen);
      }
      seen.write(buffer, 0, n);
    }
  }
}
