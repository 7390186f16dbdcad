package dev.chatshell.chat;

import java.time.Instant;
import java.util.List;

/**
 * The public keys of accounts (/KEY), kept in the database by the implementation, and the reading
 * of OpenSSH public-key lines, which needs a cryptography library the domain does not know. Every
 * method but {@link #read} may be slow (a disk write), so the domain never calls one while holding
 * its lock. Storage failures come out as {@link ChatException}s that say nothing was changed.
 */
public interface AccountKeys {
  /** No keys: nothing is kept, and adding one is refused. */
  AccountKeys NONE =
      new AccountKeys() {
        @Override
        public AccountKey read(String line, Instant now) {
          throw new ChatException(
              ChatException.Reason.UNSUPPORTED, "This server keeps no account keys.");
        }

        @Override
        public List<AccountKey> list(String account) {
          return List.of();
        }

        @Override
        public boolean add(String account, AccountKey key) {
          throw new ChatException(
              ChatException.Reason.UNSUPPORTED, "This server keeps no account keys.");
        }

        @Override
        public boolean remove(String account, String fingerprint) {
          return false;
        }
      };

  /**
   * Reads an OpenSSH public-key line ({@code ssh-ed25519 AAAA... comment}) into the key it holds,
   * added at {@code now}; a line that is not an acceptable key is refused with {@link
   * ChatException.Reason#INVALID} and a one-line reason.
   */
  AccountKey read(String line, Instant now);

  /** The keys of {@code account}, oldest first. */
  List<AccountKey> list(String account);

  /**
   * Adds {@code key} to {@code account}; false when it has that key already. Returns once stored.
   */
  boolean add(String account, AccountKey key);

  /** Removes the key of that fingerprint from {@code account}; false when it has no such key. */
  boolean remove(String account, String fingerprint);
}
