package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class LineShellTest {
  @Test
  void splitsInputIntoLinesWhateverTheChunks() throws IOException {
    ScriptedConnection connection =
        new ScriptedConnection().chunk("alice\nhel").chunk("lo wor").chunk("ld\n\nlast\n");
    LineShell shell = new LineShell(connection, 4096);
    assertEquals("alice", shell.readLine(""));
    assertEquals("hello world", shell.readLine(""));
    assertEquals("", shell.readLine(""));
    assertEquals("last", shell.readLine(""));
    assertNull(shell.readLine(""), "end of input");
  }

  @Test
  void editingKeysAreAppliedToTheLineNotPassedOn() throws IOException {
    ScriptedConnection connection =
        new ScriptedConnection()
            .chunk("hellp\u007fo wor\u0008\u0008orld\n") // DEL and BS erase a character
            .chunk("oops, wrong\u0015fine\n") // Ctrl-U erases the line
            .chunk("one two  \u0017three\n") // Ctrl-W erases the last word
            .chunk("caf\u00e9\u007fe\n") // a character of two UTF-8 bytes goes whole
            .chunk("\u007f\u0017\u0015x\n"); // on an empty line they do nothing
    LineShell shell = new LineShell(connection, 4096);
    assertEquals("hello world", shell.readLine(""));
    assertEquals("fine", shell.readLine(""));
    assertEquals("one three", shell.readLine(""));
    assertEquals("cafe", shell.readLine(""));
    assertEquals("x", shell.readLine(""));
  }

  @Test
  void theClientIsAskedToEditItsLines() throws IOException {
    ScriptedConnection connection = new ScriptedConnection();
    new LineShell(connection, 4096);
    assertTrue(connection.editsLines(), "a telnet client is let edit its lines");
  }

  @Test
  void anUnfinishedLastLineIsNotReturnedAtEnd() throws IOException {
    LineShell shell = new LineShell(new ScriptedConnection().chunk("one\npartial"), 4096);
    assertEquals("one", shell.readLine(""));
    assertNull(shell.readLine(""));
  }

  @Test
  void promptIsWrittenBeforeLoginAndNotAfterEnterChat() throws IOException {
    ScriptedConnection connection = new ScriptedConnection().chunk("alice\nhi\n");
    LineShell shell = new LineShell(connection, 4096);
    assertEquals("alice", shell.readLine("Nickname: "));
    assertEquals("Nickname: ", connection.written());

    shell.enterChat();
    shell.refreshPrompt(
        () -> {
          throw new AssertionError("a plain shell never renders a chat prompt");
        });
    assertEquals("hi", shell.readLine("alice #rust> "));
    assertEquals("Nickname: ", connection.written(), "no chat prompt for plain clients");
  }

  @Test
  void lineOverTheLimitIsRefusedAndTheNextLineIsReadCorrectly() throws IOException {
    ScriptedConnection connection =
        new ScriptedConnection().chunk("12345678").chunk("9abc\nok\n12345678\n");
    LineShell shell = new LineShell(connection, 8);
    LineTooLongException tooLong =
        assertThrows(LineTooLongException.class, () -> shell.readLine(""));
    assertTrue(tooLong.getMessage().contains("8"), tooLong.getMessage());
    assertEquals("ok", shell.readLine(""));
    assertEquals("12345678", shell.readLine(""), "exactly the limit is allowed");
    assertNull(shell.readLine(""));
  }

  @Test
  void limitCountsUtf8Bytes() throws IOException {
    // four characters, eight bytes: over a limit of 6 although shorter in characters
    ScriptedConnection connection = new ScriptedConnection().chunk("éééé\néé\n");
    LineShell shell = new LineShell(connection, 6);
    assertThrows(LineTooLongException.class, () -> shell.readLine(""));
    assertEquals("éé", shell.readLine(""));
  }

  @Test
  void invalidUtf8BecomesReplacementCharacter() throws IOException {
    ScriptedConnection connection = new ScriptedConnection().bytes('a', 0xFF, 'b', 0xC3, '\n');
    LineShell shell = new LineShell(connection, 4096);
    assertEquals("a\uFFFDb\uFFFD", shell.readLine(""));
  }

  @Test
  void utf8SplitAcrossChunksIsKept() throws IOException {
    ScriptedConnection connection =
        new ScriptedConnection().bytes('x', 0xE2).bytes(0x82, 0xAC, '\n');
    assertEquals("x€", new LineShell(connection, 4096).readLine(""));
  }

  @Test
  void printWritesTheTextAndANewline() throws IOException {
    ScriptedConnection connection = new ScriptedConnection();
    LineShell shell = new LineShell(connection, 4096);
    shell.print("<bob> héllo");
    shell.print("two\nlines");
    assertEquals("<bob> héllo\ntwo\nlines\n", connection.written());
  }

  @Test
  void formatNeverProducesEscapeSequences() throws IOException {
    LineShell shell = new LineShell(new ScriptedConnection(), 4096);
    AttributedString styled =
        new AttributedString("Error: bad", AttributedStyle.BOLD.foreground(AttributedStyle.RED));
    String text = shell.format(styled);
    assertEquals("Error: bad", text);
    assertFalse(text.contains("\u001b"));
  }

  @Test
  void closeClosesTheConnection() throws IOException {
    ScriptedConnection connection = new ScriptedConnection();
    new LineShell(connection, 4096).close();
    assertTrue(connection.closed());
  }

  @Test
  void aSecretPromptIsShownAfterLoginAndTheClientIsAskedNotToEcho() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("s3cret\n");
    LineShell shell = new LineShell(keys, 4096);
    shell.enterChat();
    assertEquals("s3cret", shell.readSecret("Password: "));
    assertTrue(keys.written().contains("Password: "), keys.written());
    assertEquals(java.util.List.of(false, true), keys.clientEcho, "echo off, then on again");
  }
}
