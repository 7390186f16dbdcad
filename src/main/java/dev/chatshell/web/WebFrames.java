package dev.chatshell.web;

import java.nio.ByteBuffer;

/**
 * The framing between the page and the server, inside binary WebSocket messages: one byte says what
 * the message is, the rest is its body.
 *
 * <ul>
 *   <li>{@link #DATA} (both ways): terminal bytes, typed keys from the page, output to it;
 *   <li>{@link #RESIZE} (page to server): the terminal's columns and rows, two big-endian 16-bit
 *       numbers, sent when the page opens and whenever the window changes.
 * </ul>
 *
 * <p>Binary rather than text, so that output that cuts a UTF-8 sequence in two (as any terminal
 * stream may) needs no re-encoding; the page's terminal emulator takes the bytes as they come.
 */
final class WebFrames {
  static final byte DATA = 0;
  static final byte RESIZE = 1;

  /** The most a page may send in one message: a paste is split by the page. */
  static final int MAX_MESSAGE = 16 * 1024;

  private WebFrames() {}

  /** What a message from the page says. */
  sealed interface Message {}

  /** Keys typed or pasted. */
  record Data(byte[] bytes) implements Message {}

  /** The terminal's new size. */
  record Resize(int columns, int rows) implements Message {}

  /** A message that does not follow the framing: the page is not ours, or is broken. */
  record Invalid(String why) implements Message {}

  /** Reads one message from the page. */
  static Message decode(ByteBuffer message) {
    if (!message.hasRemaining()) {
      return new Invalid("an empty message");
    }
    byte type = message.get();
    if (type == DATA) {
      byte[] bytes = new byte[message.remaining()];
      message.get(bytes);
      return new Data(bytes);
    }
    if (type == RESIZE) {
      if (message.remaining() != 4) {
        return new Invalid("a resize of " + message.remaining() + " bytes, not 4");
      }
      int columns = Short.toUnsignedInt(message.getShort());
      int rows = Short.toUnsignedInt(message.getShort());
      return new Resize(columns, rows);
    }
    return new Invalid("an unknown message type " + (type & 0xff));
  }

  /** Output for the page: {@code bytes[offset..offset+length)} as one message. */
  static ByteBuffer output(byte[] bytes, int offset, int length) {
    ByteBuffer message = ByteBuffer.allocate(1 + length);
    message.put(DATA).put(bytes, offset, length).flip();
    return message;
  }
}
