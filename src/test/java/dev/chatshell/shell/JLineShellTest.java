package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.transport.TerminalInfo;
import java.time.Duration;
import org.jline.reader.Candidate;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/**
 * The line editor a remote user gets, fed keys through a scripted connection: what it accepts, and
 * the keys and inputs it must not let a stranger use against the server.
 */
class JLineShellTest {
  private static final int LIMIT = 4096;

  private static JLineShell shell(ScriptedConnection keys) throws Exception {
    return new JLineShell(
        keys, new TerminalInfo(true, "xterm", 80, 24), (reader, line, candidates) -> {}, LIMIT);
  }

  @Test
  void editsAndReturnsLines() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("helo\u0002l\r").chunk("bye\r");
    JLineShell shell = shell(keys);
    assertEquals("hello", shell.readLine("> "), "Ctrl-B moved back one character");
    assertEquals("bye", shell.readLine("> "));
    assertNull(shell.readLine("> "), "end of input");
  }

  @Test
  void ctrlCAbandonsTheLineAndCtrlDOnAnEmptyLineEndsInput() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("oops\u0003").chunk("\u0004");
    JLineShell shell = shell(keys);
    assertEquals("", shell.readLine("> "));
    assertNull(shell.readLine("> "));
  }

  @Test
  void promptsArePrintedLiterallyNotAsJLinePatterns() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("hi\r");
    JLineShell shell = shell(keys);
    String prompt = "~eve #z%2000000000P=%{> ";
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> assertEquals("hi", shell.readLine(prompt)));
    assertTrue(keys.written().contains("#z%2000000000P=%{>"), keys.written());
  }

  @Test
  void yankingCannotGrowTheLinePastTheLimit() throws Exception {
    String bomb = "a".repeat(4000) + "\u0015" + "\u0019".repeat(3000) + "\r";
    ScriptedConnection keys = new ScriptedConnection().chunk(bomb).chunk("still here\r");
    JLineShell shell = shell(keys);
    assertThrows(LineTooLongException.class, () -> shell.readLine("> "));
    assertEquals("still here", shell.readLine("> "));
  }

  @Test
  void typingStopsAtTheLimit() throws Exception {
    ScriptedConnection keys =
        new ScriptedConnection().chunk("b".repeat(LIMIT + 500) + "\r").chunk("short\r");
    JLineShell shell = shell(keys);
    assertThrows(LineTooLongException.class, () -> shell.readLine("> "));
    assertEquals("short", shell.readLine("> "));
  }

  @Test
  void repeatCountsAndEditorEscapesAreNotBound() throws Exception {
    ScriptedConnection keys =
        new ScriptedConnection()
            .chunk("\u001b1\u001b0\u001b0\u001b0\u001b0x\r") // ESC digits: a repeat count in JLine
            .chunk("abc\u0018\u0005\r") // Ctrl-X Ctrl-E: edit-and-execute in JLine
            .chunk("after\r");
    JLineShell shell = shell(keys);
    assertEquals("x", shell.readLine("> "), "ESC digits (a repeat count in JLine) do nothing");
    assertEquals("abc", shell.readLine("> "), "Ctrl-X Ctrl-E does nothing");
    assertEquals("after", shell.readLine("> "));
    assertFalse(keys.written().contains("Exception"), keys.written());
  }

  @Test
  void arrowKeysWorkInBothFormsAndUnknownFunctionKeysTypeNothing() throws Exception {
    ScriptedConnection keys =
        new ScriptedConnection()
            .chunk("first\r")
            .chunk("\u001b[A\r") // up, normal form
            .chunk("\u001bOA\r") // up, application form
            .chunk("a\u001b[15~\u001b[1;5Pb\r"); // F5 and Ctrl-F1 between a and b
    JLineShell shell = shell(keys);
    assertEquals("first", shell.readLine("> "));
    assertEquals("first", shell.readLine("> "));
    assertEquals("first", shell.readLine("> "));
    assertEquals("ab", shell.readLine("> "));
  }

  @Test
  void anUnboundMetaKeyTypesNothingAndBoundOnesStillWork() throws Exception {
    ScriptedConnection keys =
        new ScriptedConnection()
            .chunk("ab\u001bxcd\r") // M-x: not bound
            .chunk("a\u001b\u0001\u001b.\u001bZb\r") // M-Ctrl-A, M-., M-Z
            .chunk("ab cd\u001bbX\r"); // M-b: back one word
    JLineShell shell = shell(keys);
    assertEquals("abcd", shell.readLine("> "));
    assertEquals("ab", shell.readLine("> "));
    assertEquals("ab Xcd", shell.readLine("> "));
  }

  /** Twenty commands with a description: more lines than a 10-row window has. */
  private static JLineShell smallWindowWithTwentyCommands(ScriptedConnection keys)
      throws Exception {
    return new JLineShell(
        keys,
        new TerminalInfo(true, "xterm", 60, 10),
        (reader, line, candidates) -> {
          for (int i = 0; i < 20; i++) {
            String name = "/" + (char) ('A' + i) + "CMD"; // no common prefix past the "/"
            candidates.add(new Candidate(name, name, null, "does " + i, null, null, true));
          }
        },
        LIMIT);
  }

  @Test
  void aCompletionListTallerThanTheWindowIsAskedAboutThenShownWhole() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("/\t").chunk("y").chunk("\r");
    JLineShell shell = smallWindowWithTwentyCommands(keys);
    assertEquals("/", shell.readLine("> "));
    String screen = keys.written();
    assertTrue(screen.contains("Display all 20 possibilities? (y or n)"), screen);
    for (int i = 0; i < 20; i++) {
      String line = "/" + (char) ('A' + i) + "CMD  (does " + i + ")";
      assertTrue(screen.contains(line), "missing " + line + " in:\n" + screen);
    }
  }

  @Test
  void aTallCompletionListRefusedShowsNothing() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("/\t").chunk("n").chunk("x\r");
    JLineShell shell = smallWindowWithTwentyCommands(keys);
    assertEquals("/x", shell.readLine("> "), "the answer is not typed into the line");
    assertFalse(keys.written().contains("(does"), keys.written());
  }

  @Test
  void historyKeepsShortLinesOnly() throws Exception {
    String wall = "w".repeat(2000);
    ScriptedConnection keys =
        new ScriptedConnection().chunk("short one\r").chunk(wall + "\r").chunk("\u001b[A\r");
    JLineShell shell = shell(keys);
    assertEquals("short one", shell.readLine("> "));
    assertEquals(wall, shell.readLine("> "));
    assertEquals("short one", shell.readLine("> "), "the wall of text was not kept");
  }

  @Test
  void aSecretIsNeitherShownNorKeptAndCtrlCCancelsIt() throws Exception {
    ScriptedConnection keys =
        new ScriptedConnection()
            .chunk("hunter22\r")
            .chunk("\u001b[A\r") // up: nothing to recall
            .chunk("half\u0003") // Ctrl-C at a secret prompt
            .chunk("/oper root hunter22\r")
            .chunk("\u001b[A\r");
    JLineShell shell = shell(keys);
    assertEquals("hunter22", shell.readSecret("Password: "));
    assertFalse(keys.written().contains("hunter22"), "not echoed");
    assertEquals("", shell.readLine("> "), "the secret is not in history");
    assertNull(shell.readSecret("Password: "), "Ctrl-C cancels");
    assertEquals("/oper root hunter22", shell.readLine("> "));
    assertEquals("", shell.readLine("> "), "/OPER lines are not kept in history either");
  }

  @Test
  void colourOnlyWhereTheTerminalTypeHasIt() throws Exception {
    AttributedString red = new AttributedString("x", AttributedStyle.DEFAULT.foreground(1));
    assertTrue(withType("xterm").format(red).contains("\u001b["));
    assertTrue(withType("vt52-nonsense").format(red).contains("\u001b["), "unknown means ansi");
    assertEquals("x", withType("dumb").format(red), "no colour for a dumb terminal");
  }

  private static JLineShell withType(String type) throws Exception {
    return new JLineShell(
        new ScriptedConnection(),
        new TerminalInfo(true, type, 80, 24),
        (reader, line, candidates) -> {},
        LIMIT);
  }
}
