package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.auth.PublicKeyLine;
import dev.chatshell.chat.AccountKey;
import dev.chatshell.command.FakeContext;
import dev.chatshell.testing.SshKeygen;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /KEY ADD, LIST and DEL on a server over the real account and key stores (SQLite): an account's
 * keys are what the SSH door asks about ({@code AccountKeyRing.holds}).
 */
class KeyCommandTest extends StoredFixture {
  private static final String PASSWORD = "correct horse";

  @TempDir Path sshDirectory;

  /** alice, registered and logged in to her account. */
  private FakeContext alice() {
    FakeContext alice = connect("alice").willType(PASSWORD).willType(PASSWORD).run("/REGISTER");
    alice.clear();
    return alice;
  }

  @Test
  void aKeyMadeBySshKeygenIsAddedListedAndThenLogsInToTheAccount() throws Exception {
    SshKeygen.Generated made =
        SshKeygen.generate(sshDirectory, "id_ed25519", "ed25519", 0, "alice@laptop");
    FakeContext alice = alice();

    alice.run("/KEY ADD " + made.publicLine());

    assertEquals(List.of(), alice.errors());
    assertEquals(
        List.of(
            "Added the key "
                + made.fingerprint()
                + " (alice@laptop) to the account alice (1 of 20): over SSH it logs you in"
                + " without a password."),
        alice.inbox().texts());
    PublicKeyLine key = PublicKeyLine.parse(made.publicLine());
    assertTrue(keys.keysOf("ALICE").test(key.key()), "the door's question, any case of the name");
    assertFalse(keys.keysOf("bob").test(key.key()));
    assertFalse(keys.keysOf("alice").test(PublicKeyLine.parse(SshKeygen.ed25519Line("x")).key()));

    alice.clear().run("/KEY LIST");

    assertEquals(2, alice.replies().size(), alice.replies().toString());
    assertEquals("The keys of the account alice (1):", alice.replies().get(0));
    assertTrue(
        alice
            .replies()
            .get(1)
            .matches(
                "  \\Q"
                    + made.fingerprint()
                    + "\\E  alice@laptop  ssh-ed25519  added \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC"),
        alice.replies().get(1));
  }

  @Test
  void aGuestHasNoKeysToManage() {
    FakeContext guest = connect("guest");
    String none =
        "Keys belong to an account, and you are logged in to none: /REGISTER makes one for your"
            + " nick.";

    guest.run("/KEY ADD " + SshKeygen.ed25519Line("g"));
    guest.run("/KEY LIST");
    guest.run("/KEY DEL SHA256:abc");

    assertEquals(List.of(none, none, none), guest.errors());
  }

  @Test
  void theSameKeyTwiceIsSaidToBeThereAlready() {
    FakeContext alice = alice();
    String line = SshKeygen.ed25519Line("one");
    alice.run("/KEY ADD " + line).clear();

    alice.run("/key add " + line.replace(" one", " another comment"));

    String fingerprint = PublicKeyLine.parse(line).fingerprint();
    assertEquals(
        List.of("The key " + fingerprint + " is on the account alice already."), alice.errors());
    assertEquals(1, keys.list("alice").size());
  }

  @Test
  void anAccountHoldsAtMostTwentyKeys() {
    FakeContext alice = alice();
    for (int i = 0; i < 20; i++) {
      alice.run("/KEY ADD " + SshKeygen.ed25519Line("key" + i));
    }
    assertEquals(List.of(), alice.errors());
    String last = SshKeygen.ed25519Line("one too many");

    alice.run("/KEY ADD " + last);

    assertEquals(
        List.of("The account alice has 20 keys, the most it may have; /KEY DEL one first."),
        alice.errors());
    assertEquals(20, keys.list("alice").size());
    assertFalse(keys.keysOf("alice").test(PublicKeyLine.parse(last).key()));
  }

  @Test
  void aKeyIsRemovedByItsFingerprintWithOrWithoutThePrefix() {
    FakeContext alice = alice();
    String one = SshKeygen.ed25519Line("one");
    String two = SshKeygen.ed25519Line("two");
    alice.run("/KEY ADD " + one).run("/KEY ADD " + two).clear();
    String first = PublicKeyLine.parse(one).fingerprint();
    String second = PublicKeyLine.parse(two).fingerprint();

    alice.run("/KEY DEL " + first);
    alice.run("/KEY DEL " + second.substring("SHA256:".length()));

    assertEquals(List.of(), alice.errors());
    assertEquals(
        List.of(
            "Removed the key " + first + " (one) from the account alice: it no longer logs you in.",
            "Removed the key "
                + second
                + " (two) from the account alice: it no longer logs you in."),
        alice.inbox().texts());
    assertEquals(List.of(), keys.list("alice"));
    assertFalse(keys.keysOf("alice").test(PublicKeyLine.parse(one).key()));
  }

