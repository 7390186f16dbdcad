package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.History;
import dev.chatshell.chat.HistoryEntry;
import dev.chatshell.testing.SmallFileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded database on a real file system that fills up, then gets room again: a change that
 * failed is not stored, nor half stored; reads go on meanwhile; and once there is room everything
 * works again without reopening anything. (SQLite rolls a transaction back by itself on a full
 * disk, which once left the connection committing each statement on its own.)
 */
class DiskFullTest {
  private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
  private static final String HASH = "pbkdf2-sha256$100000$c2FsdA==$" + "A".repeat(44);

  private SmallFileSystem disk;
  private Database database;

  @BeforeEach
  void mount() throws Exception {
    disk = SmallFileSystem.mount(2);
    database = Database.sqlite(disk.directory().resolve("chatshell.db"));
  }

  @AfterEach
  void unmount() throws Exception {
    if (database != null) {
      database.close();
    }
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void aFailedChangeIsNotStoredAndEverythingWorksOnceThereIsRoom() throws Exception {
    AccountStore accounts = new AccountStore(database);
    assertTrue(accounts.create("alice", HASH, T0));

    disk.fill();
    for (String name : List.of("bob", "bob", "carol")) { // again: the second failure too
      StoreException e =
          assertThrows(StoreException.class, () -> accounts.create(name, HASH + name, T0));
      assertTrue(e.unavailable(), e.getMessage());
    }
    assertTrue(accounts.find("alice").isPresent(), "reading goes on while the disk is full");

    disk.free();
    assertTrue(accounts.find("bob").isEmpty(), "a registration that failed was not stored");
    assertTrue(accounts.create("dave", HASH, T0), "registering works again");
    assertTrue(accounts.find("dave").isPresent());
    assertTrue(accounts.create("bob", HASH, T0), "and so does the name that failed");
    assertTrue(accounts.setLocked("alice", true));
    assertTrue(accounts.find("alice").orElseThrow().locked());

    // A transaction is one again: a failure in its middle leaves nothing of its start.
    assertThrows(
        StoreException.class,
        () ->
            database.transaction(
                connection -> {
                  try (PreparedStatement insert =
                      connection.prepareStatement(
                          "INSERT INTO accounts (name_key, name, password_hash, locked,"
                              + " created_at) VALUES ('erin', 'erin', 'x', FALSE, 0)")) {
                    insert.executeUpdate();
                  }
                  throw new SQLException("the rest of the work failed");
                }));
    assertTrue(accounts.find("erin").isEmpty(), "nothing of a failed transaction is kept");
  }

  @Test
  void aGroupCommittedOnAFullDiskStoresNothingOfItAndGroupsWorkOnceThereIsRoom() throws Exception {
    AccountStore accounts = new AccountStore(database);
    assertTrue(accounts.create("alice", HASH, T0));

    disk.fill();
    List<RuntimeException> failures =
        database.together(List.of(create(accounts, "bob"), create(accounts, "carol")));
    assertTrue(failures.stream().allMatch(java.util.Objects::nonNull), failures.toString());

    disk.free();
    assertTrue(accounts.find("bob").isEmpty(), "nothing of the failed group was stored");
    assertTrue(accounts.find("carol").isEmpty());
    failures = database.together(List.of(create(accounts, "bob"), create(accounts, "carol")));
    assertEquals(java.util.Arrays.asList(null, null), failures, "groups work again");
    assertTrue(accounts.find("bob").isPresent());
    assertTrue(accounts.find("carol").isPresent());
  }

  private static Runnable create(AccountStore accounts, String name) {
    return () -> {
      try {
        accounts.create(name, HASH + name, T0);
      } catch (StoreException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  @Test
  void historySaidWhileTheDiskIsFullIsStoredOnceWhenThereIsRoom() throws Exception {
    List<String> said = new ArrayList<>();
    try (HistoryStore history = new HistoryStore(database, Clock.systemUTC(), Duration.ZERO)) {
      say(history, said, 0);
      assertEquals(said, texts(history), "stored while there is room");

      disk.fill();
      for (int i = 1; i <= 300; i++) {
        say(history, said, i);
      }
      // Reading stores what is queued first: the database cannot take it, the read goes on.
      assertEquals(List.of("line 0"), texts(history));

      disk.free();
      assertEquals(said, texts(history), "every line once, in order, nothing lost");
      say(history, said, 301);
      assertEquals(said, texts(history));
    }
  }

  @Test
  void aChannelLogHoldsWholeLinesOnlyWhateverTheDiskWasLike() throws Exception {
    Path dir = disk.directory().resolve("logs");
    try (HistoryStore history = new HistoryStore(database, Clock.systemUTC(), Duration.ZERO)) {
      // Each log closed writes what it was given; a full disk fills in the middle of a write.
      try (ChannelLogs logs = new ChannelLogs(history, dir)) {
        say(logs, new ArrayList<>(), 0);
      }
      disk.fill();
      try (ChannelLogs logs = new ChannelLogs(history, dir)) {
        for (int i = 1; i <= 100; i++) {
          say(logs, new ArrayList<>(), i);
        }
      }
      disk.free();
      try (ChannelLogs logs = new ChannelLogs(history, dir)) {
        say(logs, new ArrayList<>(), 101);
      }
    }
    List<String> lines = Files.readAllLines(ChannelLogs.file(dir, "#full", T0));
    assertEquals(
        List.of("line 0", "line 101"),
        lines.stream().map(l -> String.join(" ", List.of(l.split(" ")).subList(2, 4))).toList(),
        "the lines the full disk took in part are gone whole");
    for (String line : lines) {
      assertTrue(line.matches("02:00:00 <alice> line [0-9]+ x{200}"), line);
    }
  }

  @Test
  void theModerationLogHoldsWholeLinesOnly() throws Exception {
    Path file = disk.directory().resolve("moderation.log");
    try (ModerationLog log = ModerationLog.open(file, java.util.Set.of())) {
      log.recorded(kick("before"));
      disk.fill();
      log.recorded(kick("while full " + "x".repeat(10_000)));
      disk.free();
      log.recorded(kick("after"));
    }
    assertEquals(
        List.of(ModerationLog.format(kick("before")), ModerationLog.format(kick("after"))),
        Files.readAllLines(file));
  }

  private static dev.chatshell.chat.ModerationAction kick(String reason) {
    return new dev.chatshell.chat.ModerationAction(
        T0, dev.chatshell.chat.ModerationAction.Kind.KICK, "alice", "bob", "#full", reason);
  }

  private static void say(History history, List<String> said, int i) {
    String text = "line " + i;
    said.add(text);
    history.record(
        new HistoryEntry(
            T0.plusMillis(i),
            "#full",
            "alice",
            null,
            List.of(),
            List.of(),
            text + " " + "x".repeat(200)));
  }

  private static List<String> texts(HistoryStore history) {
    return history.channel("#full", null, T0.plusSeconds(3600), 1000).stream()
        .map(e -> e.text().substring(0, e.text().indexOf(' ', 5)))
        .toList();
  }
}
