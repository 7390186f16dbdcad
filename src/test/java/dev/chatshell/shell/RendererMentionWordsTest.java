package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChannelMessage;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The mention check of the fan-out, which splits a message's text into words once and looks each
 * viewer's nick up, decides exactly as the scan of the text ({@link Renderer#mentions(String,
 * String)}) does, for every text and nick.
 */
class RendererMentionWordsTest {
  private static ChannelMessage said(String text) {
    return new ChannelMessage(Instant.EPOCH, "#rust", "carol", text);
  }

  private static void assertSameAsScan(String text, String nick) {
    assertEquals(
        Renderer.mentions(text, nick),
        Renderer.mentions(said(text), nick),
        () -> "text '" + text + "', nick '" + nick + "'");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "alice: hi|alice|true",
        "hi ALICE!|alice|true",
        "malice and alice|alice|true",
        "malice|alice|false",
        "alice_2|alice|false",
        "ask [BOT] please|[bot]|true",
        "x[bot]|[bot]|false",
        "a b|a|true",
        "héllo alice|alice|true", // letters outside ASCII end a word, as in the scan
        "alicé|alic|true", // so does a letter outside ASCII, even in a word
        "\u212Aate: hi|kate|true", // the Kelvin sign folds to k: only the scan knows
        "\u0131da|ida|false", // a dotless i: the scan's first-letter test refuses it
        "\u017Fam|sam|false",
        "sam \u017Fam|sam|true",
      })
  void decidesLikeTheScan(String text, String nick, boolean named) {
    assertEquals(named, Renderer.mentions(text, nick), "the scan");
    assertEquals(named, Renderer.mentions(said(text), nick), "the words");
  }

  @Test
  void aNickOutsideTheNickCharactersIsStillMatchedLiterally() {
    // Nicks cannot have such characters, but the check must not depend on it.
    assertTrue(Renderer.mentions(said("ask a.b now"), "a.b"));
    assertFalse(Renderer.mentions(said("ask a.bc now"), "a.b"));
    assertFalse(Renderer.mentions(said("anything"), ""));
  }

  @Test
  void oneMessageSeenByManyViewersGivesEachTheScansAnswer() {
    ChannelMessage message = said("bob: ask Alice, [bot] or b0b_ (not bobby)");
    for (String nick : new String[] {"bob", "alice", "[bot]", "b0b_", "bobby", "bo", "carol"}) {
      assertEquals(Renderer.mentions(message.text(), nick), Renderer.mentions(message, nick), nick);
    }
  }

  @Test
  void generatedTextsAndNicksAgreeWithTheScan() {
    // Words made of a few letters, so nicks often occur, separated and surrounded by nick
    // characters, punctuation, spaces, and characters outside ASCII, some of which fold to ASCII.
    String alphabet = "abAB_[]|-1 .,:!'@\u00e9\u00c9\u212a\u0131\u017f\u00df\u03bc";
    String[] nicks = {"a", "b", "ab", "Ab", "ba", "a_b", "[a]", "a|b", "k", "s", "i", "ab1", "a-"};
    Random random = new Random(12);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(24);
      for (int j = 0; j < length; j++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      for (String nick : nicks) {
        assertSameAsScan(text.toString(), nick);
      }
    }
  }
}
