package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.testing.Processes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher's first run: it builds with Maven and says how the build is going, step by step,
 * instead of a silent minute. Maven is the boundary here: a stand-in prints what Maven prints and
 * lays down the jars, so the test takes seconds, not a real build.
 */
class LauncherIT {
  private record Run(int exit, String stdout, String stderr, Path home) {}

  /** A checkout without target/, and a stand-in mvn that prints {@code output} and exits so. */
  private static Run firstRun(String output, int mavenExit) throws Exception {
    Path home = Files.createTempDirectory("chatshell-launcher");
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve("src/main"));
    Files.writeString(home.resolve("pom.xml"), "<project/>\n");
    Path launcher = home.resolve("bin/chatshell");
    Files.copy(Processes.root().resolve("bin/chatshell"), launcher);
    Path fakeBin = Files.createDirectories(home.resolve("fake-bin"));
    Path mvn = fakeBin.resolve("mvn");
    Files.writeString(
        mvn,
        "#!/usr/bin/env bash\n"
            + "cat <<'OUT'\n"
            + output
            + "OUT\n"
            + (mavenExit == 0
                ? "cp \"$REAL_JAR\" target/chatshell.jar && touch target/chatshell-minigames.jar\n"
                : "")
            + "exit "
            + mavenExit
            + "\n");
    for (Path script : new Path[] {launcher, mvn}) {
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--version");
    builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
    builder.environment().put("REAL_JAR", Processes.jar().toString());
    builder.redirectError(home.resolve("stderr.txt").toFile());
    builder.redirectOutput(home.resolve("stdout.txt").toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
    return new Run(
        process.exitValue(),
        Files.readString(home.resolve("stdout.txt"), StandardCharsets.UTF_8),
        Files.readString(home.resolve("stderr.txt"), StandardCharsets.UTF_8),
        home);
  }

  @Test
  void aFirstRunShowsTheBuildStepsThenRuns() throws Exception {
    Run run =
        firstRun(
            """
            [INFO] Scanning for projects...
            Downloading from central: org/example/plugin/1.0/plugin-1.0.pom
            Downloaded from central: org/example/plugin/1.0/plugin-1.0.pom (2 kB)
            [INFO] --- resources:3.3.1:resources (default-resources) @ chatshell ---
            [INFO] Copying 3 resources
            [INFO] --- compiler:3.14.0:compile (default-compile) @ chatshell ---
            [INFO] BUILD SUCCESS
            """,
            0);
    assertEquals(0, run.exit(), run.stderr());
    String err = run.stderr();
    assertTrue(err.contains("chatshell: building the jar with Maven"), err);
    assertTrue(err.contains("downloading Maven plugins and libraries (1 files so far)"), err);
    assertTrue(
        err.contains("build step 1: resources:3.3.1:resources (default-resources) @ chatshell"),
        err);
    assertTrue(
        err.contains("build step 2: compiler:3.14.0:compile (default-compile) @ chatshell"), err);
    assertTrue(err.contains("chatshell: built in "), err);
    assertTrue(!err.contains("Copying 3 resources"), "details go to the log only: " + err);
    assertTrue(
        Files.readString(run.home().resolve("target/build.log")).contains("Copying 3 resources"));
    assertTrue(run.stdout().startsWith("chatshell "), "then it runs: " + run.stdout());
  }

  @Test
  void aFailedBuildShowsTheErrorsAndWhereTheLogIs() throws Exception {
    Run run =
        firstRun(
            """
            [INFO] --- compiler:3.14.0:compile (default-compile) @ chatshell ---
            [ERROR] Foo.java:[3,1] class, interface, enum, or record expected
            [INFO] BUILD FAILURE
            """,
            1);
    assertEquals(1, run.exit(), run.stderr());
    assertTrue(run.stderr().contains("[ERROR] Foo.java:[3,1]"), run.stderr());
    assertTrue(run.stderr().contains("the build failed"), run.stderr());
    assertTrue(run.stdout().isEmpty(), "nothing ran: " + run.stdout());
  }
}
