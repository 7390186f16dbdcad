package dev.chatshell.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.Set;
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

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final KeyPair keys;

  private HostKey(KeyPair keys) {
    this.keys = keys;
  }

  /** Reads the host key from {@code file}, or makes it there when there is none yet. */
  public static HostKey loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      keepPrivate(file);
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
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary =
        Files.createTempFile(
            folder, ".ssh_host_key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        new OpenSSHKeyPairResourceWriter().writePrivateKey(keys, "chatshell host key", null, out);
      } catch (GeneralSecurityException e) {
        throw new IOException("cannot write the SSH host key: " + e.getMessage(), e);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** A host key others can read is no longer secret: make it the owner's only, and say so. */
  private static void keepPrivate(Path file) throws IOException {
    try {
      Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
      if (!now.equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        log.warn(
            "The SSH host key {} was {}; it is now readable by its owner only",
            file,
            PosixFilePermissions.toString(now));
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    }
  }
}