  @Test
  void removingAKeyTheAccountDoesNotHaveSaysSo() {
    FakeContext alice = alice();
    alice.run("/KEY ADD " + SshKeygen.ed25519Line("kept")).clear();

    alice.run("/KEY DEL SHA256:nosuchkeynosuchkeynosuchkeynosuchkeynosuchk");
    alice.run("/KEY DEL");

    assertEquals(
        List.of(
            "The account alice has no key SHA256:nosuchkeynosuchkeynosuchkeynosuchkeynosuchk;"
                + " /KEY LIST shows its keys.",
            "Give the fingerprint of the key to remove: /KEY DEL SHA256:... (/KEY LIST shows"
                + " them)."),
        alice.errors());
    assertEquals(1, keys.list("alice").size());
  }

  @Test
  void addAloneOverTelnetAsksForTheLine() {
    FakeContext alice = alice();

    alice.run("/KEY ADD");

    assertEquals(
        List.of(
            "Give the key line: /KEY ADD ssh-ed25519 AAAA... (your .pub file); over SSH, /KEY ADD"
                + " alone adds the key you logged in with."),
        alice.errors());
    assertEquals(List.of(), keys.list("alice"));
  }

  @Test
  void addAloneOverSshAddsTheKeyTheSessionLoggedInWith() {
    String proven = PublicKeyLine.parse(SshKeygen.ed25519Line("c")).publicKey();
    FakeContext alice = alice().withSessionKey(proven);

    alice.run("/KEY ADD");

    assertEquals(List.of(), alice.errors());
    List<AccountKey> kept = keys.list("alice");
    assertEquals(1, kept.size());
    assertEquals(proven, kept.getFirst().publicKey());
    assertEquals("", kept.getFirst().comment());
    assertTrue(keys.keysOf("alice").test(PublicKeyLine.parse(proven).key()));
  }

  @Test
  void aLineThatIsNoAcceptableKeyIsOneErrorSayingWhy() {
    FakeContext alice = alice();

    alice.run("/KEY ADD ssh-dss AAAAB3NzaC1kc3MAAACBAP1 me@old");
    alice.run("/KEY ADD ssh-ed25519 AAAA!!!! me");
    alice.run("/KEY ADD from=\"10.0.0.1\" " + SshKeygen.ed25519Line("me"));
    alice.run("/KEY ADD ssh-ed25519 " + "A".repeat(100_000));

    assertEquals(
        List.of(
            "DSA keys (ssh-dss) are not accepted: they are weak, and OpenSSH dropped them; make a"
                + " new key with ssh-keygen -t ed25519.",
            "The key after ssh-ed25519 is not valid base64; copy the whole line again.",
            "authorized_keys options (from=, command=, no-pty...) are not accepted: give the key"
                + " line alone, as ssh-keygen writes it in the .pub file.",
            "That key line has 100012 characters; a public key line has at most 16384."),
        alice.errors());
    assertEquals(List.of(), keys.list("alice"));
  }

  @Test
  void listAloneOrEmptySaysHowToAdd() {
    FakeContext alice = alice();

    alice.run("/KEY");
    alice.withSessionKey(PublicKeyLine.parse(SshKeygen.ed25519Line("s")).publicKey());
    alice.run("/KEY LIST");

    assertEquals(
        List.of(
            "The account alice has no keys; /KEY ADD <public key line> adds one.",
            "The account alice has no keys; /KEY ADD <public key line> adds one, /KEY ADD alone"
                + " the one you logged in with."),
        alice.replies());
  }

  @Test
  void anUnknownActionIsRefused() {
    FakeContext alice = alice();

    alice.run("/KEY REMOVE SHA256:x");
    alice.run("/KEY LIST everything");

    assertEquals(
        List.of("/KEY takes ADD, LIST or DEL, not REMOVE.", "/KEY LIST takes nothing after it."),
        alice.errors());
  }

  @Test
  void registeringOverSshWithAKeyOffersToAddIt() {
    String proven = PublicKeyLine.parse(SshKeygen.ed25519Line("c")).publicKey();
    FakeContext bob = connect("bob").withSessionKey(proven).willType(PASSWORD).willType(PASSWORD);

    bob.run("/REGISTER");

    assertEquals(List.of(), bob.errors());
    assertEquals(
        List.of(
            "You logged in with the key "
                + PublicKeyLine.parse(proven).fingerprint()
                + "; /KEY ADD adds it to bob, so that it logs you in without a password."),
        bob.replies());
    assertEquals(List.of(), keys.list("bob"), "offered, not added unasked");

    bob.clear().run("/KEY ADD");

    assertTrue(keys.keysOf("bob").test(PublicKeyLine.parse(proven).key()));
  }

  @Test
  void registeringOverTelnetOffersNothing() {
    FakeContext carol = connect("carol").willType(PASSWORD).willType(PASSWORD);

    carol.run("/REGISTER");

    assertEquals(List.of(), carol.replies());
  }
}
