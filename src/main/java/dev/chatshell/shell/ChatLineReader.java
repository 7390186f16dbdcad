package dev.chatshell.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Candidate;
import org.jline.reader.Widget;
import org.jline.reader.impl.KillRing;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Curses;
import org.jline.utils.InfoCmp.Capability;

/**
 * JLine's line reader, adapted to strangers on a shared server:
 *
 * <ul>
 *   <li>only the keys of {@link EditingKeys}, shared by every session;
 *   <li>a small kill ring (JLine keeps 60 entries) and only the widgets those keys reach;
 *   <li>no redraw while more typed input is already waiting, so a paste of a few thousand
 *       characters costs a handful of redraws instead of one per character.
 * </ul>
 */
final class ChatLineReader extends LineReaderImpl {
  private static final int KILL_RING_SIZE = 4;

  private final ConnectionReader keyboard;
  // Guarded by the reader's lock: what the screen shows, for the fast path of printLines.
  private boolean shownAsIs;
  private byte[] promptBytes = new byte[0];
  private int promptColumns;
  private byte[] clearLine;
  // Set once the session's last lines are shown: from then on nothing is drawn, not even by
  // JLine's cleanup when the connection's end finishes readLine. Written under the lock.
  private volatile boolean finished;
  // A prompt brought up to date while no line was being read. readLine would put back the older
  // prompt it was handed, so this one is applied once reading has started (JLine's init callback).
  // Guarded by the reader's lock.
  private String pendingPrompt;

  ChatLineReader(Terminal terminal, ConnectionReader keyboard, Map<String, Object> variables) {
    super(terminal, "chatshell", variables);
    this.keyboard = keyboard;
    this.killRing = new KillRing(KILL_RING_SIZE);
    widgets.put(CALLBACK_INIT, this::applyPendingPrompt);
  }

  /** Runs under the lock as readLine starts, after it has set the prompt it was given. */
  private boolean applyPendingPrompt() {
    if (pendingPrompt != null && maskingCallback == null) {
      setPrompt(pendingPrompt);
    }
    pendingPrompt = null;
    return true;
  }

  @Override
  public Map<String, KeyMap<Binding>> defaultKeyMaps() {
    return EditingKeys.keyMaps();
  }

  /** Only the widgets our keys reach: the rest would cost every session a few kilobytes. */
  @Override
  protected Map<String, Widget> builtinWidgets() {
    Map<String, Widget> all = super.builtinWidgets();
    all.keySet().retainAll(EditingKeys.WIDGETS);
    return new HashMap<>(all);
  }

  @Override
  protected void redisplay(boolean flush) {
    if (finished) {
      return;
    }
    if (isReading() && keyboard.hasTypeahead()) {
      shownAsIs = false;
      return; // the next key redraws; the last one always finds nothing pending
    }
    super.redisplay(flush);
    shownAsIs = true;
  }

