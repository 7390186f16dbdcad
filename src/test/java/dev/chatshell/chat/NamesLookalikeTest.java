package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names that would look like others or break on screen: no-break spaces in channel names, and
 * characters outside the BMP in the reason a nick is refused.
 */
class NamesLookalikeTest {

  /**
   * SPEC §3: a channel name has no spaces. No-break spaces (U+00A0, U+2007, U+202F) are space
   * separators that {@link Character#isWhitespace} deliberately excludes; {@code "#lobby\u00a0"}
   * would look exactly like {@code #lobby} in /LIST.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "lob\u00a0by",
        "lobby\u00a0",
        "lob\u2007by",
        "lob\u202fby", // no-break spaces
        "\u200bx",
        "x\u200d",
        "x\u2060",
        "\ufeffx",
        "x\u00ad", // zero-width and format
        "x\ue000",
        "x\udb40\udc41" // private use, a tag character
      })
  void channelNamesRefuseNoBreakSpaces(String typed) {
    assertThrows(ChatException.class, () -> Names.channel(typed));
  }

  /**
   * The reason for a refused nick names the offending character whole: taken one UTF-16 unit at a
   * time, an emoji would become a lone high surrogate, shown as '?' or U+FFFD.
   */
  @Test
  void nickProblemNamesANonBmpCharacterWhole() {
    String emoji = "\uD83D\uDE00";

    String problem = Names.nickProblem("a" + emoji);

    assertTrue(problem.contains("(" + emoji + " is not allowed)"), problem);
  }

  @Test
  void aSpaceInANickIsNamedInTheReason() {
    assertTrue(Names.nickProblem("bad nick").contains("(a space is not allowed)"));
  }
}
