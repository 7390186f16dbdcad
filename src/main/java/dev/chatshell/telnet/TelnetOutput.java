package dev.chatshell.telnet;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The sending half of telnet: text out as the network virtual terminal wants it ({@code '\n'} as CR
 * LF, a lone CR as CR NUL, data byte 255 doubled) and whole commands in between.
 *
 * <p>Bytes are buffered and go to the socket on {@link #flush()} or when the buffer is full. Every
 * method is synchronized, so a command written by the reading thread never lands inside another
 * command; landing inside a terminal escape sequence is harmless because the client's telnet layer
 * removes commands before its terminal sees the bytes. A write blocks while the client does not
 * read; only the thread writing waits.
 */
final class TelnetOutput extends OutputStream {
  private static final int INITIAL = 512; // a batch of a few lines fits without growing
  private static final int FLUSH_AT = 8192;

  private final OutputStream socket;
  private byte[] buffer = new byte[INITIAL];
  private int length;
  private boolean pendingCr;
  private boolean escapeIac = true;

  TelnetOutput(OutputStream socket) {
    this.socket = socket;
  }

  /** Turns the doubling of byte 255 off, for peers that do not speak telnet. */
  synchronized void setEscapeIac(boolean escape) {
    this.escapeIac = escape;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    put(b & 0xFF);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int count) throws IOException {
    int end = offset + count;
    int i = offset;
    while (i < end) {
      if (!pendingCr) { // copy the run of bytes that need nothing done, in one go
        int run = i;
        while (run < end && plain(bytes[run])) {
          run++;
        }
        if (run > i) {
          append(bytes, i, run - i);
          i = run;
          if (length >= FLUSH_AT) {
            drain();
          }
          continue;
        }
      }
      put(bytes[i++] & 0xFF);
    }
  }

  private boolean plain(byte b) {
    return b != '\r' && b != '\n' && (b != (byte) Telnet.IAC || !escapeIac);
  }

  @Override
  public synchronized void flush() throws IOException {
    if (pendingCr) {
      pendingCr = false;
      append('\r');
      append(0);
    }
    drain();
  }

  /** Writes a telnet command as it is and sends it at once. */
  synchronized void command(byte[] command) throws IOException {
    if (pendingCr) {
      pendingCr = false;
      append('\r');
      append(0);
    }
    for (byte b : command) {
      append(b & 0xFF);
    }
    drain();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void put(int b) throws IOException {
    if (pendingCr) {
      pendingCr = false;
      append('\r');
      if (b == '\n') {
        append('\n');
        return;
      }
      append(0);
    }
    if (b == '\r') {
      pendingCr = true;
    } else if (b == '\n') {
      append('\r');
      append('\n');
    } else if (b == Telnet.IAC && escapeIac) {
      append(Telnet.IAC);
      append(Telnet.IAC);
    } else {
      append(b);
    }
    if (length >= FLUSH_AT) {
      drain();
    }
  }

  private void append(int b) {
    room(1);
    buffer[length++] = (byte) b;
  }

  private void append(byte[] bytes, int offset, int count) {
    room(count);
    System.arraycopy(bytes, offset, buffer, length, count);
    length += count;
  }

  private void room(int more) {
    if (length + more > buffer.length) {
      byte[] bigger = new byte[Math.max(buffer.length * 2, length + more)];
      System.arraycopy(buffer, 0, bigger, 0, length);
      buffer = bigger;
    }
  }

  private void drain() throws IOException {
    if (length > 0) {
      int n = length;
      length = 0; // a failed write loses the bytes: the connection is dead anyway
      socket.write(buffer, 0, n);
      socket.flush();
    }
    if (buffer.length > 4 * INITIAL) {
      buffer = new byte[INITIAL]; // an idle session keeps a small buffer
    }
  }
}
