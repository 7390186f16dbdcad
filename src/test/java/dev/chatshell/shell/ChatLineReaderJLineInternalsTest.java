package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jline.reader.Buffer;
import org.jline.reader.LineReader;
import org.jline.reader.MaskingCallback;
import org.jline.reader.Widget;
import org.jline.reader.impl.KillRing;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.junit.jupiter.api.Test;

/**
 * What {@link ChatLineReader} takes from JLine's {@link LineReaderImpl} beyond its public API: the
 * protected fields its fast path reads and writes, and how JLine keeps them. A JLine upgrade that
 * renames or retypes one, or stops keeping it as described here, fails a test here instead of
 * drawing a wrong screen for users. The screens themselves are pinned by {@link
 * JLineShellPrintTest}.
 */
class ChatLineReaderJLineInternalsTest {
  private static final String CLEAR_TO_END = "\u001b[K";

  private final ScriptedConnection keys = new ScriptedConnection().holding();
  private final ConnectionReader keyboard = new ConnectionReader(keys);
  private final SessionTerminal terminal;
  private final ChatLineReader reader;

  ChatLineReaderJLineInternalsTest() throws Exception {
    terminal = new SessionTerminal("test", "xterm", keyboard, keys.output(), new Size(80, 24));
    reader = new ChatLineReader(terminal, keyboard, new HashMap<>());
  }

  // ---- the fields, as declared ----

  @Test
  void theFieldsItUsesKeepTheirNamesTypesAndProtectedAccess() throws Exception {
    Map<String, Class<?>> used = new LinkedHashMap<>();
    used.put("terminal", Terminal.class);
    used.put("buf", Buffer.class);
    used.put("size", Size.class);
    used.put("prompt", AttributedString.class);
    used.put("maskingCallback", MaskingCallback.class);
    used.put("killRing", KillRing.class);
    used.put("lock", ReentrantLock.class);
    used.put("reading", boolean.class);
    used.put("post", Supplier.class);
    used.put("widgets", Map.class);
    used.put("display", Display.class);
    for (Map.Entry<String, Class<?>> entry : used.entrySet()) {
      Field field = LineReaderImpl.class.getDeclaredField(entry.getKey());
      assertEquals(entry.getValue(), field.getType(), entry.getKey());
      assertTrue(Modifier.isProtected(field.getModifiers()), entry.getKey() + " is protected");
      assertFalse(Modifier.isStatic(field.getModifiers()), entry.getKey());
    }
    assertFalse(
        Modifier.isFinal(LineReaderImpl.class.getDeclaredField("killRing").getModifiers()),
        "the constructor replaces the kill ring");
    assertTrue(
        Modifier.isVolatile(LineReaderImpl.class.getDeclaredField("size").getModifiers()),
        "the size is written by the resize signal's thread and read under the lock");
  }

  @Test
  void theMethodsItOverridesAreStillTheOnesJLineDeclares() throws Exception {
    // Overridden with @Override (the compiler checks the signatures); these are the ones JLine
    // must still call for the overrides to matter, checked by behaviour below and in
    // JLineShellTest / JLineShellPrintTest.
    Class<?> impl = LineReaderImpl.class;
    assertNotNull(impl.getDeclaredMethod("redisplay", boolean.class));
    assertNotNull(impl.getDeclaredMethod("cleanup"));
    assertNotNull(impl.getDeclaredMethod("builtinWidgets"));
    assertNotNull(
        impl.getDeclaredMethod(
            "doList",
            java.util.List.class,
            String.class,
            boolean.class,
            java.util.function.BiFunction.class,
            boolean.class));
    assertEquals("callback-init", LineReader.CALLBACK_INIT);
  }

  // ---- how JLine keeps them ----

  @Test
  void theKillRingPutInByTheConstructorIsTheOneJLinesWidgetsKillInto() throws Exception {
    KillRing ours = field("killRing", KillRing.class);
    Field slots = KillRing.class.getDeclaredField("slots");
    slots.setAccessible(true);
    assertEquals(4, ((String[]) slots.get(ours)).length, "a small ring, not JLine's 60");
    CompletableFuture<String> line = reading("> ", null);
    keys.more("gone");
    awaitWaitingFor(() -> buffer().toString().equals("gone"));
    keys.more("\u0015"); // Ctrl-U: kill the whole line
    awaitWaitingFor(() -> buffer().length() == 0);

    assertEquals("gone", ours.yank(), "killed into the ring the constructor installed");
    keys.more("\r");
    assertEquals("", line.get(10, TimeUnit.SECONDS));
  }

