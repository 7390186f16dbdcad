package dev.chatshell.store;

/** The database could not be opened, migrated or used; the message says which and why. */
public final class StoreException extends Exception {
  private final boolean unavailable;

  public StoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param unavailable the database could not take anything at the time (out of space,
   *     unreachable): the same work may succeed later
   */
  public StoreException(String message, Throwable cause, boolean unavailable) {
    super(message, cause);
    this.unavailable = unavailable;
  }

  /**
   * Whether the database could not take anything at the time (out of space, unreachable, busy),
   * rather than this work being wrong: trying the same again later may succeed.
   */
  public boolean unavailable() {
    return unavailable;
  }
}
