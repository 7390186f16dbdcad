package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database behind {@link AccountStore} must do. Each database gets a subclass that opens
 * a fresh, empty one; the same tests then run on all of them.
 */
abstract class AccountStoreContract extends StoreContract {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00.123Z");

  private AccountStore accounts;

  @BeforeEach
  void open() throws Exception {
    accounts = new AccountStore(database);
  }

  @Test
  void aRegisteredNameIsFoundInAnyCaseWithItsOwnCaseKept() throws Exception {
    assertTrue(accounts.create("Alice", "pbkdf2-sha256:600000:c2FsdA:aGFzaA", NOW));
    AccountStore.Account found = accounts.find("aLiCe").orElseThrow();
    assertEquals("Alice", found.name());
    assertEquals("pbkdf2-sha256:600000:c2FsdA:aGFzaA", found.passwordHash());
    assertFalse(found.locked());
    assertEquals(NOW.toEpochMilli(), found.created().toEpochMilli());
    assertTrue(accounts.find("bob").isEmpty());
  }

  @Test
  void aNameCanBeRegisteredOnceWhateverItsCase() throws Exception {
    assertTrue(accounts.create("alice", "h1", NOW));
    assertFalse(accounts.create("ALICE", "h2", NOW));
    assertEquals("h1", accounts.find("alice").orElseThrow().passwordHash(), "not overwritten");
  }

  @Test
  void passwordsAreReplacedAndAccountsLockedAndUnlocked() throws Exception {
    accounts.create("carol", "old", NOW);
    assertTrue(accounts.setPassword("Carol", "new"));
    assertEquals("new", accounts.find("carol").orElseThrow().passwordHash());
    assertTrue(accounts.setLocked("carol", true));
    assertTrue(accounts.find("carol").orElseThrow().locked());
    assertTrue(accounts.setLocked("carol", false));
    assertFalse(accounts.find("carol").orElseThrow().locked());
    assertFalse(accounts.setPassword("nobody", "x"), "no such account");
    assertFalse(accounts.setLocked("nobody", true), "no such account");
  }

  @Test
  void theListIsInNameOrder() throws Exception {
    accounts.create("zed", "h", NOW);
    accounts.create("Amy", "h", NOW);
    accounts.create("bob", "h", NOW);
    assertEquals(
        List.of("Amy", "bob", "zed"),
        accounts.list().stream().map(AccountStore.Account::name).toList());
  }

  @Test
  void whatWasCommittedIsThereAfterReopening() throws Exception {
    accounts.create("dave", "hash", NOW);
    accounts.setLocked("dave", true);
    reopenDatabase();
    AccountStore again = new AccountStore(database);
    AccountStore.Account dave = again.find("dave").orElseThrow();
    assertEquals("hash", dave.passwordHash());
    assertTrue(dave.locked());
    assertEquals(Database.MIGRATIONS.size(), database.schemaVersion(), "migrated once, not twice");
  }

  @Test
  void aFailedTransactionLeavesNothingBehind() throws Exception {
    try {
      database.transaction(
          connection -> {
            try (var insert =
                connection.prepareStatement(
                    "INSERT INTO accounts (name_key, name, password_hash, locked, created_at)"
                        + " VALUES ('eve', 'eve', 'h', FALSE, 0)")) {
              insert.executeUpdate();
            }
            throw new java.sql.SQLException("failed half-way");
          });
    } catch (StoreException expected) {
      assertTrue(expected.getMessage().contains("failed half-way"), expected.getMessage());
    }
    assertTrue(accounts.find("eve").isEmpty(), "rolled back");
  }
}
