package dev.chatshell.ssh;

import java.security.PublicKey;
import java.util.function.Predicate;

/** An account's keys, as its key store holds them now: a test of the keys a client offers. */
@FunctionalInterface
public interface KeyCheck {
  /** Reads the account's keys (slow: a database read) and returns a test that is quick. */
  Predicate<PublicKey> keysOf(String account);
}
