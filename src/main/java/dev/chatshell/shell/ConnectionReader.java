package dev.chatshell.shell;

import dev.chatshell.transport.Connection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jline.utils.NonBlockingReader;

/**
 * The terminal's keyboard: UTF-8 characters pulled straight from the connection by the thread that
 * runs the line reader, so a session needs no pump thread and no pipe. Invalid bytes become U+FFFD.
 * A timeout of 0 or less waits as long as it takes, as JLine expects.
 */
final class ConnectionReader extends NonBlockingReader {
  private final Connection connection;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer bytes = ByteBuffer.allocate(128); // write mode
  private final CharBuffer chars = CharBuffer.allocate(128).flip(); // read mode
  private boolean endOfInput;
  private volatile Thread owner;

  ConnectionReader(Connection connection) {
    this.connection = connection;
  }

  /**
   * JLine waits for a key by reading with a 100 ms timeout in a loop: for a remote session that is
   * ten wake-ups a second per idle user, each with a socket timeout exception. A read that is not a
   * peek therefore waits until a key comes or the connection ends; peeks (telling ESC from an
   * escape sequence) keep their timeout.
   */
  @Override
  protected int read(long timeout, boolean isPeek) throws IOException {
    if (!fill(isPeek ? timeout : 0)) {
      return endOfInput ? EOF : READ_EXPIRED;
    }
    return isPeek ? chars.get(chars.position()) : chars.get();
  }

  @Override
  public int readBuffered(char[] buffer, int offset, int length, long timeout) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill(timeout)) {
      return endOfInput ? EOF : READ_EXPIRED;
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  @Override
  public int available() {
    return chars.remaining();
  }

  /**
   * True when typed characters are already decoded and waiting, as seen by the session's own
   * thread; other threads (an outbox drain redrawing the prompt) always get false, since the buffer
   * is only consistent for the thread that fills it.
   */
  boolean hasTypeahead() {
    return Thread.currentThread() == owner && chars.hasRemaining();
  }

  /** Makes at least one character available; false when the time ran out or input ended. */
  private boolean fill(long timeout) throws IOException {
    checkClosed();
    owner = Thread.currentThread();
    long deadline = timeout > 0 ? System.nanoTime() + timeout * 1_000_000 : 0;
    while (!chars.hasRemaining()) {
      if (endOfInput) {
        return false;
      }
      long left = 0;
      if (deadline != 0) {
        left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
      }
      int n = connection.read(bytes.array(), bytes.position(), bytes.remaining(), left);
      if (n < 0) {
        endOfInput = true;
        bytes.flip();
        chars.clear();
        decoder.decode(bytes, chars, true); // a truncated sequence becomes U+FFFD
        decoder.flush(chars);
        chars.flip();
        bytes.clear();
        continue;
      }
      if (n == 0) {
        continue;
      }
      bytes.position(bytes.position() + n).flip();
      chars.clear();
      decoder.decode(bytes, chars, false);
      chars.flip();
      bytes.compact();
    }
    return true;
  }
}
