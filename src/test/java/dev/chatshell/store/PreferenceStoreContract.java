package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.chat.Preferences;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database behind {@link PreferenceStore} must do (the /SET choices of accounts, schema
 * V5). Each database gets a subclass that opens a fresh, empty one; the same tests then run on all
 * of them.
 */
abstract class PreferenceStoreContract extends StoreContract {
  private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

  private PreferenceStore preferences;

  @BeforeEach
  void open() throws Exception {
    AccountStore accounts = new AccountStore(database);
    accounts.create("Alice", "hash-a", NOW);
    accounts.create("bob", "hash-b", NOW);
    preferences = new PreferenceStore(database);
  }

  private void restart() throws Exception {
    reopenDatabase();
    preferences = new PreferenceStore(database);
  }

  @Test
  void anAccountThatNeverChoseHasTheDefaults() {
    assertEquals(Preferences.DEFAULTS, preferences.load("Alice"));
    assertEquals(new Preferences(false, true), preferences.load("bob"));
  }

  @Test
  void aChoiceComesBackAfterARestartWhateverTheCaseOfTheName() throws Exception {
    preferences.save("Alice", new Preferences(true, false));

    restart();

    assertEquals(new Preferences(true, false), preferences.load("ALICE"));
    assertEquals(Preferences.DEFAULTS, preferences.load("bob"), "other accounts untouched");
  }

  @Test
  void aNewChoiceReplacesTheOldOne() throws Exception {
    preferences.save("alice", new Preferences(true, true));
    preferences.save("ALICE", new Preferences(false, false));
    preferences.save("bob", new Preferences(true, true));

    restart();

    assertEquals(new Preferences(false, false), preferences.load("Alice"));
    assertEquals(new Preferences(true, true), preferences.load("bob"));
  }

  @Test
  void theSchemaIsAtTheLatestVersion() throws Exception {
    assertEquals(Database.MIGRATIONS.size(), database.schemaVersion());
    assertEquals("V5__preferences.sql", Database.MIGRATIONS.get(4));
  }
}
