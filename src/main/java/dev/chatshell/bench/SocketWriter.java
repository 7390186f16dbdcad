package dev.chatshell.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * How a simulated client writes to its non-blocking socket: what it sends waits while the server
 * does not read; a telnet answer from the reactor's thread, which must never wait long, is dropped
 * when a send holds the socket (a flooder the server is holding back).
 */
final class SocketWriter {
  private final ReentrantLock lock = new ReentrantLock();
  private final SocketChannel socket;
  private final BooleanSupplier closed;
  private final Runnable broken;

  /**
   * @param closed whether the client is closed: writing stops
   * @param broken called when a write fails
   */
  SocketWriter(SocketChannel socket, BooleanSupplier closed, Runnable broken) {
    this.socket = socket;
    this.closed = closed;
    this.broken = broken;
  }

  /** Writes everything, waiting while the server does not read. */
  void send(byte[] bytes) {
    lock.lock();
    try {
      write(ByteBuffer.wrap(bytes), Long.MAX_VALUE);
    } finally {
      lock.unlock();
    }
  }

  /** An answer to the server's telnet: written within 10 ms, or dropped. */
  void answer(byte[] bytes) {
    if (lock.tryLock()) {
      try {
        write(ByteBuffer.wrap(bytes), System.nanoTime() + 10_000_000);
      } finally {
        lock.unlock();
      }
    }
  }

  private void write(ByteBuffer buffer, long deadline) {
    long pause = 100_000;
    try {
      while (buffer.hasRemaining() && !closed.getAsBoolean() && System.nanoTime() - deadline < 0) {
        if (socket.write(buffer) == 0) {
          // The server is not reading: wait longer each time, as a blocked write would, rather
          // than spin on the cores the server needs.
          LockSupport.parkNanos(pause);
          pause = Math.min(pause * 2, 20_000_000);
        } else {
          pause = 100_000;
        }
      }
    } catch (IOException e) {
      broken.run();
    }
  }
}
