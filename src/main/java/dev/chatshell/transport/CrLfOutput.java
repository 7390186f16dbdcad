package dev.chatshell.transport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The session's text to a terminal that nothing on the server side plays the tty driver for (an SSH
 * pty, a browser page's terminal emulator): {@code '\n'} goes out as CR LF, as the terminal
 * expects. Each call is written whole, in one write of the stream underneath.
 */
public final class CrLfOutput extends OutputStream {
  private final OutputStream out;
  private byte[] scratch = new byte[256];
  private boolean lastWasCr;

  public CrLfOutput(OutputStream out) {
    this.out = out;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    if (scratch.length < length * 2) {
      scratch = new byte[length * 2];
    }
    int n = 0;
    for (int i = offset; i < offset + length; i++) {
      byte b = bytes[i];
      if (b == '\n' && !lastWasCr) {
        scratch[n++] = '\r';
      }
      scratch[n++] = b;
      lastWasCr = b == '\r';
    }
    out.write(scratch, 0, n);
    if (scratch.length > 8192) {
      scratch = new byte[256]; // a long burst is written: do not keep its buffer per idle session
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
