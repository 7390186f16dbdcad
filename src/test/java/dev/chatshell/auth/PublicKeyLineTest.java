package dev.chatshell.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.AccountKey;
import dev.chatshell.testing.SshKeygen;
import dev.chatshell.testing.SshKeygen.Generated;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reading the public-key lines users paste into /KEY ADD and operators write in the configuration:
 * real keys made by OpenSSH's ssh-keygen are read with the fingerprint ssh-keygen prints, and
 * everything else is refused with one line that says why.
 */
class PublicKeyLineTest {
  @TempDir Path keys;

  private static String refusal(String line) {
    return assertThrows(IllegalArgumentException.class, () -> PublicKeyLine.parse(line))
        .getMessage();
  }

  @ParameterizedTest
  @CsvSource({
    "ed25519, 0, ssh-ed25519",
    "ecdsa, 256, ecdsa-sha2-nistp256",
    "ecdsa, 384, ecdsa-sha2-nistp384",
    "ecdsa, 521, ecdsa-sha2-nistp521",
    "rsa, 2048, ssh-rsa",
    "rsa, 3072, ssh-rsa"
  })
  void aKeyMadeBySshKeygenIsReadWithTheFingerprintOpenSshPrints(String type, int bits, String name)
      throws Exception {
    Generated made = SshKeygen.generate(keys, "id_" + type + bits, type, bits, "alice@laptop");

    PublicKeyLine line = PublicKeyLine.parse(made.publicLine());

    assertEquals(name, line.type());
    assertEquals(made.fingerprint(), line.fingerprint(), "as ssh-keygen -l prints it");
    assertTrue(line.fingerprint().matches("SHA256:[A-Za-z0-9+/]{43}"), line.fingerprint());
    assertEquals(made.publicLine(), line.publicKey() + " alice@laptop");
    assertEquals("alice@laptop", line.comment());
    assertEquals(
        new AccountKey(
            made.fingerprint(),
            name,
            line.publicKey(),
            "alice@laptop",
            Instant.parse("2026-12-07T14:00:00Z")),
        line.toAccountKey(Instant.parse("2026-12-07T14:00:00Z")));
  }

  /** Ed25519 is decoded through BouncyCastle, which MINA SSHD finds on the class path by itself. */
  @Test
  void anEd25519KeyDecodesToAKeyThatMatchesItself() throws Exception {
    Generated made = SshKeygen.generate(keys, "id_ed25519", "ed25519", 0, "me");

    PublicKeyLine line = PublicKeyLine.parse(made.publicLine());

    assertTrue(line.sameKey(line.key()));
    PublicKeyLine again = PublicKeyLine.of(line.key());
    assertEquals(line.publicKey(), again.publicKey(), "the door's key, back as a line");
    assertEquals(line.fingerprint(), again.fingerprint());
    assertEquals(line.fingerprint(), PublicKeyLine.fingerprint(line.key()));
    assertEquals("", again.comment());
  }

  @Test
  void anotherKeyIsNotTheSameKey() throws Exception {
    PublicKeyLine one = PublicKeyLine.parse(SshKeygen.ed25519Line("one"));
    PublicKeyLine two = PublicKeyLine.parse(SshKeygen.ed25519Line("two"));

    assertFalse(one.sameKey(two.key()));
    assertFalse(one.fingerprint().equals(two.fingerprint()));
  }

  @Test
  void anRsaKeyUnder2048BitsIsRefusedWithItsSize() throws Exception {
    Generated made = SshKeygen.generate(keys, "id_rsa1024", "rsa", 1024, "old");

    assertEquals(
        "RSA keys need at least 2048 bits; this one has 1024. Make a new key with ssh-keygen -t"
            + " ed25519.",
        refusal(made.publicLine()));
  }

  @Test
  void aDsaKeyIsRefused() {
    assertEquals(
        "DSA keys (ssh-dss) are not accepted: they are weak, and OpenSSH dropped them; make a new"
            + " key with ssh-keygen -t ed25519.",
        refusal("ssh-dss AAAAB3NzaC1kc3MAAACBAP1/U4EddRIpUt9KnC7s5Of2EbdSPO9EAMMeP4C2USZp me@old"));
  }

  @Test
  void anUnknownTypeIsRefusedNamingTheAcceptedOnes() {
    assertEquals(
        "Unknown key type ssh-foo; use ssh-ed25519, ecdsa-sha2-nistp256, -nistp384, -nistp521 or"
            + " ssh-rsa.",
        refusal("ssh-foo AAAAB3NzaC1 me"));
    assertTrue(refusal("hello").startsWith("Unknown key type hello;"));
  }

  @Test
  void certificatesAndSecurityKeysAreRefused() {
    assertTrue(refusal("ssh-ed25519-cert-v01@openssh.com AAAA me").startsWith("SSH certificates"));
    assertTrue(
        refusal("sk-ssh-ed25519@openssh.com AAAA me").startsWith("Security-key (FIDO) keys"));
  }

  @Test
  void anAuthorizedKeysLineWithOptionsIsRefusedNotReadWithoutThem() throws Exception {
    String key = SshKeygen.ed25519Line("me");
    String options =
        "authorized_keys options (from=, command=, no-pty...) are not accepted: give the key line"
            + " alone, as ssh-keygen writes it in the .pub file.";

    assertEquals(options, refusal("from=\"10.0.0.0/8\" " + key));
    assertEquals(options, refusal("no-pty,no-port-forwarding " + key));
    assertEquals(options, refusal("restrict " + key));
    assertEquals(options, refusal("command=\"/bin/true\" " + key));
  }

