package dev.chatshell.chat;

/**
 * Checks an operator name and password for /OPER. The check is slow on purpose and throttled by the
 * implementation; the domain only applies its verdict.
 */
@FunctionalInterface
public interface OperatorCredentials {
  /** No operators at all. */
  OperatorCredentials NONE = (address, name, password) -> PasswordCheck.REFUSED;

  /** Checks {@code password} for operator {@code name}, asked from {@code address}. */
  PasswordCheck check(String address, String name, char[] password);
}
