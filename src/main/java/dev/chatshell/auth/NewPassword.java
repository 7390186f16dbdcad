package dev.chatshell.auth;

import java.util.Arrays;

/**
 * A new password, typed twice and compared: the one place that does it, for the server's command
 * line ({@code accounts reset}, {@code operator-line}) and for users' commands ({@code /REGISTER},
 * {@code /PASSWD}) alike. Each says in its own words what went wrong.
 *
 * <p>Closing it wipes the password: use it in try-with-resources. One instance per asking, on the
 * asker's thread.
 */
public final class NewPassword implements AutoCloseable {
  /** How the asking went. */
  public enum Outcome {
    /** Typed twice alike: {@link #password()} holds it. */
    GIVEN,
    /** One of the two was not given (end of input, Ctrl-C): nothing to do. */
    NOT_GIVEN,
    /** The two differ. */
    DIFFERENT
  }

  /** Asks for one secret without showing it; {@code null} when none was given. */
  @FunctionalInterface
  public interface Prompt<E extends Exception> {
    char[] ask(String prompt) throws E;
  }

  private final Outcome outcome;
  private final char[] password;

  private NewPassword(Outcome outcome, char[] password) {
    this.outcome = outcome;
    this.password = password;
  }

  /**
   * Asks with {@code prompt}, then with {@code Again: }; the second is not asked when the first was
   * not given. Whatever is not kept is wiped before this returns.
   */
  public static <E extends Exception> NewPassword ask(Prompt<E> prompt, String first) throws E {
    char[] password = prompt.ask(first);
    if (password == null) {
      return new NewPassword(Outcome.NOT_GIVEN, null);
    }
    char[] again = null;
    boolean kept = false;
    try {
      again = prompt.ask("Again: ");
      if (again == null) {
        return new NewPassword(Outcome.NOT_GIVEN, null);
      }
      if (!Arrays.equals(password, again)) {
        return new NewPassword(Outcome.DIFFERENT, null);
      }
      kept = true;
      return new NewPassword(Outcome.GIVEN, password);
    } finally {
      PasswordHash.wipe(again, kept ? null : password);
    }
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The password when {@link Outcome#GIVEN}, else {@code null}; wiped on {@link #close}. */
  public char[] password() {
    return password;
  }

  @Override
  public void close() {
    PasswordHash.wipe(password);
  }
}
