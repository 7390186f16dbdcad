package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class LineWrapTest {
  @Test
  void aShortLineIsReturnedAsItIs() {
    String line = "<alice> hello";
    assertSame(line, LineWrap.wrap(line, 80));
  }

  @Test
  void aLongMessageWrapsAtSpacesUnderTheTextAfterTheNick() {
    String line = "<alice> the quick brown fox jumps over the lazy dog and runs far away";
    assertEquals(
        """
        <alice> the quick brown fox jumps
                over the lazy dog and runs
                far away""",
        LineWrap.wrap(line, 35));
  }

  @Test
  void noWrappedLineIsWiderThanTheRoomAndNoWordIsCut() {
    String text =
        "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod ".repeat(5);
    String wrapped = LineWrap.wrap("<bob> " + text.strip(), 40);
    for (String line : wrapped.split("\n")) {
      assertTrue(line.length() <= 39, "too wide: [" + line + "]");
      assertTrue(!line.endsWith(" "), "trailing space: [" + line + "]");
    }
    assertEquals(
        ("<bob> " + text.strip()).replaceAll(" +", " "),
        wrapped.replaceAll("\n +", " ").replaceAll(" +", " "),
        "the same words, in order");
  }

  @Test
  void aWordWiderThanTheLineIsCut() {
    assertEquals(
        "<al> aaaaaaaaaaaaaaa\n     aaaaaaaaaaaaaaa\n     aaaaaaaaaa",
        LineWrap.wrap("<al> " + "a".repeat(40), 21));
  }

  @Test
  void theIndentFollowsEachKindOfLine() {
    assertEquals(8, LineWrap.indentOf("<alice> text", 80));
    assertEquals(16, LineWrap.indentOf("[#rust] <alice> text", 80));
    assertEquals(14, LineWrap.indentOf("12:34 <alice> text", 80));
    assertEquals(8, LineWrap.indentOf("* alice waves", 80));
    assertEquals(6, LineWrap.indentOf("*bob* psst", 80));
    assertEquals(9, LineWrap.indentOf("-> *bob* psst", 80));
    assertEquals(4, LineWrap.indentOf("-!- alice has joined", 80));
    assertEquals(2, LineWrap.indentOf("  /JOIN #channel", 80));
    assertEquals(0, LineWrap.indentOf("<" + "n".repeat(50) + "> text", 80), "at most half");
  }

  @Test
  void colourEscapesTakeNoRoomAndStayInPlace() {
    AttributedString styled =
        new AttributedStringBuilder()
            .append('<')
            .styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN), "alice")
            .append("> ")
            .styled(AttributedStyle.BOLD, "one two three four five six seven")
            .toAttributedString();
    String ansi = styled.toAnsi(256, org.jline.utils.AttributedCharSequence.ForceMode.None);
    String wrapped = LineWrap.wrap(ansi, 25);
    String plain = wrapped.replaceAll("\u001b\\[[0-9;]*m", "");
    assertEquals("<alice> one two three\n        four five six\n        seven", plain);
    assertEquals(ansi.replaceAll("\u001b\\[[0-9;]*m", ""), plain.replaceAll("\n +", " "));
  }

  @Test
  void eachLineOfAMultiLineTextIsWrappedOnItsOwn() {
    assertEquals(
        "-!- History of #a\n<al> one two three\n     four\nshort",
        LineWrap.wrap("-!- History of #a\n<al> one two three four\nshort", 20));
  }

  @Test
  void wideCharactersCountTwoColumns() {
    String wrapped = LineWrap.wrap("<al> 漢字漢字 漢字漢字 漢字", 20);
    assertEquals("<al> 漢字漢字\n     漢字漢字 漢字", wrapped, "5 + 8 + 1 + 8 is over 19");
  }
}
