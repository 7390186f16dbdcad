package dev.chatshell.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Widget;
import org.jline.reader.impl.KillRing;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
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

  ChatLineReader(Terminal terminal, ConnectionReader keyboard, Map<String, Object> variables) {
    super(terminal, "chatshell", variables);
    this.keyboard = keyboard;
    this.killRing = new KillRing(KILL_RING_SIZE);
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

  /**
   * Brings the prompt up to date while a line is typed, unless that line is a password: its
   * "Password: " prompt stays. Decided under the reader's lock, where readLine sets the mask.
   */
  void refreshPrompt(String text) {
    lock.lock();
    try {
      if (!(reading && maskingCallback != null)) {
        setPrompt(text);
      }
    } finally {
      lock.unlock();
    }
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
