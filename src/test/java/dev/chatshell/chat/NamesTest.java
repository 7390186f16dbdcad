package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "Z",
        "alice",
        "Alice_99",
        "_under",
        "[bracket]",
        "back\\slash",
        "`tick`",
        "^caret^",
        "{brace}",
        "pipe|",
        "a-b",
        "x123",
        "abcdefghijklmnop"
      })
  void acceptsValidNicks(String nick) {
    assertNull(Names.nickProblem(nick));
    assertEquals(nick, Names.requireNick(nick));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"                 | cannot be empty",
        "abcdefghijklmnopq    | at most 16 characters",
        "1abc                 | cannot start with a digit or '-'",
        "9                    | cannot start with a digit or '-'",
        "-abc                 | cannot start with a digit or '-'",
        "\"a b\"              | may only use letters",
        "a.b                  | (. is not allowed)",
        "a@b                  | (@ is not allowed)",
        "~alice               | (~ is not allowed)",
        "#chan                | (# is not allowed)",
        "a/b                  | (/ is not allowed)",
        "élodie               | (é is not allowed)",
      })
  void refusesInvalidNicksWithAReason(String nick, String reason) {
    String problem = Names.nickProblem(nick);
    assertTrue(problem != null && problem.contains(reason), () -> nick + " -> " + problem);
    ChatException thrown = assertThrows(ChatException.class, () -> Names.requireNick(nick));
    assertEquals(problem, thrown.getMessage());
  }

  @Test
  void nickProblemShowsControlCharactersVisibly() {
    String problem = Names.nickProblem("a\u001bb");

    assertTrue(problem.contains("(^[ is not allowed)"), problem);
    assertFalse(problem.contains("\u001b"), problem);
  }

  @ParameterizedTest
  @CsvSource({"lobby, #lobby", "#lobby, #lobby", "Lobby, #Lobby", "#a, #a", "##x, ##x"})
  void channelNamesGetTheirHashAddedWhenMissingAndKeepTheirCase(String typed, String name) {
    assertEquals(name, Names.channel(typed));
  }

  @Test
  void channelNamesHaveOneToThirtyTwoCharactersAfterTheHash() {
    String longest = "c".repeat(32);

    assertEquals("#" + longest, Names.channel(longest));
    assertEquals("#" + longest, Names.channel("#" + longest));
    ChatException tooLong = assertThrows(ChatException.class, () -> Names.channel(longest + "c"));
    assertTrue(tooLong.getMessage().contains("at most 32"), tooLong.getMessage());
    for (String empty : new String[] {"", "#"}) {
      ChatException thrown = assertThrows(ChatException.class, () -> Names.channel(empty));
      assertTrue(thrown.getMessage().contains("at least one character"), thrown.getMessage());
    }
  }

  @Test
  void channelNameLengthCountsCodePointsNotChars() {
    String emoji = "\uD83D\uDE00"; // one code point, two chars

    assertEquals("#" + emoji.repeat(32), Names.channel(emoji.repeat(32)));
    assertThrows(ChatException.class, () -> Names.channel(emoji.repeat(33)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a b",
        "a,b",
        "a\tb",
        "a\nb",
        "a\rb",
        "a\u0000b",
        "a\u001bb",
        "a\u007fb",
        "a\u009bb",
        "a\u202eb",
        "a\u2066b",
        "a\u3000b",
        "lobby "
      })
  void channelNamesRefuseSpacesCommasAndControlCharacters(String typed) {
    ChatException thrown = assertThrows(ChatException.class, () -> Names.channel(typed));

    assertTrue(
        thrown.getMessage().startsWith("A channel name cannot contain"), thrown.getMessage());
    assertTrue(thrown.getMessage().chars().noneMatch(c -> Text.isUnsafe(c)), thrown.getMessage());
  }

  @Test
  void channelNameErrorShowsTheOffendingCharacterVisibly() {
    ChatException thrown = assertThrows(ChatException.class, () -> Names.channel("#bad\u001b"));

    assertTrue(thrown.getMessage().contains("(^[ found)"), thrown.getMessage());
  }

  @Test
  void channelNamesMayUseNonAsciiLetters() {
    assertEquals("#café-ß", Names.channel("café-ß"));
  }

  @Test
  void keyFoldsCase() {
    assertEquals(Names.key("alice"), Names.key("ALICE"));
    assertEquals(Names.key("Alice"), Names.key("aLiCe"));
    assertEquals(Names.key("#Lobby"), Names.key("#LOBBY"));
    assertNotEquals(Names.key("alice"), Names.key("alice_"));
    assertEquals("#lobby", Names.key("#LoBbY"));
  }
}
