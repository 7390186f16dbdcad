package dev.chatshell.command;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentsTest {

  @Test
  void splitsWordsOnRunsOfSpaces() {
    Arguments arguments = new Arguments("  bob   hello  world ");

    assertEquals(3, arguments.count());
    assertFalse(arguments.isEmpty());
    assertEquals("bob", arguments.word(0));
    assertEquals("hello", arguments.word(1));
    assertEquals("world", arguments.word(2));
    assertNull(arguments.word(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "     "})
  void emptyOrBlankTextHasNoWords(String raw) {
    Arguments arguments = new Arguments(raw);

    assertTrue(arguments.isEmpty());
    assertEquals(0, arguments.count());
    assertNull(arguments.word(0));
    assertEquals("", arguments.rest(0));
  }

  @Test
  void restKeepsInnerSpacingAndDropsTrailingSpaces() {
    Arguments arguments = new Arguments("  bob  hello   there  ");

    assertEquals("bob  hello   there", arguments.rest(0));
    assertEquals("hello   there", arguments.rest(1));
    assertEquals("there", arguments.rest(2));
    assertEquals("", arguments.rest(3));
    assertEquals("", arguments.rest(10));
  }

  @Test
  void onlySpacesSeparateWords() {
    Arguments arguments = new Arguments("bob;carol a,b");

    assertEquals(2, arguments.count());
    assertEquals("bob;carol", arguments.word(0));
  }

  @Test
  void requiredReturnsThePresentWord() {
    assertEquals("#a", new Arguments("#a").required(0, "channel name"));
  }

  @Test
  void requiredThrowsAUsageExceptionNamingTheMissingWord() {
    Arguments arguments = new Arguments("bob");

    UsageException thrown =
        assertThrows(UsageException.class, () -> arguments.required(1, "message text"));

    assertEquals("Missing message text.", thrown.getMessage());
    assertInstanceOf(ChatException.class, thrown);
  }

  @Test
  void atMostAcceptsUpToTheLimit() {
    assertDoesNotThrow(() -> new Arguments("").atMost(0));
    assertDoesNotThrow(() -> new Arguments("a b").atMost(2));
    assertDoesNotThrow(() -> new Arguments("a").atMost(2));
  }

  @Test
  void atMostRefusesMoreWords() {
    UsageException thrown =
        assertThrows(UsageException.class, () -> new Arguments("a b c").atMost(2));
    assertEquals("Too many arguments.", thrown.getMessage());
    assertThrows(UsageException.class, () -> new Arguments("x").atMost(0));
  }
}
