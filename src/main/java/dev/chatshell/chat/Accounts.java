package dev.chatshell.chat;

import java.util.List;
import java.util.Set;

/**
 * Registered nicknames (accounts) and their passwords, as the domain needs them; kept in the
 * database by the implementation. Every method may be slow (a password hash, a disk write), so the
 * domain never calls one while holding its lock. Storage failures come out as {@link
 * ChatException}s that say nothing was changed.
 */
public interface Accounts {
  /** No accounts: nothing is registered and nothing can be. */
  Accounts NONE =
      new Accounts() {
        @Override
        public List<String> names() {
          return List.of();
        }

        @Override
        public PasswordCheck check(String address, String name, char[] password) {
          return PasswordCheck.REFUSED;
        }

        @Override
        public boolean register(String address, String name, char[] password) {
          throw new ChatException(
              ChatException.Reason.UNSUPPORTED, "This server keeps no accounts.");
        }

        @Override
        public void setPassword(String name, char[] password) {
          throw new ChatException(
              ChatException.Reason.UNSUPPORTED, "This server keeps no accounts.");
        }

        @Override
        public Set<String> ignored(String account) {
          return Set.of();
        }

        @Override
        public void setIgnored(String account, Set<String> keys) {}
      };

  /** Every account's name as registered; read once when the server starts. */
  List<String> names();

  /** Checks {@code password} for account {@code name}, asked from {@code address}; throttled. */
  PasswordCheck check(String address, String name, char[] password);

  /**
   * True when account {@code name} is locked by an operator: no way in, password or key. Read at
   * each login, so an offline lock takes effect at the next one.
   */
  default boolean locked(String name) {
    return false;
  }

  /**
   * Registers {@code name}, asked from {@code address}; false when it is registered already.
   * Returns once it is stored. Registrations are rate-limited per address and in total.
   */
  boolean register(String address, String name, char[] password);

  /** Replaces the password of account {@code name}. Returns once it is stored. */
  void setPassword(String name, char[] password);

  /** The nick and account keys the account ignores. */
  Set<String> ignored(String account);

  /** Replaces what the account ignores. Returns once it is stored. */
  void setIgnored(String account, Set<String> keys);
}
