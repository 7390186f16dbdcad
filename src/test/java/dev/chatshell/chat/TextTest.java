package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "hello", "héllo wörld", "日本語", "smile \uD83D\uDE00 ok", "a\u00a0b"})
  void returnsSafeTextAsTheSameInstance(String safe) {
    assertSame(safe, Text.visible(safe));
  }

  static Stream<Arguments> c0Controls() {
    return Stream.of(
        arguments("\u001b[31mred\u001b[0m", "^[[31mred^[[0m"),
        arguments("bell\u0007", "bell^G"),
        arguments("a\u0000b", "a^@b"),
        arguments("line\r\nbreak", "line^M^Jbreak"),
        arguments("x\u001fy", "x^_y"),
        arguments("del\u007f", "del^?"));
  }

  @ParameterizedTest
  @MethodSource("c0Controls")
  void makesC0ControlsVisibleInCaretNotation(String raw, String shown) {
    assertEquals(shown, Text.visible(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tab\there", "\ttab here", "tab here\t"})
  void turnsTabsIntoSpaces(String raw) {
    assertEquals(raw.replace('\t', ' '), Text.visible(raw));
  }

  static Stream<Arguments> codePointMarks() {
    return Stream.of(
        arguments("x\u009by", "x<U+009B>y"),
        arguments("x\u0085y", "x<U+0085>y"),
        arguments("x\u0080y", "x<U+0080>y"),
        arguments("x\u009fy", "x<U+009F>y"),
        arguments("x\u202ey", "x<U+202E>y"),
        arguments("x\u202ay", "x<U+202A>y"),
        arguments("x\u2066y", "x<U+2066>y"),
        arguments("x\u2069y", "x<U+2069>y"),
        arguments("x\u200ey", "x<U+200E>y"),
        arguments("x\u200fy", "x<U+200F>y"),
        arguments("x\u061cy", "x<U+061C>y"),
        arguments("x\u2028y", "x<U+2028>y"),
        arguments("x\u2029y", "x<U+2029>y"));
  }

  @ParameterizedTest
  @MethodSource("codePointMarks")
  void makesC1ControlsAndBidiOverridesVisibleAsCodePoints(String raw, String shown) {
    assertEquals(shown, Text.visible(raw));
  }

  @ParameterizedTest
  @MethodSource("surroundedByNonAscii")
  void keepsSurroundingNonAsciiTextIntact(String raw, String shown) {
    assertEquals(shown, Text.visible(raw));
  }

  static Stream<Arguments> surroundedByNonAscii() {
    return Stream.of(
        arguments("\uD83D\uDE00\u001b\uD83D\uDE00", "\uD83D\uDE00^[\uD83D\uDE00"),
        arguments("é\u202e日", "é<U+202E>日"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u001b]0;owned\u0007",
        "\u009b2J",
        "\u001bc\u202e\r",
        "mixed \u0001\u0002\u0003 \u0080\u0099 \u2067 end"
      })
  void resultNeverContainsUnsafeCodePoints(String raw) {
    String shown = Text.visible(raw);

    assertTrue(shown.codePoints().noneMatch(Text::isUnsafe), shown);
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x09, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9F, 0x202A, 0x202E, 0x2069})
  void unsafeCodePoints(int cp) {
    assertTrue(Text.isUnsafe(cp));
  }

  @ParameterizedTest
  @ValueSource(ints = {0x20, 0x41, 0x7E, 0xA0, 0xE9, 0x2027, 0x202F, 0x2065, 0x206A, 0x1F600})
  void safeCodePoints(int cp) {
    assertFalse(Text.isUnsafe(cp));
  }
}
