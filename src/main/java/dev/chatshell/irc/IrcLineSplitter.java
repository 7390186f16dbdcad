package dev.chatshell.irc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts the bytes an IRC client sends into lines, whatever pieces they arrive in. Lines end with CR
 * LF, LF or a bare CR (some clients and bots send either); blank lines are skipped. A line may be
 * {@link IrcConnection#MAX_BODY} bytes before its tags and {@link IrcConnection#MAX_TAGS} more; a
 * longer one is read to its end and dropped whole, and an empty line stands in its place ({@link
 * #tooLong}) so the client gets its numeric.
 *
 * <p>Memory: the bytes of a line that has not ended yet are kept here, and only then: a client
 * between lines (nearly every idle client) costs no buffer. The array starts small and grows as the
 * line does, up to the limit.
 *
 * <p>Threading: one reader at a time (the reactor thread for plain IRC, the session's thread over
 * TLS).
 */
final class IrcLineSplitter {
  /**
   * Stands for a line that was over the limits and dropped: empty, which no real line is (blank
   * lines are skipped). Compared by {@link #tooLong}, by value.
   */
  private static final String TOO_LONG = "";

  /** The most bytes a line may have before its end, tags and all. */
  static final int LIMIT = IrcConnection.MAX_BODY + IrcConnection.MAX_TAGS + 2;

  private static final int FIRST_SIZE = 64;

  private byte[] partial; // the line so far, while one has not ended; else null
  private int length;
  private boolean tooLong; // the line so far is over the limit: skipped to its end

  /**
   * The next line in {@code in} (from its position, which is moved past it), an empty line for one
   * dropped as over-long ({@link #tooLong}), or {@code null} when {@code in} ends before a line
   * does: what it had of a line is kept for the next call. {@code in} must be a heap buffer.
   */
  String next(ByteBuffer in) {
    byte[] bytes = in.array();
    int base = in.arrayOffset();
    int from = base + in.position();
    int to = base + in.limit();
    int i = from;
    while (i < to) {
      byte b = bytes[i];
      if (b != '\n' && b != '\r') {
        i++;
        continue;
      }
      // A line ends at i: what came before it in this buffer, after what was kept.
      in.position(i + 1 - base);
      if (tooLong) {
        forget();
        return TOO_LONG;
      }
      if (partial == null) {
        if (i == from) {
          from = i + 1; // the LF of a CR LF, or a blank line
          i++;
          continue;
        }
        if (i - from > LIMIT) {
          return TOO_LONG;
        }
        return decode(bytes, from, i - from);
      }
      if (!keep(bytes, from, i - from)) {
        forget();
        return TOO_LONG;
      }
      String line = decode(partial, 0, length);
      forget();
      return line;
    }
    in.position(to - base);
    if (!tooLong && !keep(bytes, from, to - from)) {
      tooLong = true;
      partial = null; // nothing of it is needed any more
    }
    return null;
  }

  /** Adds a piece to the line so far; false when that makes it too long. */
  private boolean keep(byte[] bytes, int from, int count) {
    if (count == 0) {
      return true;
    }
    if (length + count > LIMIT) {
      return false;
    }
    if (partial == null) {
      partial = new byte[Math.max(FIRST_SIZE, count)];
    } else if (length + count > partial.length) {
      partial =
          Arrays.copyOf(partial, Math.min(LIMIT, Math.max(partial.length * 2, length + count)));
    }
    System.arraycopy(bytes, from, partial, length, count);
    length += count;
    return true;
  }

  private void forget() {
    partial = null;
    length = 0;
    tooLong = false;
  }

  /**
   * Every whole line in {@code in} ({@link #next} until none is left); an empty list, and no new
   * object, when {@code in} holds only part of a line.
   */
  List<String> all(ByteBuffer in) {
    List<String> got = List.of();
    String line;
    while ((line = next(in)) != null) {
      if (got.isEmpty()) {
        got = new ArrayList<>(4);
      }
      got.add(line);
    }
    return got;
  }

  /** Whether {@code line}, as {@link #next} gave it, stands for a line dropped as too long. */
  static boolean tooLong(String line) {
    return line.isEmpty();
  }

  /** True while part of a line has come and its end has not. */
  boolean midLine() {
    return partial != null || tooLong;
  }

  /**
   * UTF-8, as modern clients send; a line that is not UTF-8 is read as Latin-1, which old clients
   * and bots still send, so every byte stays a character.
   */
  static String decode(byte[] bytes, int from, int count) {
    if (ascii(bytes, from, count)) {
      return new String(bytes, from, count, StandardCharsets.ISO_8859_1); // the same, and cheaper
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, count))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, from, count, StandardCharsets.ISO_8859_1);
    }
  }

  private static boolean ascii(byte[] bytes, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }
}
