package dev.chatshell.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewPasswordTest {
  private final List<String> prompts = new ArrayList<>();
  private final List<char[]> handedOut = new ArrayList<>();

  /** Answers the prompts in turn; {@code null} answers as a user who gave up. */
  private NewPassword.Prompt<RuntimeException> typing(String... answers) {
    return prompt -> {
      prompts.add(prompt);
      String answer = prompts.size() <= answers.length ? answers[prompts.size() - 1] : null;
      if (answer == null) {
        return null;
      }
      char[] typed = answer.toCharArray();
      handedOut.add(typed);
      return typed;
    };
  }

  private void assertAllWiped() {
    for (char[] typed : handedOut) {
      assertArrayEquals(new char[typed.length], typed, "wiped");
    }
  }

  @Test
  void theSamePasswordTwiceIsGivenAndWipedOnClose() {
    char[] password;
    try (NewPassword typed = NewPassword.ask(typing("secret one", "secret one"), "New: ")) {
      assertEquals(NewPassword.Outcome.GIVEN, typed.outcome());
      assertArrayEquals("secret one".toCharArray(), typed.password());
      password = typed.password();
      assertArrayEquals(new char[10], handedOut.get(1), "the second copy is wiped at once");
    }
    assertArrayEquals(new char[10], password);
    assertEquals(List.of("New: ", "Again: "), prompts);
  }

  @Test
  void twoDifferentPasswordsAreRefusedAndBothWiped() {
    try (NewPassword typed = NewPassword.ask(typing("secret one", "secret two"), "New: ")) {
      assertEquals(NewPassword.Outcome.DIFFERENT, typed.outcome());
      assertNull(typed.password());
    }
    assertAllWiped();
  }

  @Test
  void noFirstPasswordAsksNoSecond() {
    try (NewPassword typed = NewPassword.ask(typing((String) null), "New: ")) {
      assertEquals(NewPassword.Outcome.NOT_GIVEN, typed.outcome());
    }
    assertEquals(List.of("New: "), prompts);
  }

  @Test
  void noSecondPasswordIsNotGivenAndTheFirstIsWiped() {
    try (NewPassword typed = NewPassword.ask(typing("secret one", null), "New: ")) {
      assertEquals(NewPassword.Outcome.NOT_GIVEN, typed.outcome());
      assertNull(typed.password());
    }
    assertAllWiped();
  }
}
