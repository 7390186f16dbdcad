package dev.chatshell.shell;

import dev.chatshell.transport.Connection;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.Widget;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal.Signal;
import org.jline.utils.AttributedCharSequence.ForceMode;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;

/**
 * Character mode: a JLine line editor per session, with history, TAB completion, live window size
 * and colour where the terminal type has it. Lines from other users are drawn above the line being
 * typed with {@link LineReader#printAbove}, which redraws the half-typed line intact.
 *
 * <p>Features that would let a remote user reach the server or grow memory without bound are off:
 * history expansion, bracketed paste (an unbounded paste buffer), history files; the line is capped
 * while it is typed.
 */
final class JLineShell implements Shell {
  private static final int HISTORY_SIZE = 200;

  private final SessionTerminal terminal;
  private final ChatLineReader reader;
  private final int maxLineBytes;
  private final int colours;
  private volatile boolean eraseSentMessages;
  private boolean truncated;

  JLineShell(Connection connection, TerminalInfo info, Completer completer, int maxLineBytes)
      throws IOException {
    this.maxLineBytes = maxLineBytes;
    String type = TerminalTypes.map(info.type());
    Size size =
        new Size(info.columns() > 0 ? info.columns() : 80, info.rows() > 0 ? info.rows() : 24);
    terminal =
        new SessionTerminal(
            "chatshell", type, new ConnectionReader(connection), connection.output(), size);
    connection.onResize(
        (columns, rows) -> {
          terminal.setSize(new Size(columns, rows));
          terminal.raise(Signal.WINCH);
        });
    DefaultParser parser = new DefaultParser();
    parser.setEscapeChars(null); // chat text is literal: no quoting, no escapes, no continuation
    parser.setQuoteChars(new char[0]);
    parser.setEofOnUnclosedQuote(false);
    parser.setEofOnEscapedNewLine(false);
    reader =
        new ChatLineReader(terminal, new HashMap<>(Map.of(LineReader.HISTORY_SIZE, HISTORY_SIZE)));
    reader.setParser(parser);
    reader.setCompleter(completer);
    reader.setHistory(new DefaultHistory());
    reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    reader.option(LineReader.Option.BRACKETED_PASTE, false);
    reader.option(LineReader.Option.CASE_INSENSITIVE, true);
    reader.option(LineReader.Option.INSERT_TAB, false);
    Integer maxColours = terminal.getNumericCapability(Capability.max_colors);
    colours = "dumb".equals(type) || maxColours == null ? 0 : maxColours;
    guardWidgets();
    bindCursorKeys();
  }

  /**
   * JLine binds the arrow keys the terminal type announces for application mode ({@code ESC O A});
   * terminals (and telnet clients) that ignore the switch send {@code ESC [ A}. Both work.
   */
  private void bindCursorKeys() {
    KeyMap<Binding> keys = reader.getKeyMaps().get(LineReader.EMACS);
    String[][] bindings = {
      {LineReader.UP_LINE_OR_SEARCH, "A"},
      {LineReader.DOWN_LINE_OR_SEARCH, "B"},
      {LineReader.FORWARD_CHAR, "C"},
      {LineReader.BACKWARD_CHAR, "D"},
      {LineReader.END_OF_LINE, "F"},
      {LineReader.BEGINNING_OF_LINE, "H"}
    };
    for (String[] binding : bindings) {
      keys.bind(new Reference(binding[0]), "\033[" + binding[1], "\033O" + binding[1]);
    }
    keys.bind(new Reference(LineReader.BEGINNING_OF_LINE), "\033[1~", "\033[7~");
    keys.bind(new Reference(LineReader.END_OF_LINE), "\033[4~", "\033[8~");
    keys.bind(new Reference(LineReader.DELETE_CHAR), "\033[3~");
  }

  /**
   * Caps the line while it is typed (a paste cannot grow it without bound) and erases a sent chat
   * message from the screen, since it comes back formatted from the channel.
   */
  private void guardWidgets() {
    Map<String, Widget> widgets = reader.getWidgets();
    Widget selfInsert = widgets.get(LineReader.SELF_INSERT);
    widgets.put(
        LineReader.SELF_INSERT,
        () -> {
          if (reader.getBuffer().length() >= maxLineBytes) {
            boolean first = !truncated;
            truncated = true;
            return !first; // beep once, then drop quietly
          }
          return selfInsert.apply();
        });
    Widget accept = widgets.get(LineReader.ACCEPT_LINE);
    widgets.put(
        LineReader.ACCEPT_LINE,
        () -> {
          String text = reader.getBuffer().toString();
          boolean message = !text.isBlank() && (!text.startsWith("/") || text.startsWith("//"));
          reader.option(LineReader.Option.ERASE_LINE_ON_FINISH, eraseSentMessages && message);
          return accept.apply();
        });
  }

  @Override
  public String readLine(String prompt) throws IOException {
    truncated = false;
    String line;
    try {
      line = reader.readLine(prompt);
    } catch (UserInterruptException e) {
      return "";
    } catch (EndOfFileException e) {
      return null;
    } catch (IOError e) {
      return null; // the connection broke under the reader
    }
    if (truncated || line.getBytes(StandardCharsets.UTF_8).length > maxLineBytes) {
      throw new LineTooLongException(maxLineBytes);
    }
    return line;
  }

  @Override
  public void print(String text) {
    reader.printAbove(text);
  }

  @Override
  public void setPrompt(String prompt) {
    reader.setPrompt(prompt);
  }

  @Override
  public void enterChat() {
    eraseSentMessages = true;
  }

  @Override
  public String format(AttributedString text) {
    return colours < 8 ? text.toString() : text.toAnsi(colours, ForceMode.None);
  }

  @Override
  public void close() {
    try {
      terminal.close();
    } catch (IOException e) {
      // the connection is going away; nothing left to tell
    }
  }
}
