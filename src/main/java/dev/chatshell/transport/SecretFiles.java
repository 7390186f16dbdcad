package dev.chatshell.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The files a door keeps its secrets in (the SSH host key, the IRC TLS key): written whole or not
 * at all, and readable by their owner only.
 */
public final class SecretFiles {
  /** Readable and writable by the owner alone: 0600. */
  public static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /** What goes into a file being written. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private SecretFiles() {}

  /**
   * Writes {@code file} through a temporary file in the same directory that has its final {@code
   * permissions} before anything is in it, then moves it in place: a key is never readable by
   * others, and a crash leaves the old file or the new one, never half of one. The directory is
   * made if needed.
   */
  public static void write(Path file, Set<PosixFilePermission> permissions, Content content)
      throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary =
        Files.createTempFile(
            folder,
            "." + file.getFileName(),
            ".tmp",
            PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.writeTo(out);
      }
      // set explicitly: the creation mode is filtered by the umask
      Files.setPosixFilePermissions(temporary, permissions);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * A key others can read is no longer secret: makes {@code file} its owner's only, and says so in
   * the log ({@code what} names it: "the SSH host key").
   */
  public static void keepPrivate(Path file, String what, Logger log) throws IOException {
    try {
      Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
      if (!now.equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        log.warn(
            "{} {} was {}; it is now readable by its owner only",
            what,
            file,
            PosixFilePermissions.toString(now));
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    }
  }
}
