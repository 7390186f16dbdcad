package dev.chatshell.ssh;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The session's text to the client's channel. On a pty, {@code '\n'} goes out as CR LF, as a
 * terminal expects when nothing on the server side plays the tty driver; without a pty (scripts,
 * {@code ssh -T}) bytes go as they are, as any program's output over SSH does. Writes block while
 * the client's SSH window is shut (it does not read); each call is sent whole.
 */
final class SshOutput extends OutputStream {
  private final OutputStream channel;
  private final boolean pty;
  private byte[] scratch = new byte[256];
  private boolean lastWasCr;

  SshOutput(OutputStream channel, boolean pty) {
    this.channel = channel;
    this.pty = pty;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    if (!pty) {
      channel.write(bytes, offset, length);
      return;
    }
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
    channel.write(scratch, 0, n);
    if (scratch.length > 8192) {
      scratch = new byte[256]; // a long burst is written: do not keep its buffer per idle session
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    channel.flush();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
