package dev.chatshell.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * How the writes of the domain's changes reach the stores: several changes at once. The domain
 * hands over the changes waiting for the store, in the order it made them; the database commits
 * them in one transaction (one sync for all), each change all or nothing.
 */
@FunctionalInterface
public interface Commits {
  /**
   * Runs each change's writes, in order, and returns once they are committed: for each change,
   * {@code null} when it is stored, else why it is not (and then nothing of it is kept, as far as
   * the stores can undo it). One change failing does not stop the others.
   */
  List<RuntimeException> together(List<Runnable> changes);

  /**
   * Each change on its own, its writes committing one by one as the stores do by themselves (for
   * stores without transactions, and tests): a change whose second write fails keeps its first in
   * the store, though the domain undoes all of it in memory.
   */
  Commits ONE_BY_ONE =
      changes -> {
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable change : changes) {
          try {
            change.run();
            failures.add(null);
          } catch (RuntimeException e) {
            failures.add(e);
          }
        }
        return failures;
      };
}
