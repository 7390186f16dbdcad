package dev.chatshell.console;

import dev.chatshell.transport.Connection;
import dev.chatshell.transport.ResizeListener;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOException;
import java.io.OutputStream;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.utils.NonBlockingInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own terminal seen as one more connection, so the operator console is an ordinary
 * session with the same shell and command table. The terminal is put in raw mode (Ctrl-C is a key
 * for the line editor, not a signal) and restored when the console closes.
 */
public final class ConsoleConnection implements Connection {
  private static final Logger log = LoggerFactory.getLogger(ConsoleConnection.class);

  private final Terminal terminal;
  private final NonBlockingInputStream in;
  private final OutputStream out;
  private final Attributes original;
  private volatile boolean open = true;

  public ConsoleConnection(Terminal terminal) {
    this.terminal = terminal;
    this.in = (NonBlockingInputStream) terminal.input();
    this.out = new ConsoleOutput(terminal.output());
    this.original = terminal.enterRawMode();
  }

  @Override
  public String transport() {
    return "console";
  }

  @Override
  public boolean encrypted() {
    return true;
  }

  @Override
  public String remoteAddress() {
    return "console";
  }

  @Override
  public TerminalInfo awaitTerminal() {
    Size size = terminal.getSize();
    return new TerminalInfo(true, terminal.getType(), size.getColumns(), size.getRows());
  }

  @Override
  public int read(byte[] buffer, int offset, int length, long timeoutMillis) throws IOException {
    // A read without a time limit waits in short slices, so that closing the console (which
    // cannot interrupt the terminal's reader) ends it within a quarter of a second.
    long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : 0;
    while (open) {
      long slice = 250;
      if (deadline != 0) {
        slice = Math.min(slice, Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      }
      int n = in.readBuffered(buffer, offset, length, slice);
      if (n != NonBlockingInputStream.READ_EXPIRED) {
        return n; // -1 at end of input
      }
      if (deadline != 0 && System.nanoTime() - deadline >= 0) {
        return 0;
      }
    }
    return -1;
  }

  @Override
  public OutputStream output() {
    return out;
  }

  @Override
  public void setClientEcho(boolean echo) {
    // the console always has a line editor, which never echoes secrets
  }

  @Override
  public void onResize(ResizeListener listener) {
    terminal.handle(
        Signal.WINCH,
        signal -> listener.resized(terminal.getSize().getColumns(), terminal.getSize().getRows()));
  }

  @Override
  public boolean ping() {
    return false; // the operator sitting at the server needs no keepalive
  }

  @Override
  public long lastHeardNanos() {
    return System.nanoTime();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    if (!open) {
      return;
    }
    open = false;
    try {
      terminal.setAttributes(original);
      terminal.writer().println();
      terminal.flush();
    } catch (RuntimeException e) {
      log.debug("restoring the console: {}", e.toString());
    }
  }

  @Override
  public String toString() {
    return "console";
  }

  /** Serializes writes from the session and its outbox, like the telnet output does. */
  private static final class ConsoleOutput extends OutputStream {
    private final OutputStream terminal;

    ConsoleOutput(OutputStream terminal) {
      this.terminal = terminal;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      terminal.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      terminal.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() throws IOException {
      terminal.flush();
    }
  }
}
