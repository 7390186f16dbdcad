package dev.chatshell.web;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the page sends, between Jetty's thread and the session's. Jetty reads the next message only
 * when asked ({@code demand}), so a page that sends faster than the session reads is held back by
 * TCP: this buffer asks for more while it holds less than {@link #HIGH_WATER}, and otherwise leaves
 * it to the session's reads to ask once they have taken it below.
 */
final class WebInput {
  /** At most about this much is held unread (plus one message). */
  static final int HIGH_WATER = 16 * 1024;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition more = lock.newCondition();
  private final Runnable demand;
  private byte[] buffer = new byte[0];
  private int start;
  private int end;
  private boolean eof;
  private boolean owed; // a demand is due once the session has read below the high water

  /** {@code demand}: asks Jetty for the next message; called without this buffer's lock. */
  WebInput(Runnable demand) {
    this.demand = demand;
  }

  /** On Jetty's thread: what the page typed; asks for the next message unless too much is held. */
  void append(byte[] bytes) {
    boolean ask;
    lock.lock();
    try {
      if (eof) {
        return;
      }
      if (buffer.length - end < bytes.length) {
        byte[] grown = new byte[Math.max(end - start + bytes.length, 256)];
        System.arraycopy(buffer, start, grown, 0, end - start);
        end -= start;
        start = 0;
        buffer = grown;
      }
      System.arraycopy(bytes, 0, buffer, end, bytes.length);
      end += bytes.length;
      more.signalAll();
      ask = end - start < HIGH_WATER;
      owed = !ask;
    } finally {
      lock.unlock();
    }
    if (ask) {
      demand.run();
    }
  }

  /** No more input: the page has gone. Readers get the end once the rest is read. */
  void close() {
    lock.lock();
    try {
      eof = true;
      more.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * On the session's thread: copies up to {@code length} bytes.
   *
   * @return the count, 0 when {@code timeoutMillis} (if above 0) ran out, -1 at the end
   */
  int read(byte[] into, int offset, int length, long timeoutMillis) throws InterruptedIOException {
    int n;
    boolean ask = false;
    lock.lock();
    try {
      long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : 0;
      while (start == end && !eof) {
        if (deadline == 0) {
          more.await();
        } else {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return 0;
          }
          more.await(left, TimeUnit.NANOSECONDS);
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
          buffer = new byte[0]; // a paste is over: hold no big buffer while idle
        }
      }
      if (owed && end - start < HIGH_WATER) {
        owed = false;
        ask = true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for input");
    } finally {
      lock.unlock();
    }
    if (ask) {
      demand.run();
    }
    return n;
  }
}
