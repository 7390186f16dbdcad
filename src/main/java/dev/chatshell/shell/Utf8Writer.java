package dev.chatshell.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Characters to UTF-8 bytes, straight into an output stream that buffers by itself. An {@code
 * OutputStreamWriter} keeps an 8 KiB encoder buffer per session for the life of the connection;
 * this keeps nothing but a high surrogate waiting for its pair.
 */
final class Utf8Writer extends Writer {
  private final OutputStream out;
  private char pendingHigh; // 0 when none

  Utf8Writer(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    if (length == 0) {
      return;
    }
    StringBuilder text = new StringBuilder(length + 1);
    if (pendingHigh != 0) {
      text.append(pendingHigh);
      pendingHigh = 0;
    }
    text.append(chars, offset, length);
    write(text);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    if (length == 0) {
      return;
    }
    if (pendingHigh == 0 && !Character.isHighSurrogate(text.charAt(offset + length - 1))) {
      out.write(text.substring(offset, offset + length).getBytes(StandardCharsets.UTF_8));
    } else {
      write(text.toCharArray(), offset, length);
    }
  }

  private void write(StringBuilder text) throws IOException {
    char last = text.charAt(text.length() - 1);
    if (Character.isHighSurrogate(last)) {
      pendingHigh = last; // its low half comes with the next write
      text.setLength(text.length() - 1);
    }
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
