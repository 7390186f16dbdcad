package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.testing.Processes;
import dev.chatshell.testing.TestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A fresh checkout after its first build: the server, started on its defaults with nothing copied
 * by hand, offers the example plugin's commands; {@code commands.examples=false} turns them off.
 */
class FirstRunIT {
  private static final Path MINIGAMES = Path.of("target", "chatshell-minigames.jar");

  /** An installation directory laid out as the build leaves a checkout: the example jar only. */
  private static Path freshHome() throws Exception {
    assertTrue(Files.isRegularFile(MINIGAMES), MINIGAMES + " is built by mvn package");
    Path home = Files.createTempDirectory("chatshell-fresh");
    Files.createDirectories(home.resolve("target"));
    Files.copy(MINIGAMES, home.resolve("target").resolve("chatshell-minigames.jar"));
    return home;
  }

  /** Starts {@code serve} in {@code home} on its defaults (and home's etc/, if any). */
  private static Process serve(Path home, int port) throws Exception {
    return Processes.serve(home, null, port, home.resolve("server.log"));
  }

  /** What /HELP lists for a newcomer on a server started in {@code home}. */
  private static String helpOn(Path home) throws Exception {
    int port = Processes.freePort();
    Process server = serve(home, port);
    try {
      Processes.awaitPort(port, Duration.ofSeconds(60), server);
      try (TestClient client = TestClient.plain(port)) {
        client.expect("Nickname: ");
        client.send("newcomer");
        client.expect("Welcome, newcomer!");
        client.send("/help");
        client.send("/endofhelp"); // answered after the whole list
        client.expect("Unknown command /endofhelp");
        return client.text();
      }
    } finally {
      Processes.stop(server);
    }
  }

  @Test
  void aFreshServerOffersTheExamplePlugin() throws Exception {
    Path home = freshHome();
    String help = helpOn(home);
    assertTrue(help.contains("/ROLL"), help);
    assertTrue(
        Files.readString(home.resolve("server.log")).contains("chatshell-minigames.jar"),
        "the log names the plugin");
  }

  @Test
  void theExamplePluginCanBeTurnedOff() throws Exception {
    Path home = freshHome();
    Files.createDirectories(home.resolve("etc"));
    Files.writeString(home.resolve("etc/chatshell.properties"), "commands.examples=false\n");
    String help = helpOn(home);
    assertFalse(help.contains("/ROLL"), help);
  }
}
