package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  // ---- Issue 12 G: invisible and confusable channel names ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "#\u3164", // Hangul filler: a letter that draws nothing
        "#a\u3164",
        "#\u2800", // Braille pattern blank
        "#x\u115f",
        "#x\uffa0",
        "#x\ufe0f", // a variation selector
        "#x\u034f", // combining grapheme joiner
        "#x\udb40\udc41" // a tag character
      })
  void channelNamesRefuseCharactersThatDrawNothing(String typed) {
    ChatException thrown = assertThrows(ChatException.class, () -> Names.channel(typed));

    assertTrue(thrown.getMessage().contains("invisible characters"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("U+"), thrown.getMessage());
  }

  @Test
  void aChannelNameMayNotMixLatinWithCyrillicLookalikes() {
    ChatException thrown =
        assertThrows(ChatException.class, () -> Names.channel("#\u0430dmin")); // Cyrillic а

    assertEquals(
        "A channel name cannot mix scripts (Latin with Cyrillic \u0430 U+0430): letters that"
            + " look alike would make two names look the same.",
        thrown.getMessage());
    assertThrows(ChatException.class, () -> Names.channel("#adm\u0456n")); // Ukrainian і
    assertThrows(ChatException.class, () -> Names.channel("#\u03bfpen")); // Greek ο
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "#\u0430\u0434\u043c\u0438\u043d", // all Cyrillic
        "#caf\u00e9-2",
        "#\u65e5\u672c\u8a9e\u306e\u30c1\u30e3\u30c3\u30c8", // Han, Hiragana, Katakana
        "#java\u958b\u767a", // Latin with Han
        "#\ud55c\uad6d\uc5b4-\u97d3", // Hangul with Han
        "#\u0645\u0631\u062d\u0628\u0627", // Arabic
        "#e\u0301t\u00e9", // a combining accent
        "#rust_2024"
      })
  void channelNamesInOneScriptOrAUsualMixAreFine(String name) {
    // kept in composed form: an accent typed apart names the same channel
    assertEquals(
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC), Names.channel(name));
  }

  @Test
  void channelNamesRefuseStackedCombiningMarks() {
    assertThrows(ChatException.class, () -> Names.channel("#a" + "\u0301".repeat(4)));
    assertThrows(ChatException.class, () -> Names.channel("#\u0301a"));
  }

  /** Nicks are ASCII only (SPEC §2): no invisible or lookalike character ever gets in. */
  @ParameterizedTest
  @ValueSource(
      strings = {"\u0430lice", "al\u200bice", "a\u3164", "\u2800", "bob\udb40\udc41", "e\u0301"})
  void nicksRefuseInvisibleAndLookalikeCharacters(String nick) {
    assertThrows(ChatException.class, () -> Names.requireNick(nick));
  }

  /** Found by review: each reads as a plain name that is, or could be, another channel. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "#\uFF41dmin", // fullwidth a
        "#\uD835\uDDBAdmin", // mathematical sans-serif a
        "#adm\u2170n", // small roman numeral one
        "#\uFB01sh" // the fi ligature
      })
  void aNameWithAPlainerFormIsRefusedNamingIt(String typed) {
    ChatException refused = assertThrows(ChatException.class, () -> Names.channel(typed));
    assertTrue(refused.getMessage().contains("plain letters"), refused.getMessage());
  }

  @Test
  void plainNamesInAnyScriptStayAllowed() {
    assertEquals("#caf\u00E9", Names.channel("#caf\u00E9"));
    assertEquals(
        "#caf\u00E9", Names.channel("#cafe\u0301"), "one name however the accent is typed");
    assertEquals("#\u65E5\u672C\u8A9E", Names.channel("#\u65E5\u672C\u8A9E"));
    assertEquals("#\u0440\u0443\u0441", Names.channel("#\u0440\u0443\u0441"));
  }
}
