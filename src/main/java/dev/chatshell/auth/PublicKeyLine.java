package dev.chatshell.auth;

import dev.chatshell.chat.AccountKey;
import dev.chatshell.chat.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * One OpenSSH public-key line, as {@code ssh-keygen} writes it in a {@code .pub} file ({@code
 * ssh-ed25519 AAAAC3Nz... alice@laptop}), read and checked: the keys chatshell accepts for accounts
 * (/KEY ADD) and operators ({@code operator.<name>.key}).
 *
 * <p>Accepted: Ed25519 ({@code ssh-ed25519}), ECDSA on the NIST curves ({@code
 * ecdsa-sha2-nistp256}, {@code -nistp384}, {@code -nistp521}) and RSA ({@code ssh-rsa}) of at least
 * {@value #MIN_RSA_BITS} bits. Everything else is refused with a one-line reason: DSA,
 * certificates, security-key (FIDO) keys, unknown types, broken base64, key data that does not
 * decode or does not match the type the line names, and a line over {@value #MAX_LENGTH}
 * characters, which is refused before any of it is looked at.
 *
 * <p>An {@code authorized_keys} line with options in front ({@code from="10.0.0.0/8",no-pty
 * ssh-ed25519 ...}) is refused, not read with its options dropped: an owner who wrote {@code from=}
 * expects it to restrict the key, and chatshell would silently let the key in from anywhere.
 *
 * <p>The key itself is decoded by Apache MINA SSHD; Ed25519 needs BouncyCastle on the class path,
 * which SSHD finds by itself.
 */
public final class PublicKeyLine {
  /** The longest line read at all; an RSA key of 16384 bits with a long comment fits. */
  public static final int MAX_LENGTH = 16 * 1024;

  /** The smallest RSA key accepted, in bits, as OpenSSH 9 demands. */
  public static final int MIN_RSA_BITS = 2048;

  /** Comments are cut to this many characters: a label, not a document. */
  public static final int MAX_COMMENT = 100;

  /** The key types accepted, in the order they are recommended. */
  public static final List<String> TYPES =
      List.of(
          "ssh-ed25519",
          "ecdsa-sha2-nistp256",
          "ecdsa-sha2-nistp384",
          "ecdsa-sha2-nistp521",
          "ssh-rsa");

  private static final String ACCEPTED =
      "use ssh-ed25519, ecdsa-sha2-nistp256, -nistp384, -nistp521 or ssh-rsa";

  /** The option words of authorized_keys lines that carry no "=" of their own. */
  private static final Set<String> OPTION_WORDS =
      Set.of(
          "agent-forwarding",
          "cert-authority",
          "no-agent-forwarding",
          "no-port-forwarding",
          "no-pty",
          "no-user-rc",
          "no-x11-forwarding",
          "no-touch-required",
          "port-forwarding",
          "pty",
          "restrict",
          "user-rc",
          "verify-required",
          "x11-forwarding");

  private final PublicKey key;
  private final String type;
  private final String publicKey;
  private final String comment;
  private final String fingerprint;

  private PublicKeyLine(
      PublicKey key, String type, String publicKey, String comment, String fingerprint) {
    this.key = key;
    this.type = type;
    this.publicKey = publicKey;
    this.comment = comment;
    this.fingerprint = fingerprint;
  }

  /**
   * Reads {@code line}, or refuses it with an {@link IllegalArgumentException} whose message is one
   * line saying why, fit to show the user as it is.
   */
  public static PublicKeyLine parse(String line) {
    if (line == null || line.isBlank()) {
      throw refused(
          "Give an OpenSSH public key line: type, key and comment, as in ~/.ssh/id_ed25519.pub.");
    }
    if (line.length() > MAX_LENGTH) { // before anything looks at it: a megabyte costs nothing
      throw refused(
          "That key line has "
              + line.length()
              + " characters; a public key line has at most "
              + MAX_LENGTH
              + ".");
    }
    if (line.contains("PRIVATE KEY")) {
      throw refused(
          "That is a PRIVATE key: never paste it anywhere. Give the public one, the line of the"
              + " .pub file.");
    }
    String[] words = line.strip().split("\\s+", 3);
    String type = words[0];
    if (!TYPES.contains(type)) {
      throw refused(unacceptable(type));
    }
    if (words.length < 2) {
      throw refused("The key line has no key after " + type + ".");
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(words[1]);
    } catch (IllegalArgumentException e) {
      throw refused("The key after " + type + " is not valid base64; copy the whole line again.");
    }
    String inside = typeInside(blob);
    if (inside == null) {
      throw refused("The key data is malformed; copy the whole line again.");
    }
    if (!inside.equals(type)) {
      throw refused(
          "The key data is a "
              + Text.visible(cut(inside, 40))
              + " key, not the "
              + type
              + " the line names.");
    }
    PublicKey key;
    try {
      key = new PublicKeyEntry(type, blob).resolvePublicKey(null, Map.of(), null);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      key = null;
    }
    if (key == null) {
      throw refused("The key data is not a valid " + type + " key; copy the whole line again.");
    }
    String canonical = encode(key);
    // Trailing bytes, or an encoding OpenSSH would not write: refused, as OpenSSH refuses them.
    if (!canonical.equals(type + " " + words[1])) {
      throw refused("The key data is malformed; copy the whole line again.");
    }
    if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
      throw refused(
          "RSA keys need at least "
              + MIN_RSA_BITS
              + " bits; this one has "
              + rsa.getModulus().bitLength()
              + ". Make a new key with ssh-keygen -t ed25519.");
    }
    String comment = words.length > 2 ? cut(Text.visible(words[2]).strip(), MAX_COMMENT) : "";
    return new PublicKeyLine(key, type, canonical, comment, fingerprint(key));
  }

  /**
   * A key a client presented (SSH authentication), as a line: its type and base64 key, no comment.
   * Refused like {@link #parse} when it is not a kind of key chatshell accepts.
   */
  public static PublicKeyLine of(PublicKey key) {
    String line;
    try {
      line = encode(key);
    } catch (IllegalArgumentException e) {
      throw refused("That kind of key (" + key.getAlgorithm() + ") is not accepted; " + ACCEPTED);
    }
    return parse(line);
  }

  /** The SHA-256 fingerprint of {@code key} as OpenSSH prints it: {@code SHA256:<base64>}. */
  public static String fingerprint(PublicKey key) {
    return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
  }

  /** Why a word in the place of the key type is not one. */
  private static String unacceptable(String type) {
    if (type.equals("ssh-dss")) {
      return "DSA keys (ssh-dss) are not accepted: they are weak, and OpenSSH dropped them;"
          + " make a new key with ssh-keygen -t ed25519.";
    }
    if (type.endsWith("-cert-v01@openssh.com")) {
      return "SSH certificates are not accepted; give the plain public key (" + ACCEPTED + ").";
    }
    if (type.startsWith("sk-")) {
      return "Security-key (FIDO) keys are not accepted; " + ACCEPTED + ".";
    }
    if (type.startsWith("-----BEGIN")) {
      return "That is a key file in PEM form; give the one-line OpenSSH public key, as in"
          + " ~/.ssh/id_ed25519.pub (ssh-keygen -y -f <key> prints it).";
    }
    String lower = type.toLowerCase(Locale.ROOT);
    if (type.contains("=") || type.contains(",") || OPTION_WORDS.contains(lower)) {
      return "authorized_keys options (from=, command=, no-pty...) are not accepted: give the key"
          + " line alone, as ssh-keygen writes it in the .pub file.";
    }
    return "Unknown key type " + Text.visible(cut(type, 40)) + "; " + ACCEPTED + ".";
  }

  /** The type name an SSH key blob starts with, or {@code null} when it has none. */
  private static String typeInside(byte[] blob) {
    if (blob.length < 4) {
      return null;
    }
    int length = ByteBuffer.wrap(blob).getInt();
    if (length <= 0 || length > 64 || length > blob.length - 4) {
      return null;
    }
    return new String(blob, 4, length, StandardCharsets.US_ASCII);
  }

  private static String encode(PublicKey key) {
    return PublicKeyEntry.toString(key);
  }

  private static String cut(String s, int max) {
    return s.codePointCount(0, s.length()) <= max
        ? s
        : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  private static IllegalArgumentException refused(String why) {
    return new IllegalArgumentException(why, null);
  }

  /** The key, for checking signatures. */
  public PublicKey key() {
    return key;
  }

  /** The key's type name: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}... */
  public String type() {
    return type;
  }

  /** Type and base64 key, as OpenSSH writes them, without the comment. */
  public String publicKey() {
    return publicKey;
  }

  /** The comment that followed the key, made visible and cut; empty when there was none. */
  public String comment() {
    return comment;
  }

  /** {@code SHA256:<base64>}, as {@code ssh-keygen -l} prints it. */
  public String fingerprint() {
    return fingerprint;
  }

  /** True when {@code other} is this very key. */
  public boolean sameKey(PublicKey other) {
    return other != null && KeyUtils.compareKeys(key, other);
  }

  /** The key as an account keeps it, added at {@code now}. */
  public AccountKey toAccountKey(Instant now) {
    return new AccountKey(fingerprint, type, publicKey, comment, now);
  }

  @Override
  public String toString() {
    return comment.isEmpty() ? publicKey : publicKey + " " + comment;
  }
}
