package dev.chatshell.transport;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What a client typed, between the thread that receives it (a door's I/O thread, which only appends
 * and never waits) and the session's thread, which reads it. For doors that receive input as
 * messages rather than from a socket the session reads itself (SSH, the browser's WebSocket).
 *
 * <p>Flow control is the door's, in one of two ways: the door gives the client credit as the
 * session reads (SSH's window: the count {@link #read} returns), or it stops asking for input while
 * {@link #append} says too much is held, and this buffer calls {@code more} once the session has
 * read below that again (a WebSocket's demand).
 */
public final class InputBuffer {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final int highWater;
  private final Runnable more;
  private byte[] buffer = new byte[0];
  private int start;
  private int end;
  private boolean eof;
  private boolean owed; // append said "hold on": more is due once the session has read below

  /**
   * @param highWater while at least this much is held, {@link #append} says not to ask for more
   * @param more called (without this buffer's lock) when the session has read below {@code
   *     highWater} after {@link #append} said to hold on
   */
  public InputBuffer(int highWater, Runnable more) {
    this.highWater = highWater;
    this.more = more;
  }

  /** A buffer that never holds input back: the door's own window does (SSH). */
  public static InputBuffer unbounded() {
    return new InputBuffer(Integer.MAX_VALUE, () -> {});
  }

  /**
   * On the receiving thread: adds what the client sent. Returns whether the door may ask for more
   * now; when false, {@code more} is called once the session has read enough.
   */
  public boolean append(byte[] bytes, int offset, int length) {
    lock.lock();
    try {
      if (eof) {
        return false;
      }
      if (end + length > buffer.length) {
        int held = end - start;
        byte[] bigger = buffer;
        if (held + length > buffer.length) {
          bigger = new byte[Math.max(held + length, Math.max(256, buffer.length * 2))];
        }
        System.arraycopy(buffer, start, bigger, 0, held);
        buffer = bigger;
        start = 0;
        end = held;
      }
      System.arraycopy(bytes, offset, buffer, end, length);
      end += length;
      arrived.signalAll();
      owed = end - start >= highWater;
      return !owed;
    } finally {
      lock.unlock();
    }
  }

  /** No more input: readers get the end once the rest is read. */
  public void close() {
    lock.lock();
    try {
      eof = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * On the session's thread: copies up to {@code length} bytes as they came.
   *
   * @return the count, 0 when {@code timeoutMillis} (if above 0) ran out, -1 at the end
   */
  public int read(byte[] into, int offset, int length, long timeoutMillis)
      throws InterruptedIOException {
    int n;
    boolean askMore = false;
    lock.lock();
    try {
      long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : 0;
      while (start == end && !eof) {
        if (deadline == 0) {
          arrived.await();
        } else {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return 0;
          }
          arrived.await(left, TimeUnit.NANOSECONDS);
        }
      }
      if (start == end) {
        return -1;
      }
      n = Math.min(length, end - start);
      System.arraycopy(buffer, start, into, offset, n);
      start += n;
      if (start == end) {
        start = 0;
        end = 0;
        if (buffer.length > 4096) {
          buffer = new byte[0]; // a paste or a flood is over: hold no big buffer while idle
        }
      }
      if (owed && end - start < highWater) {
        owed = false;
        askMore = true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for input");
    } finally {
      lock.unlock();
    }
    if (askMore) {
      more.run();
    }
    return n;
  }
}
