package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.transport.TerminalInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Lines from others arriving while the user types: the cheap path (lines, then the same prompt and
 * input again) where the screen is simple, JLine's full redraw where it is not, and never the
 * characters of a password.
 */
class JLineShellPrintTest {
  private static final String CLEAR_TO_END = "\u001b[K";

  private static JLineShell shell(ScriptedConnection keys, int columns) throws Exception {
    return new JLineShell(
        keys, new TerminalInfo(true, "xterm", columns, 24), (reader, line, candidates) -> {}, 4096);
  }

  /** Starts reading a line on another thread and waits until the typed keys are on screen. */
  private static CompletableFuture<String> typing(
      ScriptedConnection keys, Supplier<String> read, String shown) throws Exception {
    CompletableFuture<String> line = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                line.complete(read.get());
              } catch (RuntimeException e) {
                line.completeExceptionally(e);
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    // Shown, and the reader back waiting for keys: nothing it was sent is still being handled.
    while (!(keys.written().endsWith(shown) && keys.readerWaiting())) {
      assertTrue(System.nanoTime() < deadline, "never shown: " + shown + " in " + keys.written());
      Thread.sleep(5);
    }
    return line;
  }

  private static String readLine(JLineShell shell, String prompt) {
    try {
      return shell.readLine(prompt);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String readSecret(JLineShell shell) {
    try {
      return shell.readSecret("Password: ");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aSimpleLineGetsTheLinesThenTheSamePromptAndInputAgain() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("hel").holding();
    JLineShell shell = shell(keys, 80);
    CompletableFuture<String> line = typing(keys, () -> readLine(shell, "> "), "hel");
    int mark = keys.written().length();

    shell.print("<bob> hi\n<eve> yo");

    assertEquals("\r" + CLEAR_TO_END + "<bob> hi\n<eve> yo\n> hel", keys.written().substring(mark));
    keys.more("p\r");
    assertEquals("help", line.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aLongLineIsWrappedAtTheWindowWidthUnderTheText() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("hel").holding();
    JLineShell shell = shell(keys, 30);
    CompletableFuture<String> line = typing(keys, () -> readLine(shell, "> "), "hel");
    int mark = keys.written().length();

    shell.print("<bob> the quick brown fox jumps over the lazy dog");

    assertEquals(
        "\r" + CLEAR_TO_END + "<bob> the quick brown fox\n      jumps over the lazy dog\n> hel",
        keys.written().substring(mark));
    keys.more("p\r");
    assertEquals("help", line.get(10, TimeUnit.SECONDS));
  }

  @Test
  void withTheCursorInsideTheLineJLineRedrawsIt() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("hel\u0002").holding();
    JLineShell shell = shell(keys, 80);
    CompletableFuture<String> line = typing(keys, () -> readLine(shell, "> "), "\b");
    int mark = keys.written().length();

    shell.print("<bob> hi");

    String drawn = keys.written().substring(mark);
    assertTrue(drawn.contains("<bob> hi"), drawn);
    assertTrue(drawn.contains("hel"), "the input is drawn again: " + drawn);
    assertNotEquals("\r" + CLEAR_TO_END + "<bob> hi\n> hel", drawn, "not the cheap path");
    keys.more("p\r");
    assertEquals("hepl", line.get(10, TimeUnit.SECONDS), "the cursor stayed where it was");
  }

  @Test
  void aLineWiderThanTheWindowIsLeftToJLine() throws Exception {
    String input = "x".repeat(30);
    ScriptedConnection keys = new ScriptedConnection().chunk(input).holding();
    JLineShell shell = shell(keys, 25);
    CompletableFuture<String> line = typing(keys, () -> readLine(shell, "> "), "x");
    int mark = keys.written().length();

    shell.print("<bob> hi");

    String drawn = keys.written().substring(mark);
    assertTrue(drawn.contains("<bob> hi"), drawn);
    assertTrue(
        drawn.startsWith("\u001b[A"), "JLine first goes up to the wrapped line's start: " + drawn);
    keys.more("\r");
    assertEquals(input, line.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aNewPromptIsDrawnBeforeTheCheapPathIsUsedAgain() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("hel").holding();
    JLineShell shell = shell(keys, 80);
    CompletableFuture<String> line = typing(keys, () -> readLine(shell, "> "), "hel");

    shell.refreshPrompt(() -> "~alice #rust> ");
    int mark = keys.written().length();
    shell.print("<bob> hi");
    String drawn = keys.written().substring(mark);
    assertTrue(drawn.contains("~alice #rust> "), "the new prompt is shown: " + drawn);

    mark = keys.written().length();
    shell.print("<eve> yo");
    assertEquals(
        "\r" + CLEAR_TO_END + "<eve> yo\n~alice #rust> hel", keys.written().substring(mark));
    keys.more("\r");
    assertEquals("hel", line.get(10, TimeUnit.SECONDS));
  }

  @Test
  void withNothingTypedTheLinesComeBeforeThePromptAlone() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().holding();
    JLineShell shell = shell(keys, 80);
    CompletableFuture<String> line = typing(keys, () -> readLine(shell, "> "), "> ");
    int mark = keys.written().length();

    shell.print("<bob> hi");

    assertEquals("\r" + CLEAR_TO_END + "<bob> hi\n> ", keys.written().substring(mark));
    keys.more("yo\r");
    assertEquals("yo", line.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aPasswordBeingTypedIsNeverDrawn() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("sesame").holding();
    JLineShell shell = shell(keys, 80);
    CompletableFuture<String> secret = typing(keys, () -> readSecret(shell), "Password: ");
    int mark = keys.written().length();

    shell.print("<bob> hi");

    String drawn = keys.written().substring(mark);
    assertTrue(drawn.contains("<bob> hi"), drawn);
    assertFalse(keys.written().contains("sesame"), keys.written());
    keys.more("\r");
    assertEquals("sesame", secret.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aPasswordPromptIsNotReplacedByTheChatPrompt() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("abc").holding();
    JLineShell shell = shell(keys, 80);
    CompletableFuture<String> secret = typing(keys, () -> readSecret(shell), "Password: ");
    int mark = keys.written().length();

    shell.refreshPrompt(() -> "~alice #rust> ");
    shell.print("<bob> hi");

    String drawn = keys.written().substring(mark);
    assertTrue(drawn.contains("Password: "), drawn);
    assertFalse(drawn.contains("~alice"), drawn);
    assertFalse(keys.written().contains("abc"), keys.written());
    keys.more("\r");
    assertEquals("abc", secret.get(10, TimeUnit.SECONDS));
  }

  @Test
  void theLastLinesEndTheScreenWithNoPromptAfterThem() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("half a li").holding();
    JLineShell shell = shell(keys, 80);
    CompletableFuture<String> line = typing(keys, () -> readLine(shell, "~alice #c> "), "li");
    int mark = keys.written().length();

    shell.printLast("You were disconnected by server operator oscar.");
    shell.print("<bob> one more"); // a line already on its way comes after, without a prompt
    keys.close(); // the connection ends under the reader, which cleans up as it leaves readLine
    line.get(10, TimeUnit.SECONDS);

    String drawn = keys.written().substring(mark);
    assertTrue(drawn.contains("You were disconnected by server operator oscar."), drawn);
    String after = drawn.substring(drawn.indexOf("oscar.") + "oscar.".length());
    assertFalse(after.contains("~alice"), "no prompt after the last line: " + after);
    assertFalse(after.contains("half a li"), "nor the abandoned input: " + after);
    assertTrue(after.contains("<bob> one more"), after);
  }

  @Test
  void aPromptRefreshedJustBeforeReadingIsTheOneShown() throws Exception {
    // The session made its prompt, then a drain brought it up to date before readLine started:
    // readLine must not put the older one back (a second terminal kept "alice> " for good).
    ScriptedConnection keys = new ScriptedConnection().chunk("x").holding();
    JLineShell shell = shell(keys, 80);
    shell.refreshPrompt(() -> "~alice #c> ");
    CompletableFuture<String> line = typing(keys, () -> readLine(shell, "alice> "), "x");

    String shown = keys.written();
    assertTrue(shown.contains("~alice #c> x"), shown);
    assertFalse(shown.contains("alice> x") && !shown.contains("~alice #c> x"), shown);
    keys.more("\r");
    assertEquals("x", line.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aPromptRefreshedBeforeTheSessionMadeANewerOneIsForgotten() throws Exception {
    ScriptedConnection keys = new ScriptedConnection().chunk("x").holding();
    JLineShell shell = shell(keys, 80);
    shell.refreshPrompt(() -> "old> ");
    shell.forgetRefreshedPrompt(); // the session is about to read with a prompt made after it
    CompletableFuture<String> line = typing(keys, () -> readLine(shell, "new> "), "x");

    String shown = keys.written();
    assertTrue(shown.contains("new> x"), shown);
    assertFalse(shown.contains("old> "), shown);
    keys.more("\r");
    assertEquals("x", line.get(10, TimeUnit.SECONDS));
  }
}
