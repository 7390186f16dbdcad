package dev.chatshell.it;

import static dev.chatshell.it.AccountsIT.PASSWORD;
import static dev.chatshell.it.AccountsIT.logIn;
import static dev.chatshell.it.AccountsIT.register;
import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.config.ConfigException;
import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.SshKeygen;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An account's SSH keys in the whole server (issue 14, item 3), over a real telnet socket and the
 * real database across a restart: a key made by ssh-keygen is added, listed after the restart and
 * removed; a telnet session has no key of its own to add; a bad operator key line stops the server
 * at start with its reason.
 */
class KeysIT {
  @TempDir Path scratch;

  @Test
  void aKeyAddedOverTelnetIsKeptAcrossARestartAndRemoved() throws Exception {
    SshKeygen.Generated key = SshKeygen.generate(scratch, "id_ecdsa", "ecdsa", 384, "alice@laptop");
    Map<Setting, String> sameData = Map.of(Setting.DATA_DIR, scratch.resolve("var").toString());
    ChatshellServer first = TestServer.start(sameData);
    try (TestClient alice = TestClient.plain(first.port())) {
      login(alice, "alice");
      alice.send("/key add " + key.publicLine());
      alice.expect("Error: Keys belong to an account, and you are logged in to none");
      register(alice, "alice");
      alice.send("/key add");
      alice.expect("Error: Give the key line: /KEY ADD ssh-ed25519 AAAA... (your .pub file)");
      alice.send("/key add " + key.publicLine());
      alice.expect(
          "Added the key "
              + key.fingerprint()
              + " (alice@laptop) to the account alice (1 of 20): over SSH it logs you in without"
              + " a password.");
      alice.send("/bye");
      alice.awaitClosed(Duration.ofSeconds(5));
    } finally {
      first.close();
    }

    ChatshellServer second = TestServer.start(sameData);
    try (TestClient back = TestClient.plain(second.port())) {
      logIn(back, "alice", PASSWORD);
      back.expect("Welcome, alice!");
      back.send("/key list");
      back.expect("The keys of the account alice (1):");
      back.expect("  " + key.fingerprint() + "  alice@laptop  ecdsa-sha2-nistp384  added ");
      back.send("/key del " + key.fingerprint());
      back.expect(
          "Removed the key " + key.fingerprint() + " (alice@laptop) from the account alice");
      back.send("/key");
      back.expect("The account alice has no keys; /KEY ADD <public key line> adds one.");
    } finally {
      second.close();
    }
  }

  @Test
  void anOperatorKeyLineThatIsNoAcceptableKeyStopsTheServerAtStart() throws Exception {
    Path config = scratch.resolve("chatshell.properties");
    Files.writeString(config, "operator.root.key=ssh-rsa AAAA!! root@old\n");

    ConfigException refused =
        assertThrows(
            ConfigException.class,
            () ->
                TestServer.start(
                    config, Map.of(Setting.DATA_DIR, scratch.resolve("var").toString())));

    assertTrue(
        refused
            .getMessage()
            .endsWith(": The key after ssh-rsa is not valid base64; copy the whole line again."),
        refused.getMessage());
    assertTrue(refused.getMessage().startsWith("Bad value for operator.root.key in "));
  }
}
