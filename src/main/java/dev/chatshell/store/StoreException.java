package dev.chatshell.store;

/** The database could not be opened, migrated or used; the message says which and why. */
public final class StoreException extends Exception {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
