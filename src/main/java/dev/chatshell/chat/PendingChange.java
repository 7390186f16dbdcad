package dev.chatshell.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * A change decided and made in memory under the domain's lock whose store writes run after the lock
 * is released (see {@link ChatState#storedFirst}). While it is open on a thread, what the domain
 * tells users on that thread is held here, and given out only once its writes have committed: what
 * a user is told has happened is stored first. When its writes fail, the whole change is undone in
 * memory, latest part first, and nobody is told anything of it.
 *
 * <p>Threading: filled by the thread that makes it, under the domain's lock; then written, undone
 * and told by whichever caller commits its group ({@link StoreQueue}), one group at a time.
 */
final class PendingChange {
  private static final ThreadLocal<PendingChange> OPEN = new ThreadLocal<>();

  /** A store write, and how to take back in memory what it stands for. */
  private record Write(Runnable write, Runnable undo) {}

  /** An event held back until the writes have committed. */
  private record Told(EventSink[] sinks, ChatEvent event) {}

  private final List<Write> writes = new ArrayList<>();
  private final List<Told> told = new ArrayList<>();
  private RuntimeException notStored; // why its writes failed; set by the committer
  private boolean settled; // stored and told, or undone; guarded by the StoreQueue

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

  /** Holds an event for a user's sessions (as they are now) until the writes have committed. */
  void hold(EventSink[] sinks, ChatEvent event) {
    told.add(new Told(sinks, event));
  }

  /** Runs the writes in order, without the domain's lock; the first that fails stops them. */
  void write() {
    for (Write w : writes) {
      w.write().run();
    }
  }

  /**
   * Takes the change back in memory, latest part first, because its writes failed; called under the
   * domain's lock.
   */
  void undo(RuntimeException why) {
    notStored = why;
    for (int i = writes.size() - 1; i >= 0; i--) {
      writes.get(i).undo().run();
    }
  }

  /** Why the writes failed, or null when they are stored. */
  RuntimeException notStored() {
    return notStored;
  }

  /** Gives out the events held, in the order they were made. */
  void tell() {
    for (Told t : told) {
      for (EventSink sink : t.sinks()) {
        sink.deliver(t.event());
      }
    }
  }

  boolean settled() {
    return settled;
  }

  void settle() {
    settled = true;
  }
}
