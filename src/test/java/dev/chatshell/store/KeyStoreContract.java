package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.AccountKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database behind {@link KeyStore} must do (accounts' public keys, schema V6). Each
 * database gets a subclass that opens a fresh, empty one; the same tests then run on all of them.
 */
abstract class KeyStoreContract extends StoreContract {
  private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

  private static final AccountKey ED25519 =
      new AccountKey(
          "SHA256:ed25519ed25519ed25519ed25519ed25519ed2551",
          "ssh-ed25519",
          "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
          "alice@laptop",
          NOW);
  private static final AccountKey RSA =
      new AccountKey(
          "SHA256:rsarsarsarsarsarsarsarsarsarsarsarsarsarsar",
          "ssh-rsa",
          "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + "C".repeat(2000),
          "",
          NOW.plusSeconds(60));

  private KeyStore keys;

  @BeforeEach
  void open() throws Exception {
    AccountStore accounts = new AccountStore(database);
    accounts.create("Alice", "hash-a", NOW);
    accounts.create("bob", "hash-b", NOW);
    keys = new KeyStore(database);
  }

  private void restart() throws Exception {
    reopenDatabase();
    keys = new KeyStore(database);
  }

  @Test
  void anAccountHasNoKeysAtFirst() throws Exception {
    assertEquals(List.of(), keys.list("Alice"));
    assertEquals(Optional.empty(), keys.find("Alice", ED25519.fingerprint()));
  }

  @Test
  void addedKeysComeBackAfterARestartOldestFirstWhateverTheCaseOfTheName() throws Exception {
    assertTrue(keys.add("alice", RSA));
    assertTrue(keys.add("ALICE", ED25519));

    restart();

    assertEquals(List.of(ED25519, RSA), keys.list("Alice"), "every field, oldest first");
    assertEquals(Optional.of(RSA), keys.find("alice", RSA.fingerprint()));
    assertEquals(List.of(), keys.list("bob"), "other accounts untouched");
  }

  @Test
  void theSameKeyTwiceOnOneAccountIsStoredOnce() throws Exception {
    assertTrue(keys.add("Alice", ED25519));

    assertFalse(keys.add("alice", later(ED25519)));

    assertEquals(List.of(ED25519), keys.list("Alice"), "the first one kept, with its time");
  }

  private static AccountKey later(AccountKey key) {
    return new AccountKey(
        key.fingerprint(), key.type(), key.publicKey(), "again", key.added().plusSeconds(5));
  }

  @Test
  void twoAccountsMayHoldTheSameKey() throws Exception {
    assertTrue(keys.add("Alice", ED25519));
    assertTrue(keys.add("bob", ED25519));

    assertEquals(List.of(ED25519), keys.list("bob"));
  }

  @Test
  void aRemovedKeyIsGoneAfterARestartAndOnlyFromItsAccount() throws Exception {
    keys.add("Alice", ED25519);
    keys.add("Alice", RSA);
    keys.add("bob", ED25519);

    assertTrue(keys.remove("ALICE", ED25519.fingerprint()));
    assertFalse(keys.remove("Alice", ED25519.fingerprint()), "not there any more");
    assertFalse(keys.remove("Alice", "SHA256:nosuchkey"));
    restart();

    assertEquals(List.of(RSA), keys.list("Alice"));
    assertEquals(List.of(ED25519), keys.list("bob"));
  }

  @Test
  void aFingerprintIsMatchedExactlyForBase64HasCase() throws Exception {
    keys.add("Alice", ED25519);

    assertEquals(
        Optional.empty(),
        keys.find("Alice", ED25519.fingerprint().toLowerCase(java.util.Locale.ROOT)));
    assertFalse(keys.remove("Alice", ED25519.fingerprint().toUpperCase(java.util.Locale.ROOT)));
  }

  @Test
  void aKeyNeedsAnAccount() {
    assertThrows(StoreException.class, () -> keys.add("carol", ED25519));
  }

  @Test
  void theSchemaIsAtTheLatestVersion() throws Exception {
    assertEquals(Database.MIGRATIONS.size(), database.schemaVersion());
    assertEquals("V6__keys.sql", Database.MIGRATIONS.get(5));
  }
}
