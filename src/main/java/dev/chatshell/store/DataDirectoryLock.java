package dev.chatshell.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One server per data directory: an exclusive lock on {@code chatshell.lock} in it, held for as
 * long as the server runs, with the holder's process id written in the file so that a second server
 * can say who holds it. Two servers on one directory would each keep their own idea of the accounts
 * and channels over the same database, and contradict each other.
 *
 * <p>The operating system releases the lock when the process ends, however it ends, so a server
 * killed with {@code kill -9} leaves nothing to clean up; the file itself stays, harmless.
 */
public final class DataDirectoryLock implements AutoCloseable {
  /** The lock file's name in the data directory. */
  public static final String FILE = "chatshell.lock";

  /** Another server holds the data directory; the message says which process. */
  public static final class InUseException extends IOException {
    InUseException(String message) {
      super(message);
    }
  }

  private final FileChannel channel;
  private final FileLock lock;
  private DataDirectoryLock next; // another directory held with this one, or null

  private DataDirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Also takes {@code directory} (the folder of a database file kept outside the data directory):
   * two servers with their own data directories on one database file would split its state just the
   * same. On failure this lock is released too.
   */
  public DataDirectoryLock with(Path directory) throws IOException {
    try {
      DataDirectoryLock other = acquire(directory);
      other.next = this;
      return other;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Takes the data directory (creating it when missing) for this process.
   *
   * @throws InUseException when another server holds it, naming that server's process
   * @throws IOException when the lock file cannot be created or written
   */
  public static DataDirectoryLock acquire(Path directory) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(FILE);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // a server in this very process holds it
      }
      if (lock == null) {
        throw new InUseException(
            "another chatshell server ("
                + holder(channel)
                + ") is running on the data directory "
                + directory
                + "; stop it first, or give this one its own data.dir");
      }
      // The holder's id replaces the last one's, so the file names whoever holds the lock now.
      byte[] pid =
          (ProcessHandle.current().pid() + System.lineSeparator())
              .getBytes(StandardCharsets.US_ASCII);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
      channel.force(false);
      return new DataDirectoryLock(channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The process named in the lock file, as told to a second server. */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer content = ByteBuffer.allocate(32);
      channel.read(content, 0);
      String pid = new String(content.array(), 0, content.position(), StandardCharsets.US_ASCII);
      pid = pid.strip();
      if (pid.matches("[0-9]{1,19}")) {
        return "process " + pid;
      }
    } catch (IOException e) {
      // the process is unknown; the directory is taken all the same
    }
    return "process unknown";
  }

  /** Gives the data directory up. */
  @Override
  public void close() {
    if (next != null) {
      next.close();
    }
    try {
      lock.release();
    } catch (IOException e) {
      // the channel's closing below releases it as well
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to release
    }
  }
}
