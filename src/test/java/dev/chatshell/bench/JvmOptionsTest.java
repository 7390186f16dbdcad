package dev.chatshell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** etc/jvm.options: the chatshell server's JVM options, for the launcher and the bench alike. */
class JvmOptionsTest {
  @Test
  void oneOptionALineWithoutCommentsOrBlankLines() {
    assertEquals(
        List.of("-XX:+UseSerialGC", "-Xss512k", "-Dx=a b"),
        JvmOptions.parse(
            "# a comment\n\n  -XX:+UseSerialGC  \r\n\t# indented comment\n-Xss512k\n-Dx=a b"));
    assertEquals(List.of(), JvmOptions.parse("# only a comment\n"));
  }

  @Test
  void theInstallationsFileOrNone(@TempDir Path home) throws Exception {
    assertEquals(List.of(), JvmOptions.read(home), "no file: no options");
    Files.createDirectories(home.resolve("etc"));
    Files.writeString(home.resolve(JvmOptions.FILE), "# why\n-XX:+UseZGC\n");
    assertEquals(List.of("-XX:+UseZGC"), JvmOptions.read(home));
  }

  @Test
  void theShippedFileHoldsOnlyOptions() {
    // the project's own etc/jvm.options, as the tests run from the project's directory
    assertTrue(Files.isRegularFile(Path.of(JvmOptions.FILE)));
    for (String option : JvmOptions.read(Path.of(""))) {
      assertTrue(option.startsWith("-"), option);
    }
  }

  @Test
  void extraOptionsComeAfterAndReplaceTheFilesCollector() {
    List<String> file = List.of("-XX:+UseSerialGC", "-Xss512k");
    assertEquals(
        List.of("-XX:+UseSerialGC", "-Xss512k", "-Xmx1g"),
        JvmOptions.merge(file, List.of("-Xmx1g")));
    assertEquals(
        List.of("-Xss512k", "-XX:+UseShenandoahGC", "-XX:ShenandoahGCHeuristics=compact"),
        JvmOptions.merge(
            file, List.of("-XX:+UseShenandoahGC", "-XX:ShenandoahGCHeuristics=compact")));
    assertEquals(List.of("-Xmx1g"), JvmOptions.merge(List.of(), List.of("-Xmx1g")));
  }
}
