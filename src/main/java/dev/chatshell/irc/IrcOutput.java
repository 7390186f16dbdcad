package dev.chatshell.irc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of one batch of a session's output, gathered for one write: lines rendered for this
 * client alone (encoded here, each ending in CR LF) and lines rendered once for many ({@link
 * SharedLines}, copied). A long batch (WHO on a big channel) is written in pieces of {@link #CHUNK}
 * bytes, never held whole.
 *
 * <p>Threading: the outbox's drain only; one per batch. An array once given to {@link
 * IrcConnection#write} is never written to again, so the connection may keep it.
 */
final class IrcOutput {
  /** Bytes after which what is gathered is written, before the rest of the batch is added. */
  static final int CHUNK = 64 * 1024;

  private static final byte[] CRLF = {'\r', '\n'};

  private final IrcConnection connection;
  private byte[] buffer;
  private int size;

  IrcOutput(IrcConnection connection, int expected) {
    this.connection = connection;
    this.buffer = new byte[Math.clamp(expected, 64, CHUNK + 1024)];
  }

  /** {@code lines}, each with CR LF, as UTF-8: what {@link SharedLines} keeps. */
  static byte[] encode(List<String> lines) {
    if (lines.size() == 1) {
      return (lines.getFirst() + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Adds one line, CR LF after it. */
  void line(String line) throws IOException {
    append(line.getBytes(StandardCharsets.UTF_8));
    append(CRLF);
    flushIfFull();
  }

  /** Adds bytes that are whole lines already. */
  void add(byte[] lines) throws IOException {
    append(lines);
    flushIfFull();
  }

  private void append(byte[] bytes) {
    if (buffer == null) {
      buffer = new byte[Math.max(bytes.length, CHUNK)]; // a long batch's next piece
    } else if (size + bytes.length > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(size + bytes.length, buffer.length * 2));
    }
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
  }

  private void flushIfFull() throws IOException {
    if (size >= CHUNK) {
      flush();
    }
  }

  /** Writes what is gathered, if anything. */
  void flush() throws IOException {
    if (size == 0) {
      return;
    }
    byte[] full = buffer;
    int length = size;
    buffer = null; // the connection may keep the array it was given
    size = 0;
    connection.write(full, length);
  }
}
