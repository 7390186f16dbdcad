package dev.chatshell.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A change decided and made in memory under the domain's lock whose store writes run after the lock
 * is released (see {@link ChatState#storedFirst}). While it is open on a thread, what the domain
 * tells users on that thread is held here, and given out only once every write has committed: what
 * a user is told has happened is stored first. A write that fails undoes, in memory, its part of
 * the change and every part after it, and nobody is told anything of it.
 */
final class PendingChange {
  private static final ThreadLocal<PendingChange> OPEN = new ThreadLocal<>();

  /** A store write, and how to take back in memory what it stands for. */
  private record Write(Runnable write, Runnable undo) {}

  /** An event held back until the writes have committed. */
  private record Told(User user, ChatEvent event) {}

  private final List<Write> writes = new ArrayList<>();
  private final List<Told> told = new ArrayList<>();

  /** The change open on this thread, or null: events and writes then go out at once. */
  static PendingChange open() {
    return OPEN.get();
  }

  /** Makes this the change open on this thread, until {@link #close}. */
  void begin() {
    OPEN.set(this);
  }

  void close() {
    OPEN.remove();
  }

  /** Keeps a write for later, with the undo of the change in memory it stands for. */
  void store(Runnable write, Runnable undo) {
    writes.add(new Write(write, undo));
  }

  /** Whether the change has anything to write. */
  boolean writes() {
    return !writes.isEmpty();
  }

  /** Holds an event for {@code user} until the writes have committed. */
  void hold(User user, ChatEvent event) {
    told.add(new Told(user, event));
  }

  /**
   * Runs the writes in order, without the domain's lock. When one fails, its part of the change and
   * every part after it are undone (by {@code underLock}, which runs them under the domain's lock,
   * latest first) and its exception is thrown; nobody is told anything.
   */
  void commit(java.util.function.Consumer<Runnable> underLock) {
    for (int i = 0; i < writes.size(); i++) {
      try {
        writes.get(i).write().run();
      } catch (RuntimeException e) {
        List<Write> undone = writes.subList(i, writes.size());
        underLock.accept(
            () -> {
              for (int j = undone.size() - 1; j >= 0; j--) {
                undone.get(j).undo().run();
              }
            });
        throw e;
      }
    }
  }

  /** Gives out the events held, in the order they were made. */
  void tell() {
    for (Told t : told) {
      t.user().deliverNow(t.event());
    }
  }
}
