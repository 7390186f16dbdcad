package dev.chatshell.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text made to fit IRC's lines without a character lost, and IRC's formatting codes taken out. */
class IrcFormatTest {
  private static final String HEAD = ":alice!~alice@chatshell PRIVMSG #chan :";

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Every part within the limit, starting with the head, and together the whole text. */
  private static void assertSplitWhole(String head, String text) {
    List<String> lines = IrcFormat.split(head, text);
    StringBuilder joined = new StringBuilder();
    for (String line : lines) {
      assertTrue(bytes(line) <= IrcConnection.MAX_BODY, bytes(line) + " bytes: " + line);
      assertTrue(line.startsWith(head), line);
      String part = line.substring(head.length());
      assertFalse(part.isEmpty(), "no empty part");
      assertFalse(Character.isHighSurrogate(part.charAt(part.length() - 1)), "a pair cut: " + part);
      assertFalse(Character.isLowSurrogate(part.charAt(0)), "a pair cut: " + part);
      joined.append(part);
    }
    assertEquals(text, joined.toString());
  }

  @Test
  void aShortLineIsOneLine() {
    assertEquals(List.of(HEAD + "hello"), IrcFormat.split(HEAD, "hello"));
  }

  @Test
  void aLineThatFitsExactlyIsOneLine() {
    String text = "x".repeat(IrcConnection.MAX_BODY - HEAD.length());
    assertEquals(List.of(HEAD + text), IrcFormat.split(HEAD, text));
    assertEquals(2, IrcFormat.split(HEAD, text + "y").size());
  }

  @Test
  void aLongLineIsSplitAtSpacesWithoutLosingACharacter() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 3000; i++) {
      text.append("word").append(i).append(' ');
    }
    String whole = text.toString();
    assertSplitWhole(HEAD, whole);
    List<String> lines = IrcFormat.split(HEAD, whole);
    assertTrue(lines.size() >= 7, lines.size() + " lines");
    for (int i = 0; i < lines.size() - 1; i++) {
      assertTrue(lines.get(i).endsWith(" "), "split after a space: " + lines.get(i));
    }
  }

  @Test
  void aLongWordIsCutWhereTheLineIsFull() {
    String text = "z".repeat(2000);
    assertSplitWhole(HEAD, text);
    assertEquals(IrcConnection.MAX_BODY, bytes(IrcFormat.split(HEAD, text).getFirst()));
  }

  @Test
  void multiByteCharactersAreNeverCutWhateverWhereTheBoundaryFalls() {
    for (int pad = 0; pad < 4; pad++) {
      String head = HEAD + "x".repeat(pad);
      assertSplitWhole(head, "é".repeat(700)); // two bytes
      assertSplitWhole(head, "€".repeat(500)); // three
      assertSplitWhole(head, "😀".repeat(400)); // four, a surrogate pair
      assertSplitWhole(head, ("a€😀 é").repeat(200)); // mixed, with spaces
    }
  }

  @Test
  void aHeadLeavingNoRoomStillMakesProgressAndLosesNothing() {
    // Not a head the door makes (nick, channel and server name are short); the text still goes.
    String head = ":" + "h".repeat(505) + " :";
    String text = "some text that has to go somewhere";
    StringBuilder joined = new StringBuilder();
    for (String line : IrcFormat.split(head, text)) {
      assertTrue(line.length() > head.length(), "progress: " + line);
      joined.append(line.substring(head.length()));
    }
    assertEquals(text, joined.toString());
  }

  @Test
  void aLineThatCannotBeSplitIsCutAtACodePointAndTheCutShows() {
    String line = ":server 372 bob :- " + "€".repeat(300);
    String fitted = IrcFormat.fit(line);
    assertTrue(bytes(fitted) <= IrcConnection.MAX_BODY);
    assertTrue(bytes(fitted) > IrcConnection.MAX_BODY - 6);
    assertTrue(fitted.endsWith("\u2026"), fitted);
    assertTrue(line.startsWith(fitted.substring(0, fitted.length() - 1)));
    assertSame(HEAD, IrcFormat.fit(HEAD));
  }

  @Test
  void utf8LengthCountsBytes() {
    assertEquals(5, IrcFormat.utf8Length("hello"));
    assertEquals(3 + 4 + 2, IrcFormat.utf8Length("€😀é"));
    assertEquals(1 + 3, IrcFormat.utf8Length("a€"));
  }

  @Test
  void formattingCodesAreTakenOut() {
    assertEquals("bold", IrcFormat.stripFormatting("\u0002bold\u0002"));
    assertEquals(
        "italic under strike mono rev reset",
        IrcFormat.stripFormatting(
            "\u001Ditalic\u001D \u001Funder\u001F \u001Estrike\u001E \u0011mono\u0011"
                + " \u0016rev\u0016 \u000Freset"));
  }

  @Test
  void coloursGoWithTheirDigits() {
    assertEquals("red", IrcFormat.stripFormatting("\u00034red"));
    assertEquals("red", IrcFormat.stripFormatting("\u000304red"));
    assertEquals("on blue", IrcFormat.stripFormatting("\u000304,12on blue"));
    assertEquals("on blue", IrcFormat.stripFormatting("\u00034,2on blue"));
    assertEquals("end", IrcFormat.stripFormatting("\u0003end"));
    assertEquals("345", IrcFormat.stripFormatting("\u000312345"), "two digits at most");
    assertEquals("5", IrcFormat.stripFormatting("\u000301,025"), "two after the comma too");
    assertEquals(",x", IrcFormat.stripFormatting("\u00034,x"), "a comma without a digit stays");
    assertEquals("1,", IrcFormat.stripFormatting("1\u00034,"));
    assertEquals("", IrcFormat.stripFormatting("\u00031,2"));
  }

  @Test
  void hexColoursGoWithTheirDigits() {
    assertEquals("hex", IrcFormat.stripFormatting("\u0004FF8800hex"));
    assertEquals("text", IrcFormat.stripFormatting("\u0004ff8800,00FF00text"));
    assertEquals(" plain", IrcFormat.stripFormatting("\u0004 plain"));
    assertEquals("ghij", IrcFormat.stripFormatting("\u0004abcdefghij"), "six hex digits at most");
  }

  @Test
  void otherControlCharactersAreLeftForTheDomain() {
    assertEquals("\u0001ACTION x\u0001", IrcFormat.stripFormatting("\u0001ACTION x\u0001"));
    assertEquals("a\u001Bb", IrcFormat.stripFormatting("a\u001Bb"));
  }

  @Test
  void textWithoutCodesIsReturnedAsItIs() {
    String text = "nothing to strip: 04,12 é";
    assertSame(text, IrcFormat.stripFormatting(text));
  }
}
