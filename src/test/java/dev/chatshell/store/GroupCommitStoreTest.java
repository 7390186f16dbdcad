package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#together}: several changes in one transaction (one commit, one sync), each under
 * a savepoint of its own, so one that fails is rolled back alone and the others are kept.
 */
class GroupCommitStoreTest {
  private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
  private static final String HASH = "pbkdf2-sha256$100000$c2FsdA==$" + "A".repeat(44);

  @TempDir Path directory;
  private Database database;
  private AccountStore accounts;

  @BeforeEach
  void open() throws Exception {
    database = Database.sqlite(directory.resolve("chatshell.db"));
    accounts = new AccountStore(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private Runnable create(String name) {
    return () -> {
      try {
        accounts.create(name, HASH, T0);
      } catch (StoreException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** Accounts as another connection sees them: only what is committed. */
  private List<String> committed() throws Exception {
    try (Connection other =
            DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("chatshell.db"));
        Statement select = other.createStatement();
        ResultSet rows = select.executeQuery("SELECT name FROM accounts ORDER BY name")) {
      List<String> names = new ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString(1));
      }
      return names;
    }
  }

  @Test
  void changesAreCommittedTogetherAndOneThatFailsIsRolledBackAlone() throws Exception {
    IllegalStateException broken = new IllegalStateException("the rest of bob's change failed");
    List<List<String>> seenMeanwhile = new ArrayList<>();
    Runnable bobHalfWay =
        () -> {
          create("bob").run(); // written, then rolled back to bob's savepoint
          throw broken;
        };
    Runnable carolThenLook =
        () -> {
          create("carol").run();
          try {
            seenMeanwhile.add(committed());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };

    List<RuntimeException> failures =
        database.together(List.of(create("alice"), bobHalfWay, carolThenLook, create("dave")));

    assertNull(failures.get(0));
    assertSame(broken, failures.get(1), "the change that failed is refused with its own error");
    assertNull(failures.get(2));
    assertNull(failures.get(3));
    assertEquals(
        List.of(List.of()), seenMeanwhile, "nothing is committed before the group's one commit");
    assertEquals(List.of("alice", "carol", "dave"), committed(), "bob's change alone is undone");
    assertTrue(accounts.find("bob").isEmpty());
  }

  @Test
  void afterAGroupTransactionsWorkAsBefore() throws Exception {
    database.together(List.of(create("alice")));
    assertTrue(accounts.create("bob", HASH, T0), "a transaction of its own commits");
    assertEquals(List.of("alice", "bob"), committed());
  }
}
