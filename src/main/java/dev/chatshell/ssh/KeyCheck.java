package dev.chatshell.ssh;

import java.security.PublicKey;

/** Whether a public key is one of an account's keys, as the account's key store says now. */
@FunctionalInterface
public interface KeyCheck {
  boolean holds(String account, PublicKey key);
}
