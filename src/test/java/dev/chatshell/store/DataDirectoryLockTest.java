package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One server per data directory; a second is refused with the first one's process id. */
class DataDirectoryLockTest {
  @TempDir Path dir;

  @Test
  void aSecondHolderIsRefusedNamingTheFirstUntilItLetsGo() throws Exception {
    Path var = dir.resolve("var");
    String pid = String.valueOf(ProcessHandle.current().pid());
    try (DataDirectoryLock first = DataDirectoryLock.acquire(var)) {
      assertEquals(pid, Files.readString(var.resolve(DataDirectoryLock.FILE)).strip());
      DataDirectoryLock.InUseException e =
          assertThrows(
              DataDirectoryLock.InUseException.class, () -> DataDirectoryLock.acquire(var));
      assertEquals(
          "another chatshell server (process "
              + pid
              + ") is running on the data directory "
              + var
              + "; stop it first, or give this one its own data.dir",
          e.getMessage());
    }
    DataDirectoryLock.acquire(var).close(); // let go: the next one gets it
  }

  @Test
  void aSecondServerOnTheSameDataDirectoryDoesNotStartAndTouchesNothing() throws Exception {
    Map<Setting, String> settings = Map.of(Setting.DATA_DIR, dir.resolve("var").toString());
    ChatshellServer first = TestServer.start(settings);
    try {
      DataDirectoryLock.InUseException e =
          assertThrows(DataDirectoryLock.InUseException.class, () -> TestServer.start(settings));
      assertTrue(
          e.getMessage().contains("(process " + ProcessHandle.current().pid() + ")"),
          e.getMessage());
    } finally {
      first.close();
    }
    TestServer.start(settings).close(); // the directory is free once the first has stopped
  }

  /** Found by review: a second server with a data directory of its own, on the first's database. */
  @Test
  void aSecondServerOnTheSameDatabaseFileDoesNotStart() throws Exception {
    Path shared = dir.resolve("first").resolve("chatshell.db");
    ChatshellServer first =
        TestServer.start(
            Map.of(
                Setting.DATA_DIR, dir.resolve("first").toString(),
                Setting.DATABASE_FILE, shared.toString()));
    try {
      assertThrows(
          DataDirectoryLock.InUseException.class,
          () ->
              TestServer.start(
                  Map.of(
                      Setting.DATA_DIR, dir.resolve("second").toString(),
                      Setting.DATABASE_FILE, shared.toString())));
    } finally {
      first.close();
    }
  }

  /**
   * Found by review: a database whose history cannot be read stopped the start with a stack trace
   * and left the lock, the database and the moderation log open.
   */
  @Test
  void aDatabaseThatCannotBeReadAtStartIsOneLineAndLeavesNothingHeld() throws Exception {
    Path var = dir.resolve("var");
    Map<Setting, String> settings = Map.of(Setting.DATA_DIR, var.toString());
    TestServer.start(settings).close(); // makes the database
    try (java.sql.Connection broken =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + var.resolve("chatshell.db"));
        java.sql.Statement drop = broken.createStatement()) {
      drop.execute("DROP TABLE messages");
    }

    dev.chatshell.config.ConfigException refused =
        assertThrows(dev.chatshell.config.ConfigException.class, () -> TestServer.start(settings));

    assertTrue(refused.getMessage().startsWith("Cannot read the database"), refused.getMessage());
    DataDirectoryLock.acquire(var).close(); // the failed start let go of the directory
  }
}
