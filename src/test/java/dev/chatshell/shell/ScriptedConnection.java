package dev.chatshell.shell;

import dev.chatshell.transport.Connection;
import dev.chatshell.transport.ResizeListener;
import dev.chatshell.transport.TerminalInfo;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A fake {@link Connection} that serves scripted chunks of already decoded bytes, one chunk (or
 * what fits of it) per read, then end of input. A {@link #pause()} step makes one timed read run
 * out of time; once the script is spent and {@link #endless()} was called, timed reads run out of
 * time instead of ending. Output is collected in memory.
 */
final class ScriptedConnection implements Connection {
  private static final byte[] PAUSE = new byte[0];

  private final Deque<byte[]> script = new ArrayDeque<>();
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  final List<Long> timeouts = new ArrayList<>();
  private boolean endless;
  private boolean holding;
  private boolean closed;
  private int waitingReaders; // guarded by this
  private String address = "127.0.0.1";

  /** The client's address, as telnet gives it (127.0.0.1 unless told). */
  ScriptedConnection from(String address) {
    this.address = address;
    return this;
  }

  /** A chunk of raw byte values (0-255). */
  ScriptedConnection bytes(int... values) {
    byte[] chunk = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      chunk[i] = (byte) values[i];
    }
    script.addLast(chunk);
    return this;
  }

  /** A chunk of text as UTF-8. */
  ScriptedConnection chunk(String text) {
    script.addLast(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** The next read returns 0: nothing came in time. */
  ScriptedConnection pause() {
    script.addLast(PAUSE);
    return this;
  }

  /** After the script, reads with a timeout wait it out and return 0 instead of -1. */
  ScriptedConnection endless() {
    endless = true;
    return this;
  }

  /** After the script, reads wait for chunks added with {@link #more} instead of ending. */
  ScriptedConnection holding() {
    holding = true;
    return this;
  }

  /** Adds a chunk while a reader may be waiting for it. */
  synchronized ScriptedConnection more(String text) {
    script.addLast(text.getBytes(StandardCharsets.UTF_8));
    notifyAll();
    return this;
  }

  /**
   * True while a reader waits for a chunk that has not been added yet: everything scripted so far
   * was read and handled (the line editor draws before it asks for the next key).
   */
  synchronized boolean readerWaiting() {
    return waitingReaders > 0 && script.isEmpty();
  }

  String written() {
    return output.toString(StandardCharsets.UTF_8);
  }

  boolean closed() {
    return closed;
  }

  @Override
  public String transport() {
    return "telnet";
  }

  @Override
  public boolean encrypted() {
    return false;
  }

  @Override
  public String remoteAddress() {
    return address;
  }

  @Override
  public TerminalInfo awaitTerminal() {
    return new TerminalInfo(false, null, 0, 0);
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int length, long timeoutMillis) {
    timeouts.add(timeoutMillis);
    while (holding && script.isEmpty() && !closed) {
      try {
        waitingReaders++;
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      } finally {
        waitingReaders--;
      }
    }
    byte[] next = script.pollFirst();
    if (next == PAUSE) {
      return 0;
    }
    if (next == null) {
      if (endless && timeoutMillis > 0) {
        try {
          Thread.sleep(timeoutMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 0;
      }
      return -1;
    }
    int n = Math.min(length, next.length);
    System.arraycopy(next, 0, buffer, offset, n);
    if (n < next.length) {
      script.addFirst(Arrays.copyOfRange(next, n, next.length));
    }
    return n;
  }

  @Override
  public OutputStream output() {
    return output;
  }

  @Override
  public void onResize(ResizeListener listener) {}

  @Override
  public boolean ping() {
    return false;
  }

  /** Every setClientEcho call, in order. */
  final List<Boolean> clientEcho = new ArrayList<>();

  @Override
  public void setClientEcho(boolean echo) {
    clientEcho.add(echo);
  }

  private boolean editsLines;

  @Override
  public void letClientEditLines() {
    editsLines = true;
  }

  /** True once the client was let edit its lines itself. */
  boolean editsLines() {
    return editsLines;
  }

  @Override
  public long lastHeardNanos() {
    return 0;
  }

  @Override
  public boolean isOpen() {
    return !closed;
  }

  @Override
  public synchronized void close() {
    closed = true;
    notifyAll();
  }
}
