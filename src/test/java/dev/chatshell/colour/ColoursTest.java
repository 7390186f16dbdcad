package dev.chatshell.colour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ColoursTest {
  @AfterEach
  void forget() {
    Colours.forget();
  }

  @Test
  void aTerminalGetsColour() {
    assertTrue(Colours.wanted(true, null, "xterm-256color", false));
    assertTrue(Colours.wanted(true, "", null, false), "an empty NO_COLOR counts as unset");
  }

  @Test
  void aPipeOrFileGetsNone() {
    assertFalse(Colours.wanted(false, null, "xterm-256color", false));
  }

  @Test
  void noColorSetToAnythingTurnsItOff() {
    assertFalse(Colours.wanted(true, "1", "xterm", false));
    assertFalse(Colours.wanted(true, "0", "xterm", false), "any value, even 0");
  }

  @Test
  void theNoColorOptionTurnsItOff() {
    assertFalse(Colours.wanted(true, null, "xterm", true));
  }

  @Test
  void aDumbTerminalGetsNone() {
    assertFalse(Colours.wanted(true, null, "dumb", false));
  }

  @Test
  void outputNotTheProcessOwnIsPlain() {
    // Tests, and anything else that runs commands without Main.main, write to writers of their own.
    assertSame(Colours.PLAIN, Colours.out());
    assertSame(Colours.PLAIN, Colours.err());
  }

  @Test
  void theProcessOwnStreamsArePlainWhenPiped() {
    // The test JVM's standard streams are pipes to Maven, as a program's are in `chatshell ... |
    // less`.
    Colours.forThisProcess();
    assertFalse(Colours.out().on());
    assertFalse(Colours.err().on());
    assertEquals("plain", Colours.err().error("plain"));
  }

  @Test
  void plainGivesTextBackAndColourWrapsIt() {
    assertEquals("failed", Colours.PLAIN.error("failed"));
    String red = Colours.of(true).error("failed");
    assertEquals("\u001b[31mfailed\u001b[m", red);
    assertEquals("", Colours.of(true).strong(""), "nothing to colour, no sequence");
  }
}
