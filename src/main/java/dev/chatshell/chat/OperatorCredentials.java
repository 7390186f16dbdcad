package dev.chatshell.chat;

/**
 * Checks an operator name and password for /OPER, or a key the user's session proved it holds. The
 * password check is slow on purpose and throttled by the implementation; the domain only applies
 * its verdict.
 */
@FunctionalInterface
public interface OperatorCredentials {
  /** No operators at all. */
  OperatorCredentials NONE = (address, name, password) -> PasswordCheck.REFUSED;

  /** Checks {@code password} for operator {@code name}, asked from {@code address}. */
  PasswordCheck check(String address, String name, char[] password);

  /**
   * The fingerprint ({@code SHA256:...}) of {@code publicKeyLine}, an OpenSSH public-key line a
   * session proved it holds, when it is one of operator {@code name}'s keys; {@code null} when it
   * is not, or the name is no operator's. Cheap: no hash, nothing throttled (proving a key took a
   * signature the server verified).
   */
  default String keyOf(String name, String publicKeyLine) {
    return null;
  }
}
