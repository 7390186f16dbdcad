package dev.chatshell.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Group commit: changes decided under the domain's lock wait here for their writes, queued under
 * that lock, so in the order they were made. The first of their callers to find no group being
 * committed becomes the leader: it takes every change waiting and hands their writes to {@link
 * Commits} at once (one transaction, one sync for all), then undoes, under the domain's lock, those
 * whose writes failed (latest first) and tells the events of the others, in the order made; the
 * other callers wait for it, and the next leader takes what queued meanwhile. One change that
 * cannot be stored is refused alone.
 *
 * <p>Threading: the queue and the leader's flag are guarded by this object's monitor, which is
 * taken under the domain's lock (to queue) or without it, and never held while taking that lock or
 * writing. The leader takes the domain's lock only to undo.
 */
final class StoreQueue {
  private final Commits commits;
  private final ReentrantLock domainLock;
  private final List<PendingChange> waiting = new ArrayList<>(); // guarded by this
  private boolean committing; // guarded by this: a leader has a group under way

  StoreQueue(Commits commits, ReentrantLock domainLock) {
    this.commits = commits;
    this.domainLock = domainLock;
  }

  /**
   * Queues a change just made; called under the domain's lock, so in the order changes are made.
   */
  synchronized void add(PendingChange change) {
    waiting.add(change);
  }

  /**
   * Queues a change with nothing to write behind those waiting or being committed, and returns
   * true; returns false when there are none (it may then be told at once). Its caller does not
   * wait: the group that holds it tells it, in its place. Called under the domain's lock.
   */
  synchronized boolean addIfBusy(PendingChange change) {
    if (waiting.isEmpty() && !committing) {
      return false;
    }
    waiting.add(change);
    return true;
  }

  /**
   * Returns once {@code change} (queued) is stored and told, or undone: it leads the group that
   * holds it when no other caller leads one.
   */
  void await(PendingChange change) {
    boolean interrupted = false;
    while (true) {
      List<PendingChange> group;
      synchronized (this) {
        while (committing && !change.settled()) {
          interrupted |= waitUninterruptibly();
        }
        if (change.settled()) {
          break;
        }
        group = lead();
      }
      try {
        commit(group);
      } finally {
        settle(group);
        stopLeading();
      }
    }
    tellStranded();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A leader that is done leaves no change behind that nobody waits for: when only changes with
   * nothing to write (whose callers went on, {@link #addIfBusy}) are left and no group is under
   * way, it tells them. Changes that write are left to their own callers, who lead next.
   */
  private void tellStranded() {
    while (true) {
      List<PendingChange> group;
      synchronized (this) {
        if (committing || waiting.isEmpty() || waiting.stream().anyMatch(PendingChange::writes)) {
          return;
        }
        group = lead();
      }
      try {
        commit(group);
      } finally {
        settle(group);
        stopLeading();
      }
    }
  }

  /**
   * Runs {@code action} under the domain's lock once every change queued before it is stored and
   * told: for a change that writes under the lock, so its writes reach the store after theirs and
   * before those of any change made after it. It leads meanwhile, so no other group can start: what
   * waits is committed without the domain's lock, then what queued since (little) under it, as the
   * action's own writes.
   */
  <T> T inTurn(Supplier<T> action) {
    boolean interrupted = false;
    List<PendingChange> early;
    synchronized (this) {
      while (committing) {
        interrupted |= waitUninterruptibly();
      }
      early = lead();
    }
    try {
      try {
        commit(early);
      } finally {
        settle(early);
      }
      domainLock.lock();
      try {
        List<PendingChange> late;
        synchronized (this) {
          late = take();
        }
        try {
          commit(late); // nobody can queue meanwhile: they reach the store in the order made
          return action.get();
        } finally {
          settle(late);
        }
      } finally {
        domainLock.unlock();
      }
    } finally {
      stopLeading();
      tellStranded();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Takes the waiting changes as this caller's group; with the monitor held. */
  private List<PendingChange> lead() {
    committing = true;
    return take();
  }

  /** The changes waiting, taken out of the queue; with the monitor held. */
  private List<PendingChange> take() {
    List<PendingChange> group = List.copyOf(waiting);
    waiting.clear();
    return group;
  }

  /** Tells the callers of a group that it is stored and told, or undone. */
  private synchronized void settle(List<PendingChange> group) {
    group.forEach(PendingChange::settle);
    notifyAll();
  }

  /** Lets the next leader go. */
  private synchronized void stopLeading() {
    committing = false;
    notifyAll();
  }

  /** Commits the writes of a group together, undoes the changes that failed, tells the others. */
  private void commit(List<PendingChange> group) {
    List<PendingChange> writers = group.stream().filter(PendingChange::writes).toList();
    List<RuntimeException> failures;
    try {
      failures =
          writers.isEmpty()
              ? List.of()
              : commits.together(writers.stream().map(c -> (Runnable) c::write).toList());
    } catch (RuntimeException e) { // the port itself failed: nothing of the group is known stored
      failures = java.util.Collections.nCopies(writers.size(), e);
    }
    boolean anyFailed = failures.stream().anyMatch(f -> f != null);
    if (anyFailed) {
      domainLock.lock();
      try {
        for (int i = writers.size() - 1; i >= 0; i--) { // latest first, as they were made
          if (failures.get(i) != null) {
            writers.get(i).undo(failures.get(i));
          }
        }
      } finally {
        domainLock.unlock();
      }
    }
    for (PendingChange change : group) {
      if (change.notStored() == null) {
        change.tell();
      }
    }
  }

  /**
   * Waits on the monitor (held); true when interrupted. An interrupt does not end the wait: the
   * change is decided, and its caller must learn whether it was stored.
   */
  private boolean waitUninterruptibly() {
    try {
      wait();
      return false;
    } catch (InterruptedException e) {
      return true;
    }
  }
}
