package dev.chatshell.ssh;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.sshd.common.channel.LocalWindow;
import org.apache.sshd.server.channel.ChannelDataReceiver;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * What the client types, between MINA's I/O thread and the session's thread. The I/O thread only
 * appends and never waits; the window is given back to the client as the session reads, not as
 * bytes arrive, so a client that floods is held by its own SSH window and this buffer never holds
 * more than one window's worth.
 */
final class SshInput implements ChannelDataReceiver {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition more = lock.newCondition();
  private final LocalWindow window;
  private byte[] buffer = new byte[0];
  private int start;
  private int end;
  private byte[] preset; // an exec request's command: read first, took no window
  private boolean eof;
  private volatile long lastHeard = System.nanoTime();

  SshInput(LocalWindow window) {
    this.window = window;
  }

  /** Input the session reads before anything the client sends (the command of an exec request). */
  void preset(byte[] bytes) {
    lock.lock();
    try {
      preset = bytes;
    } finally {
      lock.unlock();
    }
  }

  // ---- MINA's I/O thread ----

  @Override
  public int data(ChannelSession channel, byte[] bytes, int offset, int length) {
    lock.lock();
    try {
      if (!eof) {
        append(bytes, offset, length);
        more.signalAll();
      }
    } finally {
      lock.unlock();
    }
    lastHeard = System.nanoTime();
    return 0; // the window is released as the session reads (read below)
  }

  @Override
  public void close() {
    lock.lock();
    try {
      eof = true;
      more.signalAll();
    } finally {
      lock.unlock();
    }
  }

  // ---- the session's thread ----

  /**
   * Copies up to {@code length} bytes as they came.
   *
   * @return the number of bytes, 0 when {@code timeoutMillis} (if above 0) ran out, -1 at end
   */
  int read(byte[] into, int offset, int length, long timeoutMillis) throws IOException {
    int n;
    boolean fromWindow;
    lock.lock();
    try {
      long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : 0;
      while (preset == null && start == end && !eof) {
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
      if (preset != null) {
        n = Math.min(length, preset.length);
        System.arraycopy(preset, 0, into, offset, n);
        preset = n == preset.length ? null : java.util.Arrays.copyOfRange(preset, n, preset.length);
        return n;
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
      fromWindow = true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for input");
    } finally {
      lock.unlock();
    }
    if (fromWindow && window.isOpen()) {
      window.release(n); // the client may send that much more
    }
    return n;
  }

  long lastHeardNanos() {
    return lastHeard;
  }

  void heard() {
    lastHeard = System.nanoTime();
  }

  private void append(byte[] bytes, int offset, int length) {
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
  }
}
