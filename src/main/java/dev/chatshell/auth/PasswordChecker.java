package dev.chatshell.auth;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where slow password hashes are computed: a few dedicated platform threads (one per core) with a
 * short queue, so a flood of logins, /OPER or /REGISTER attempts cannot occupy the threads that
 * carry everyone's sessions. Past the queue the answer is "busy" ({@code null}) instead of a wait.
 *
 * <p>Threading: safe for any number of callers; each waits for its own result.
 */
public final class PasswordChecker implements AutoCloseable {
  private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
  private static final int QUEUED = 4 * THREADS;

  private final ThreadPoolExecutor thread =
      new ThreadPoolExecutor(
          THREADS,
          THREADS,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(QUEUED),
          Thread.ofPlatform().name("password-check").daemon(true).factory());

  /** True when {@code password} matches {@code stored}; {@code null} when too busy to check. */
  public Boolean verify(char[] password, String stored) {
    return run(() -> PasswordHash.verify(password, stored));
  }

  /** A new hash of {@code password}; {@code null} when too busy to make one. */
  public String hash(char[] password, int iterations) {
    return run(() -> PasswordHash.hash(password, iterations));
  }

  private <T> T run(Callable<T> work) {
    try {
      return thread.submit(work).get();
    } catch (RejectedExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      throw new IllegalStateException("hashing a password failed", e.getCause());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
