package dev.chatshell.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted password hashes: PBKDF2 with HMAC-SHA-256 from the JDK, 600,000 iterations (the OWASP
 * recommendation for this function), a random 16-byte salt and a 32-byte result. Stored as one
 * printable token, {@code pbkdf2-sha256:<iterations>:<salt>:<hash>} (Base64), so the work factor
 * can be raised later without breaking stored hashes. A password itself is never stored.
 */
public final class PasswordHash {
  /** The prefix that names the scheme in a stored hash. */
  public static final String SCHEME = "pbkdf2-sha256";

  public static final int ITERATIONS = 600_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final int MIN_ITERATIONS = 100_000;
  private static final int MAX_ITERATIONS = 10_000_000; // beyond, one check would stall a core
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new hash of {@code password} with a fresh salt. */
  public static String hash(char[] password) {
    return hash(password, ITERATIONS);
  }

  /** A new hash of {@code password} with a fresh salt and the given work factor. */
  public static String hash(char[] password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return format(iterations, salt, derive(password, salt, iterations));
  }

  /** The work factor of a stored hash. */
  public static int iterations(String stored) {
    return Integer.parseInt(parse(stored)[1]);
  }

  /** True when {@code password} matches {@code stored}; false for a wrong password. */
  public static boolean verify(char[] password, String stored) {
    String[] parts = parse(stored);
    int iterations = Integer.parseInt(parts[1]);
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    byte[] actual = derive(password, salt, iterations);
    return MessageDigest.isEqual(expected, actual); // constant time
  }

  /** Why {@code stored} is not a hash this class can check, or {@code null} when it is. */
  public static String problem(String stored) {
    try {
      parse(stored);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static String[] parse(String stored) {
    String[] parts = stored.strip().split(":");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException(
          "not a "
              + SCHEME
              + ":<iterations>:<salt>:<hash> value (make one with"
              + " 'chatshell operator-line <name>')");
    }
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the iteration count is not a number");
    }
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException(
          "fewer than " + MIN_ITERATIONS + " iterations is too fast to guess against");
    }
    if (iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "more than " + MAX_ITERATIONS + " iterations would make each check take seconds");
    }
    byte[] salt;
    byte[] hash;
    try {
      salt = Base64.getDecoder().decode(parts[2]);
      hash = Base64.getDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the salt or the hash is not valid Base64");
    }
    if (salt.length < SALT_BYTES || hash.length != HASH_BYTES) {
      throw new IllegalArgumentException("the salt or the hash has the wrong length");
    }
    return parts;
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  private static String format(int iterations, byte[] salt, byte[] hash) {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + ":"
        + iterations
        + ":"
        + base64.encodeToString(salt)
        + ":"
        + base64.encodeToString(hash);
  }

  /**
   * Clears passwords from memory once they are no longer needed: the one place it is done. {@code
   * null}s are skipped, so a caller may wipe what it may not have been given.
   */
  public static void wipe(char[]... passwords) {
    for (char[] password : passwords) {
      if (password != null) {
        Arrays.fill(password, '\0');
      }
    }
  }
}