  @Override
  public void setPrompt(String text) {
    lock.lock();
    try {
      super.setPrompt(text);
      promptBytes = prompt.toAnsi(terminal).getBytes(StandardCharsets.UTF_8);
      promptColumns = prompt.columnLength(terminal);
      shownAsIs = false; // on screen only after the next redisplay
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean redrawLine() {
    return finished || super.redrawLine();
  }

  @Override
  protected void cleanup() {
    if (!finished) {
      super.cleanup();
    }
  }

  /**
   * Shows the session's last lines where the prompt and input were, and draws nothing after them:
   * the prompt is neither redrawn below them nor when readLine ends with the connection.
   */
  void printLast(String text) {
    lock.lock();
    try {
      if (reading && !finished) {
        display.update(Collections.emptyList(), 0); // erases the prompt and the input
      }
      finished = true;
      terminal.writer().print(text.endsWith("\n") ? text : text + "\n");
      terminal.flush();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets a prompt refreshed before now: the caller is about to read with a newer one. */
  void forgetPendingPrompt() {
    lock.lock();
    try {
      pendingPrompt = null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Brings the prompt up to date while a line is typed, unless that line is a password: its
   * "Password: " prompt stays. Decided under the reader's lock, where readLine sets the mask.
   */
  void refreshPrompt(String text) {
    lock.lock();
    try {
      if (!reading) {
        pendingPrompt = text; // readLine is about to set an older one: this wins once it starts
        setPrompt(text);
      } else if (maskingCallback == null) {
        pendingPrompt = null;
        setPrompt(text);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lists completion candidates. A list that fits under the prompt is JLine's own; a taller one
   * JLine draws through a display the height of the screen, which silently drops what does not fit
   * (31 commands on a 30-row window lost the last). So a tall list is asked about first, as
   * readline does, and then printed above the prompt like any output: all of it, the top going into
   * the terminal's scrollback.
   */
  @Override
  protected boolean doList(
      List<Candidate> possible,
      String completed,
      boolean runLoop,
      BiFunction<CharSequence, Boolean, CharSequence> escaper,
      boolean forSuggestion) {
    if (forSuggestion || possible.isEmpty()) {
      return super.doList(possible, completed, runLoop, escaper, forSuggestion);
    }
    List<String> lines = CompletionList.lines(possible, size.getColumns());
    int inputLines = 1 + (promptColumns + buf.length()) / Math.max(1, size.getColumns());
    if (lines.size() < size.getRows() - inputLines) {
      return super.doList(possible, completed, runLoop, escaper, forSuggestion);
    }
    long count = possible.stream().map(Candidate::displ).distinct().count();
    post = () -> new AttributedString("Display all " + count + " possibilities? (y or n)");
    redisplay(true);
    int answer = readCharacter();
    post = null;
    if (answer == 'y' || answer == 'Y' || answer == ' ' || answer == '\t') {
      printAbove(String.join("\n", lines));
    } else {
      redisplay(true);
    }
    return false; // listed (or declined): no menu after it, the line stays as it is
  }

  /**
   * Shows lines above the one being typed. JLine's {@link #printAbove} erases the line, prints,
   * then rebuilds and diffs the whole display: 10 to 20 µs a time, most of a busy server's CPU. In
   * the common case — a one-line prompt and input, cursor at the end, nothing shown below — the
   * screen after printing is exactly what JLine believes it is, so it is enough to write the lines
   * and the same prompt and input again: the display's model stays true and nothing is diffed.
   */
  void printLines(String text) throws IOException {
    lock.lock();
    try {
      if (finished) {
        printLast(text); // whatever comes after the last lines comes without a prompt too
        return;
      }
      String input = simpleInput();
      if (input != null) {
        // Straight to the connection's buffered output: the writer holds nothing back, so the
        // order of bytes is kept, and the prompt is already encoded.
        OutputStream out = terminal.output();
        out.write(clearLine());
        out.write(text.getBytes(StandardCharsets.UTF_8));
        if (!text.endsWith("\n")) {
          out.write('\n');
        }
        out.write(promptBytes);
        if (!input.isEmpty()) {
          out.write(input.getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
        return;
      }
    } finally {
      lock.unlock();
    }
    printAbove(text);
  }

  /**
   * The input line when the fast path of {@link #printLines} is safe: the screen shows exactly the
   * current prompt and input on one line, the cursor at its end, and nothing else. Null otherwise.
   * Called with the lock held.
   */
  private String simpleInput() {
    if (!reading
        || maskingCallback != null // a password: only JLine knows how to draw it masked
        || !shownAsIs
        || post != null
        || buf.cursor() != buf.length()
        || clearLine().length == 1) {
      return null;
    }
    int columns = size.getColumns();
    if (promptColumns + buf.length() >= columns - 1) {
      return null;
    }
    if (buf.length() == 0) {
      return ""; // the usual case, for every line that arrives: no copy of the buffer
    }
    String input = buf.toString();
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c < ' ' || c > '~') {
        return null; // wide or control characters: JLine knows how they are drawn
      }
    }
    return input;
  }

  /** Carriage return, then clear to the end of the line; just the return if the terminal can't. */
  private byte[] clearLine() {
    byte[] clear = clearLine;
    if (clear == null) {
      StringWriter out = new StringWriter().append('\r');
      String capability = terminal.getStringCapability(Capability.clr_eol);
      if (capability != null) {
        Curses.tputs(out, capability);
      }
      clear = clearLine = out.toString().getBytes(StandardCharsets.UTF_8);
    }
    return clear;
  }
}
