package dev.chatshell.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashTest {
  @Test
  void theRightPasswordMatchesAndAWrongOneDoesNot() {
    String stored = PasswordHash.hash("correct horse".toCharArray());
    assertTrue(PasswordHash.verify("correct horse".toCharArray(), stored));
    assertFalse(PasswordHash.verify("correct horsE".toCharArray(), stored));
    assertFalse(PasswordHash.verify("".toCharArray(), stored));
  }

  @Test
  void storedFormNamesTheSchemeAndWorkFactorAndNeverThePassword() {
    String stored = PasswordHash.hash("s3cret".toCharArray());
    String[] parts = stored.split(":");
    assertEquals(4, parts.length);
    assertEquals("pbkdf2-sha256", parts[0]);
    assertEquals(String.valueOf(PasswordHash.ITERATIONS), parts[1]);
    assertFalse(stored.contains("s3cret"));
    assertNull(PasswordHash.problem(stored));
  }

  @Test
  void theSaltMakesEveryHashDifferent() {
    assertNotEquals(
        PasswordHash.hash("same".toCharArray()), PasswordHash.hash("same".toCharArray()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plaintext",
        "md5:abc",
        "pbkdf2-sha256:1000:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256:many:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256:600000:!!!:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "pbkdf2-sha256:600000:AAAAAAAAAAAAAAAAAAAAAA:AAAA"
      })
  void malformedOrWeakHashesAreRejectedWithAReason(String stored) {
    assertNotNull(PasswordHash.problem(stored));
  }

  @Test
  void wipeClearsThePassword() {
    char[] password = "secret".toCharArray();
    PasswordHash.wipe(password);
    assertEquals("\0\0\0\0\0\0", new String(password));
  }
}