  @Test
  void aMegabyteLineIsRefusedByItsLengthAlone() {
    String huge = "ssh-ed25519 " + "A".repeat(1024 * 1024);

    assertEquals(
        "That key line has 1048588 characters; a public key line has at most 16384.",
        refusal(huge));
  }

  @Test
  void anRsaKeyOf16384BitsFitsTheLimit() throws Exception {
    // Only the public half is parsed: a 16384-bit modulus made up here (generating a real pair
    // takes minutes on a busy machine) has the size that matters.
    java.math.BigInteger modulus = modulusOf16384Bits();
    java.security.PublicKey big =
        java.security.KeyFactory.getInstance("RSA")
            .generatePublic(
                new java.security.spec.RSAPublicKeySpec(
                    modulus, java.math.BigInteger.valueOf(65537)));
    String line = org.apache.sshd.common.config.keys.PublicKeyEntry.toString(big);

    assertTrue(line.length() < PublicKeyLine.MAX_LENGTH, "length " + line.length());
    assertEquals(
        16384, ((RSAPublicKey) PublicKeyLine.parse(line + " big").key()).getModulus().bitLength());
  }

  /**
   * A product of 256-bit primes and one more that brings it to exactly 16384 bits: no small factor
   * (BouncyCastle checks that), made in milliseconds.
   */
  private static java.math.BigInteger modulusOf16384Bits() {
    java.util.Random random = new java.util.Random(7);
    java.math.BigInteger part = java.math.BigInteger.ONE;
    for (int i = 0; i < 63; i++) {
      part = part.multiply(java.math.BigInteger.probablePrime(256, random));
    }
    for (int bits = 16384 - part.bitLength() + 1; ; bits--) {
      java.math.BigInteger modulus =
          part.multiply(java.math.BigInteger.probablePrime(bits, random));
      if (modulus.bitLength() == 16384) {
        return modulus;
      }
      if (modulus.bitLength() < 16384) {
        bits += 2; // one bit short: try the larger size again with another prime
      }
    }
  }

  @Test
  void brokenBase64IsRefused() {
    assertEquals(
        "The key after ssh-ed25519 is not valid base64; copy the whole line again.",
        refusal("ssh-ed25519 AAAA!!!!C3NzaC1lZDI1NTE5 me"));
  }

  @Test
  void aLineWithATypeAndNoKeyIsRefused() {
    assertEquals("The key line has no key after ssh-ed25519.", refusal("  ssh-ed25519  "));
    assertEquals(
        "Give an OpenSSH public key line: type, key and comment, as in ~/.ssh/id_ed25519.pub.",
        refusal("   "));
    assertEquals(
        "Give an OpenSSH public key line: type, key and comment, as in ~/.ssh/id_ed25519.pub.",
        refusal(null));
  }

  @Test
  void keyDataOfAnotherTypeThanTheLineNamesIsRefused() {
    String ed25519 = SshKeygen.ed25519Line("me").split(" ")[1];

    assertEquals(
        "The key data is a ssh-ed25519 key, not the ssh-rsa the line names.",
        refusal("ssh-rsa " + ed25519 + " me"));
  }

  @Test
  void truncatedOrPaddedKeyDataIsRefused() {
    String base64 = SshKeygen.ed25519Line("me").split(" ")[1];
    byte[] blob = Base64.getDecoder().decode(base64);
    byte[] shorter = java.util.Arrays.copyOf(blob, blob.length - 8);
    byte[] longer = java.util.Arrays.copyOf(blob, blob.length + 6);
    byte[] lying = blob.clone();
    ByteBuffer.wrap(lying).putInt(0x7fffffff); // a type name longer than the blob

    assertTrue(
        refusal("ssh-ed25519 " + Base64.getEncoder().encodeToString(shorter))
            .startsWith("The key data is not a valid ssh-ed25519 key"));
    assertEquals(
        "The key data is malformed; copy the whole line again.",
        refusal("ssh-ed25519 " + Base64.getEncoder().encodeToString(longer)));
    assertEquals(
        "The key data is malformed; copy the whole line again.",
        refusal("ssh-ed25519 " + Base64.getEncoder().encodeToString(lying)));
    assertEquals(
        "The key data is malformed; copy the whole line again.", refusal("ssh-ed25519 AAAA"));
  }

  @Test
  void aPrivateKeyPastedByMistakeIsRefusedWithAWarning() throws Exception {
    Generated made = SshKeygen.generate(keys, "id_secret", "ed25519", 0, "me");
    String secret = Files.readString(made.privateKey());

    assertTrue(refusal(secret).startsWith("That is a PRIVATE key: never paste it anywhere."));
  }

  @Test
  void theCommentIsMadeVisibleAndCut() {
    String key = SshKeygen.ed25519Line("x").split(" x")[0];

    assertEquals(
        "bob@host two words", PublicKeyLine.parse(key + "  bob@host two words ").comment());
    assertFalse(PublicKeyLine.parse(key + " evil\u001b[2Jclear").comment().contains("\u001b"));
    String cut = PublicKeyLine.parse(key + " " + "c".repeat(500)).comment();
    assertEquals(PublicKeyLine.MAX_COMMENT, cut.codePointCount(0, cut.length()));
    assertEquals("", PublicKeyLine.parse(key).comment());
  }
}
