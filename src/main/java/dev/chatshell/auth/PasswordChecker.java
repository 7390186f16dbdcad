package dev.chatshell.auth;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Where slow password hashes are computed: dedicated platform threads with short queues, so a flood
 * of logins, /OPER or /REGISTER attempts cannot occupy the threads that carry everyone's sessions.
 * Past a queue the answer is "busy" ({@code null}) instead of a wait.
 *
 * <p>The capacity is split in three lanes, so that no kind of work can starve the logins of
 * addresses that have not been guessing:
 *
 * <ul>
 *   <li>checks from addresses with no recent failures: one thread per core;
 *   <li>checks from addresses that have been guessing ({@code suspect}): one thread of their own,
 *       so guessers wait for each other, never in front of an owner;
 *   <li>new hashes (registrations, password changes): one thread of their own, so a flood of
 *       registrations is answered "busy" while logins go on.
 * </ul>
 *
 * <p>Threading: safe for any number of callers; each waits for its own result.
 */
public final class PasswordChecker implements AutoCloseable {
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

  /** The hash function, replaceable in tests that need a hash to wait for them. */
  interface Hasher {
    boolean verify(char[] password, String stored);

    String hash(char[] password, int iterations);
  }

  private static final Hasher PBKDF2 =
      new Hasher() {
        @Override
        public boolean verify(char[] password, String stored) {
          return PasswordHash.verify(password, stored);
        }

        @Override
        public String hash(char[] password, int iterations) {
          return PasswordHash.hash(password, iterations);
        }
      };

  /**
   * Threads and the room for work on them: a caller takes a permit before submitting and gives it
   * back once it has its answer, so a lane is full exactly while {@code threads + queued} callers
   * wait (a bounded executor queue would briefly refuse work while a thread goes back for more).
   */
  private record Lane(ExecutorService threads, Semaphore room) {}

  private final Hasher hasher;
  private final Lane checks;
  private final Lane suspectChecks;
  private final Lane newHashes;

  public PasswordChecker() {
    this(PBKDF2, THREADS, 4 * THREADS, 2);
  }

  /**
   * @param checkThreads threads for checks from addresses that have not been guessing
   * @param checkQueue checks that may wait for them (and, for the suspect lane, for its thread)
   * @param newHashQueue new hashes that may wait for their thread
   */
  PasswordChecker(Hasher hasher, int checkThreads, int checkQueue, int newHashQueue) {
    this.hasher = hasher;
    this.checks = lane("password-check", checkThreads, checkQueue);
    this.suspectChecks = lane("password-check-suspect", 1, checkQueue);
    this.newHashes = lane("password-hash", 1, newHashQueue);
  }

  private static Lane lane(String name, int threads, int queued) {
    return new Lane(
        Executors.newFixedThreadPool(
            threads, Thread.ofPlatform().name(name).daemon(true).factory()),
        new Semaphore(threads + queued));
  }

  /**
   * True when {@code password} matches {@code stored}; {@code null} when too busy to check. Checks
   * from an address that has not been guessing.
   */
  public Boolean verify(char[] password, String stored) {
    return verify(password, stored, false);
  }

  /**
   * True when {@code password} matches {@code stored}; {@code null} when too busy to check. A
   * {@code suspect} check (from an address that has been guessing) runs in a lane of its own.
   */
  public Boolean verify(char[] password, String stored, boolean suspect) {
    return run(suspect ? suspectChecks : checks, () -> hasher.verify(password, stored));
  }

  /** A new hash of {@code password}; {@code null} when too busy to make one. */
  public String hash(char[] password, int iterations) {
    return run(newHashes, () -> hasher.hash(password, iterations));
  }

  private static <T> T run(Lane lane, Callable<T> work) {
    if (!lane.room().tryAcquire()) {
      return null;
    }
    try {
      return lane.threads().submit(work).get();
    } catch (RejectedExecutionException e) {
      return null; // closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("hashing a password failed", e.getCause());
    } finally {
      lane.room().release();
    }
  }

  @Override
  public void close() {
    checks.threads().shutdownNow();
    suspectChecks.threads().shutdownNow();
    newHashes.threads().shutdownNow();
  }
}