  @Test
  void onlyTheWidgetsOurKeysReachAreBuiltAndTheInitCallbackIsInstalled() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Widget> widgets = field("widgets", Map.class);
    assertTrue(widgets.containsKey(LineReader.CALLBACK_INIT));
    assertTrue(widgets.containsKey(LineReader.SELF_INSERT));
    assertFalse(widgets.containsKey(LineReader.EDIT_AND_EXECUTE_COMMAND), "not reachable");
  }

  @Test
  void whileALineIsTypedTheBufferCursorAndStateAreWhatIsOnScreen() throws Exception {
    CompletableFuture<String> line = reading("> ", null);
    keys.more("hel\u0002"); // Ctrl-B: back one character
    awaitWaitingFor(() -> buffer().cursor() == 2);

    assertTrue(field("reading", Boolean.class), "reading");
    assertEquals("hel", buffer().toString());
    assertEquals(3, buffer().length());
    assertNull(field("maskingCallback", MaskingCallback.class), "no mask for a chat line");
    assertNull(field("post", Supplier.class), "nothing shown under the line");
    assertEquals("> ", field("prompt", AttributedString.class).toString());
    assertEquals(80, field("size", Size.class).getColumns());
    assertFalse(
        field("lock", ReentrantLock.class).isLocked(),
        "JLine lets go of its lock while it waits for a key, so output can be printed");

    keys.more("p\r");
    assertEquals("hepl", line.get(10, TimeUnit.SECONDS));
    assertFalse(field("reading", Boolean.class), "not reading once the line is returned");
  }

  @Test
  void aSecretIsReadWithAMaskingCallbackSet() throws Exception {
    CompletableFuture<String> secret = reading("Password: ", LineReaderImpl.NULL_MASK);
    keys.more("sesame");
    awaitWaitingFor(() -> buffer().length() == 6);

    assertNotNull(field("maskingCallback", MaskingCallback.class), "the fast path must step aside");
    keys.more("\r");
    assertEquals("sesame", secret.get(10, TimeUnit.SECONDS));
    assertFalse(keys.written().contains("sesame"), keys.written());
  }

  @Test
  void printingAboveThroughJLineKeepsTheBufferAndCursor() throws Exception {
    CompletableFuture<String> line = reading("> ", null);
    keys.more("hel\u0002");
    awaitWaitingFor(() -> buffer().cursor() == 2);

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> reader.printLines("<bob> hi"));

    assertTrue(keys.written().contains("<bob> hi"), keys.written());
    assertEquals("hel", buffer().toString());
    assertEquals(2, buffer().cursor(), "the cursor stayed inside the line");
    keys.more("p\r");
    assertEquals("hepl", line.get(10, TimeUnit.SECONDS));
  }

  @Test
  void afterTheFastPathJLinesDisplayModelStillMatchesTheScreen() throws Exception {
    CompletableFuture<String> line = reading("> ", null);
    keys.more("hel");
    awaitWaitingFor(() -> buffer().length() == 3 && keys.written().endsWith("hel"));
    int mark = keys.written().length();

    reader.printLines("<bob> hi");
    assertEquals(
        "\r" + CLEAR_TO_END + "<bob> hi\n> hel", keys.written().substring(mark), "fast path");

    // JLine draws the next key as a difference from what it believes is shown: just the letter.
    mark = keys.written().length();
    keys.more("p");
    awaitWaitingFor(() -> buffer().length() == 4 && keys.written().endsWith("p"));
    assertEquals("p", keys.written().substring(mark));
    keys.more("\r");
    assertEquals("help", line.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aResizeReachesTheSizeTheFastPathMeasuresWith() throws Exception {
    CompletableFuture<String> line = reading("> ", null);
    keys.more("x");
    awaitWaitingFor(() -> buffer().length() == 1);

    terminal.setSize(new Size(20, 24));
    terminal.raise(Signal.WINCH); // as JLineShell does when the client reports a new size
    awaitWaitingFor(() -> field("size", Size.class).getColumns() == 20);

    keys.more("\r");
    assertEquals("x", line.get(10, TimeUnit.SECONDS));
  }

  @Test
  void readLineCallsTheInitCallbackAfterSettingItsOwnPrompt() throws Exception {
    reader.refreshPrompt("~alice #c> "); // brought up to date before reading began
    CompletableFuture<String> line = reading("alice> ", null);
    keys.more("x");
    awaitWaitingFor(() -> buffer().length() == 1);

    assertEquals("~alice #c> ", field("prompt", AttributedString.class).toString());
    keys.more("\r");
    assertEquals("x", line.get(10, TimeUnit.SECONDS));
  }

  // ---- helpers ----

  private CompletableFuture<String> reading(String prompt, Character mask) {
    CompletableFuture<String> line = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                line.complete(reader.readLine(prompt, mask));
              } catch (RuntimeException e) {
                line.completeExceptionally(e);
              }
            });
    return line;
  }

  /** Waits until {@code condition} holds and the reader is back waiting for keys (10 s at most). */
  private void awaitWaitingFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(readingNow() && condition.getAsBoolean() && keys.readerWaiting() && !lockHeld())) {
      assertTrue(System.nanoTime() < deadline, "never came: " + keys.written());
      Thread.sleep(2);
    }
  }

  private boolean readingNow() {
    return field("reading", Boolean.class);
  }

  private boolean lockHeld() {
    return field("lock", ReentrantLock.class).isLocked();
  }

  private Buffer buffer() {
    return field("buf", Buffer.class);
  }

  /** Reads one of JLine's protected fields of the reader, by its name. */
  private <T> T field(String name, Class<T> type) {
    try {
      Field field = LineReaderImpl.class.getDeclaredField(name);
      field.setAccessible(true);
      return type.cast(field.get(reader));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("JLine's LineReaderImpl has no field " + name, e);
    }
  }
}
