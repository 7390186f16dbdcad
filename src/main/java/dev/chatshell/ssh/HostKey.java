package dev.chatshell.ssh;

import dev.chatshell.transport.SecretFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's SSH host key: made (Ed25519) on first start, kept in the data directory readable by
 * the server's user only, and read back at every start, so clients that trust it once keep trusting
 * it. The file is OpenSSH's private-key format, so {@code ssh-keygen -l -f} shows its fingerprint
 * too.
 */
public final class HostKey {
  private static final Logger log = LoggerFactory.getLogger(HostKey.class);

  private final KeyPair keys;

  private HostKey(KeyPair keys) {
    this.keys = keys;
  }

  /** Reads the host key from {@code file}, or makes it there when there is none yet. */
  public static HostKey loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      SecretFiles.keepPrivate(file, "The SSH host key", log);
      return new HostKey(read(file));
    }
    KeyPair made;
    try {
      made = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot make an SSH host key: " + e.getMessage(), e);
    }
    write(made, file);
    log.info("Made a new SSH host key in {}", file);
    return new HostKey(made);
  }

  public KeyPair keys() {
    return keys;
  }

  /** The fingerprint users compare with what their client shows: {@code SHA256:...}. */
  public String fingerprint() {
    return KeyUtils.getFingerPrint(keys.getPublic());
  }

  /** The key's type as OpenSSH names it ({@code ssh-ed25519}). */
  public String type() {
    return KeyUtils.getKeyType(keys.getPublic());
  }

  private static KeyPair read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> pairs =
          SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, null);
      Iterator<KeyPair> first = pairs == null ? null : pairs.iterator();
      if (first == null || !first.hasNext()) {
        throw new IOException("no key in " + file);
      }
      return first.next();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the SSH host key " + file + ": " + e.getMessage(), e);
    }
  }

  /** Written to a private temporary file, then moved in place: never readable by others. */
  private static void write(KeyPair keys, Path file) throws IOException {
    SecretFiles.write(
        file,
        SecretFiles.OWNER_ONLY,
        out -> {
          try {
            new OpenSSHKeyPairResourceWriter()
                .writePrivateKey(keys, "chatshell host key", null, out);
          } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the SSH host key: " + e.getMessage(), e);
          }
        });
  }
}
