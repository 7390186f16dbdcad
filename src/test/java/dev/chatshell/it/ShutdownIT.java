package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.testing.Processes;
import dev.chatshell.testing.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The program as an operator runs it: started through the launcher {@code bin/chatshell} (which
 * must find a JDK 25 by itself), stopped with SIGTERM, which tells users before closing.
 */
class ShutdownIT {

  @Test
  void sigtermTellsUsersAndExitsCleanly() throws Exception {
    int port = Processes.freePort();
    Path log = Files.createTempFile("chatshell-shutdown", ".log");
    Process server =
        new ProcessBuilder(
                Processes.root().resolve("bin/chatshell").toString(),
                "serve",
                "--bind",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--ssh-port",
                "0",
                "--irc-port",
                "0",
                "--irc-tls-port",
                "0",
                "--http-port",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try (TestClient sam = TestClient.plain(port(port, server));
        TestClient tia = TestClient.telnet(port, "xterm", 80, 24)) {
      login(sam, "sam");
      login(tia, "tia");
      sam.send("/join #last");
      sam.expect("You created #last");
      server.destroy(); // SIGTERM
      sam.expect("The server is shutting down: the operator stopped it. Goodbye!");
      tia.expect("The server is shutting down");
      assertTrue(sam.awaitClosed(Duration.ofSeconds(10)), "connection closed after the notice");
      assertTrue(server.waitFor(20, TimeUnit.SECONDS), "the server exits");
      assertEquals(143, server.exitValue(), "stopped by SIGTERM");
      String output = Files.readString(log);
      assertTrue(output.contains("Shutting down: the operator stopped it"), output);
      assertTrue(output.contains("Stopped"), output);
    } finally {
      Processes.stop(server);
      Files.deleteIfExists(log);
    }
  }

  private static int port(int port, Process server) throws InterruptedException {
    Processes.awaitPort(port, Duration.ofSeconds(60), server);
    return port;
  }
}
