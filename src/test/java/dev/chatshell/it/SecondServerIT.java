package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real server processes on one data directory: the second refuses to start, in one line naming
 * the first one's process, and starts once the first has stopped.
 */
class SecondServerIT {
  @TempDir Path dir;

  private Process serve(Path config, int port, Path output) throws IOException {
    return Processes.serve(null, config, port, output);
  }

  @Test
  void aSecondServerOnTheSameDataDirectoryRefusesToStartNamingTheFirst() throws Exception {
    Path var = dir.resolve("var");
    Path config = dir.resolve("chatshell.properties");
    Files.writeString(
        config,
        "data.dir=" + var + "\ncommands.dir=" + dir.resolve("commands") + "\nconsole=false\n");
    int port = Processes.freePort();
    Process first = serve(config, port, dir.resolve("first.log"));
    Process again = null;
    try {
      Processes.awaitPort(port, Duration.ofSeconds(60), first);

      Path secondLog = dir.resolve("second.log");
      Process second = serve(config, Processes.freePort(), secondLog);
      assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second server gives up");
      assertEquals(4, second.exitValue(), Files.readString(secondLog));
      List<String> said =
          Files.readAllLines(secondLog).stream().filter(l -> l.startsWith("chatshell:")).toList();
      assertEquals(
          List.of(
              "chatshell: another chatshell server (process "
                  + first.pid()
                  + ") is running on the data directory "
                  + var
                  + "; stop it first, or give this one its own data.dir"),
          said,
          Files.readString(secondLog));
      assertTrue(first.isAlive(), "the first server runs on");

      Processes.stop(first);
      int next = Processes.freePort();
      again = serve(config, next, dir.resolve("again.log"));
      Processes.awaitPort(next, Duration.ofSeconds(60), again); // the directory is free again
    } finally {
      Processes.stop(first);
      if (again != null) {
        Processes.stop(again);
      }
    }
  }
}
