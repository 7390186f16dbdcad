package dev.chatshell.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines cut from bytes however they arrive, as the reactor and a TLS reader both get them. */
class IrcLineSplitterTest {
  private final IrcLineSplitter splitter = new IrcLineSplitter();

  /** Every line {@code bytes} completes, fed in pieces of {@code piece} bytes. */
  private List<String> feed(byte[] bytes, int piece) {
    List<String> lines = new ArrayList<>();
    for (int from = 0; from < bytes.length; from += piece) {
      byte[] chunk = new byte[Math.min(piece, bytes.length - from)];
      System.arraycopy(bytes, from, chunk, 0, chunk.length);
      ByteBuffer in = ByteBuffer.wrap(chunk);
      String line;
      while ((line = splitter.next(in)) != null) {
        lines.add(line);
      }
      assertFalse(in.hasRemaining(), "a piece is used up");
    }
    return lines;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void linesEndWithCrLfLfOrABareCrAndBlankLinesAreSkipped() {
    assertEquals(
        List.of("NICK a", "USER a 0 * :A", "JOIN #c", "PING x"),
        feed(ascii("NICK a\r\nUSER a 0 * :A\nJOIN #c\r\r\n\nPING x\r"), 1000));
  }

  @Test
  void aLineSplitAcrossReadsIsKeptUntilItEndsAndForgottenAfter() {
    byte[] bytes = ascii("PRIVMSG #c :hello there\r\nPRIVMSG #c :again\r\n");
    for (int piece = 1; piece < bytes.length; piece++) {
      IrcLineSplitter fresh = new IrcLineSplitter();
      List<String> lines = new ArrayList<>();
      for (int from = 0; from < bytes.length; from += piece) {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, Math.min(piece, bytes.length - from)).slice();
        String line;
        while ((line = fresh.next(in)) != null) {
          lines.add(line);
        }
      }
      assertEquals(List.of("PRIVMSG #c :hello there", "PRIVMSG #c :again"), lines, "by " + piece);
      assertFalse(fresh.midLine(), "no bytes kept between lines");
    }
  }

  @Test
  void nothingIsKeptBetweenLinesOnlyWhileOneIsUnfinished() {
    feed(ascii("PING a\r\n"), 100);
    assertFalse(splitter.midLine());
    feed(ascii("PING b"), 100);
    assertTrue(splitter.midLine());
    assertEquals(List.of("PING b"), feed(ascii("\r\n"), 100));
    assertFalse(splitter.midLine());
  }

  @Test
  void aLineOverTheLimitIsDroppedWholeAndTheNextOneRead() {
    String longest = "x".repeat(IrcLineSplitter.LIMIT);
    String over = "y".repeat(IrcLineSplitter.LIMIT + 1);
    for (int piece : new int[] {7, 1000, 100_000}) {
      List<String> lines =
          feed(ascii(longest + "\r\n" + over + "\r\nPING after\r\n" + over + "\n"), piece);
      assertEquals(4, lines.size(), "by " + piece);
      assertEquals(longest, lines.get(0));
      assertTrue(IrcLineSplitter.tooLong(lines.get(1)));
      assertEquals("PING after", lines.get(2));
      assertTrue(IrcLineSplitter.tooLong(lines.get(3)));
      assertFalse(splitter.midLine());
    }
  }

  @Test
  void utf8IsReadAsUtf8AndAnythingElseAsLatin1() {
    byte[] utf8 = "PRIVMSG #c :héllo ☃\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "PRIVMSG #c :héllo\r\n".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(List.of("PRIVMSG #c :héllo ☃"), feed(utf8, 3));
    assertEquals(List.of("PRIVMSG #c :héllo"), feed(latin1, 3));
  }
}
