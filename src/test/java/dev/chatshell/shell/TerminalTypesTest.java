package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalTypesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "xterm-256color, xterm-256color",
    "XTERM-256COLOR, xterm-256color",
    "xterm, xterm",
    "XTERM, xterm",
    "Xterm-Color, xterm",
    "xterm-kitty, xterm-256color",
    "screen, screen",
    "tmux-256color, screen-256color",
    "rxvt-unicode-256color, rxvt-unicode-256color",
    "VT100, ansi",
    "linux, ansi",
    "ansi, ansi",
    "dumb, dumb",
    "DUMB, dumb",
    "unknown, dumb"
  })
  void knownTypesMapOntoTheAllowList(String reported, String expected) {
    assertEquals(expected, TerminalTypes.map(reported));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "vt52", "../../etc/passwd", "xterm-256color ", "made-up-term"})
  void anythingElseIsAnsi(String reported) {
    assertEquals("ansi", TerminalTypes.map(reported));
    assertEquals(TerminalTypes.FALLBACK, TerminalTypes.map(reported));
  }
}
