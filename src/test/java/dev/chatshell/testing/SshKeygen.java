package dev.chatshell.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * Keys for tests: real ones made by OpenSSH's {@code ssh-keygen} (what users paste), and quick ones
 * made in the process for tests that only need some valid key.
 */
public final class SshKeygen {
  private SshKeygen() {}

  /** A key pair made by {@code ssh-keygen}: its private key file and its public line. */
  public record Generated(Path privateKey, String publicLine, String fingerprint) {}

  /**
   * Runs {@code ssh-keygen -t type [-b bits] -N '' -C comment -f directory/name}, and {@code
   * ssh-keygen -l -E sha256} on the result for the fingerprint OpenSSH prints.
   */
  public static Generated generate(
      Path directory, String name, String type, int bits, String comment)
      throws IOException, InterruptedException {
    Path file = directory.resolve(name);
    List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type));
    if (bits > 0) {
      command.addAll(List.of("-b", String.valueOf(bits)));
    }
    command.addAll(List.of("-N", "", "-C", comment, "-f", file.toString()));
    run(command);
    String line =
        Files.readString(directory.resolve(name + ".pub"), StandardCharsets.UTF_8).strip();
    String listed = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", file + ".pub"));
    return new Generated(file, line, listed.split(" ")[1]);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  /** A fresh key of {@code type} ({@code ssh-ed25519}, {@code ssh-rsa}...) made in the process. */
  public static KeyPair pair(String type, int bits) {
    try {
      return KeyUtils.generateKeyPair(type, bits);
    } catch (GeneralSecurityException e) {
      throw new AssertionError("cannot make a " + type + " key: " + e, e);
    }
  }

  /** A fresh Ed25519 key's OpenSSH public line, with {@code comment}. */
  public static String ed25519Line(String comment) {
    return PublicKeyEntry.toString(pair("ssh-ed25519", 256).getPublic()) + " " + comment;
  }
}
