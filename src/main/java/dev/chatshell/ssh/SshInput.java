package dev.chatshell.ssh;

import dev.chatshell.transport.InputBuffer;
import java.io.IOException;
import java.util.Arrays;
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
  private final InputBuffer typed = InputBuffer.unbounded(); // held back by the window instead
  private final LocalWindow window;
  private byte[] preset; // an exec request's command: read first, took no window; guarded by this
  private volatile long lastHeard = System.nanoTime();

  SshInput(LocalWindow window) {
    this.window = window;
  }

  /** Input the session reads before anything the client sends (the command of an exec request). */
  synchronized void preset(byte[] bytes) {
    preset = bytes;
  }

  // ---- MINA's I/O thread ----

  @Override
  public int data(ChannelSession channel, byte[] bytes, int offset, int length) {
    typed.append(bytes, offset, length);
    lastHeard = System.nanoTime();
    return 0; // the window is released as the session reads (read below)
  }

  @Override
  public void close() {
    typed.close();
  }

  // ---- the session's thread ----

  /**
   * Copies up to {@code length} bytes as they came: the preset first, then what the client sent.
   *
   * @return the number of bytes, 0 when {@code timeoutMillis} (if above 0) ran out, -1 at end
   */
  int read(byte[] into, int offset, int length, long timeoutMillis) throws IOException {
    synchronized (this) {
      if (preset != null) {
        int n = Math.min(length, preset.length);
        System.arraycopy(preset, 0, into, offset, n);
        preset = n == preset.length ? null : Arrays.copyOfRange(preset, n, preset.length);
        return n;
      }
    }
    int n = typed.read(into, offset, length, timeoutMillis);
    if (n > 0 && window.isOpen()) {
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
}
