package dev.chatshell.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, small file system for tests of a full disk: a tmpfs mounted on a fresh directory (which
 * needs root, as the tests and CI run here), filled to the last byte on demand and freed again.
 * Without the right to mount, the test is skipped, saying why.
 */
public final class SmallFileSystem implements AutoCloseable {
  private final Path directory;
  private final Path filler;

  private SmallFileSystem(Path directory) {
    this.directory = directory;
    this.filler = directory.resolve("filler");
  }

  /** Mounts a tmpfs of {@code megabytes} on a new temporary directory. */
  public static SmallFileSystem mount(int megabytes) throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("chatshell-small-fs");
    String output =
        run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", directory);
    if (output != null) {
      Files.deleteIfExists(directory);
      Assumptions.abort("cannot mount a tmpfs to fill (needs root): " + output);
    }
    return new SmallFileSystem(directory);
  }

  /** The mounted directory. */
  public Path directory() {
    return directory;
  }

  /** Takes every free byte, so that the next write that needs room fails with ENOSPC. */
  public void fill() throws IOException {
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (int chunk : new int[] {1 << 16, 1 << 12, 1}) {
        byte[] bytes = new byte[chunk];
        try {
          while (true) {
            out.write(bytes);
            out.flush();
          }
        } catch (IOException full) {
          // this size does not fit any more: the next smaller one takes what is left
        }
      }
    }
  }

  /** Gives the space taken by {@link #fill} back. */
  public void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  /** Unmounts it (lazily, should a file still be open) and removes the directory. */
  @Override
  public void close() throws IOException, InterruptedException {
    String failed = run("umount", "-l", directory);
    if (failed != null) {
      throw new IOException("cannot unmount " + directory + ": " + failed);
    }
    Files.deleteIfExists(directory);
  }

  /** Runs a command; null when it succeeded, else what it said. */
  private static String run(Object... command) throws IOException, InterruptedException {
    String[] words = new String[command.length];
    for (int i = 0; i < command.length; i++) {
      words[i] = command[i].toString();
    }
    Process process;
    try {
      process = new ProcessBuilder(words).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return String.join(" ", words) + " did not finish";
    }
    return process.exitValue() == 0 ? null : output.strip() + " (exit " + process.exitValue() + ")";
  }
}
