package dev.chatshell.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * A public key an account added (/KEY ADD), as the domain sees it: text only, read and checked by
 * {@link AccountKeys#read}. A session that proves it holds the matching private key logs in to the
 * account without its password.
 *
 * @param fingerprint the key's SHA-256 fingerprint as OpenSSH prints it: {@code SHA256:<base64>}
 * @param type the key's type name: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code
 *     ssh-rsa}...
 * @param publicKey the OpenSSH public-key line without its comment: type, a space, the base64 key
 * @param comment the comment that followed the key (often user@host), made visible; may be empty
 * @param added when it was added
 */
public record AccountKey(
    String fingerprint, String type, String publicKey, String comment, Instant added) {
  public AccountKey {
    Objects.requireNonNull(fingerprint);
    Objects.requireNonNull(type);
    Objects.requireNonNull(publicKey);
    comment = comment == null ? "" : comment;
    Objects.requireNonNull(added);
  }
}
