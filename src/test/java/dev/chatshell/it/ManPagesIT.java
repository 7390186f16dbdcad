package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.testing.Processes;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The manual pages render with {@code man -l} without a warning. */
class ManPagesIT {

  @ParameterizedTest
  @ValueSource(strings = {"man/chatshell.1", "man/chatshell-commands.7"})
  void rendersCleanly(String page) throws Exception {
    assertTrue(Processes.onPath("man"), "man is needed; .ci/run installs man-db");
    Process man =
        new ProcessBuilder("man", "--warnings", "-l", page)
            .directory(Processes.root().toFile())
            .redirectErrorStream(false)
            .start();
    man.getOutputStream().close();
    String text = new String(man.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String warnings = new String(man.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(man.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, man.exitValue(), warnings);
    assertEquals("", warnings.strip(), "man reported problems");
    assertTrue(text.contains("NAME"), text);
    assertTrue(text.contains("SEE ALSO"), text);
  }
}
