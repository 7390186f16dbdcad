package dev.chatshell.shell;

import java.time.Duration;

/**
 * A connection the {@link SessionManager} looks after, whatever its door: the shell's own {@link
 * Session}, or a protocol door's session (IRC). The manager sweeps each one with the keepalive
 * timer, picks the idlest to make room when the server is full, and ends them all at shutdown.
 *
 * <p>Threading: every method may be called from any thread (the timer, a newcomer's accept, the
 * shutdown), so implementations keep to their own monitors and never block.
 */
public interface ManagedSession extends Keepalive.Watched {
  /** The keepalive timer's check, about once a second (see {@link Keepalive}). */
  void tick(long now);

  /** True while the connection has not logged in yet (and is not on its way out). */
  boolean awaitingLogin();

  /** From now on, what the session is shown is its last (the server is going down). */
  void lastWords();

  /** Waits, up to {@code grace}, for what the user has been sent to be written. */
  void awaitOutput(Duration grace);

  /** Closes the session from outside, for example at shutdown; {@code reason} goes to the log. */
  void close(String reason);

  /**
   * Runs the session on the caller's thread until it ends ({@link SessionManager#run}). Sessions
   * that run without a thread of their own ({@link SessionManager#register}) are never run.
   */
  void run();
}
