package dev.chatshell.shell;

import dev.chatshell.transport.Connection;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jline.reader.Buffer;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.reader.Widget;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal.Signal;
import org.jline.utils.AttributedCharSequence.ForceMode;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Character mode: a JLine line editor per session, with history, TAB completion, live window size
 * and colour where the terminal type has it. Lines from other users are drawn above the line being
 * typed with {@link LineReader#printAbove}, which redraws the half-typed line intact.
 *
 * <p>A remote user must not reach the server nor grow its memory without bound: only the keys of
 * {@link EditingKeys} work; history expansion, bracketed paste (an unbounded paste buffer), undo (a
 * copy of the line per key) and history files are off; every widget that can add text is capped;
 * history keeps a bounded number of short lines; prompts are passed literally.
 */
final class JLineShell implements Shell {
  private static final Logger log = LoggerFactory.getLogger(JLineShell.class);
  private static final int HISTORY_SIZE = 100;
  private static final int HISTORY_MAX_LINE = 1024;

  private final SessionTerminal terminal;
  private final ChatLineReader reader;
  private final int maxLineChars;
  private final int maxLineBytes;
  private final int colours;
  private volatile boolean eraseSentMessages;
  private boolean truncated;
  private boolean interrupted;

  JLineShell(Connection connection, TerminalInfo info, Completer completer, int maxLineBytes)
      throws IOException {
    this.maxLineBytes = maxLineBytes;
    this.maxLineChars = maxLineBytes; // a char is at least one UTF-8 byte
    String type = TerminalTypes.map(info.type());
    Size size =
        new Size(info.columns() > 0 ? info.columns() : 80, info.rows() > 0 ? info.rows() : 24);
    ConnectionReader keyboard = new ConnectionReader(connection);
    terminal = new SessionTerminal("chatshell", type, keyboard, connection.output(), size);
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
        new ChatLineReader(
            terminal, keyboard, new HashMap<>(Map.of(LineReader.HISTORY_SIZE, HISTORY_SIZE)));
    reader.setParser(parser);
    reader.setCompleter(completer);
    reader.setHistory(new ShortLineHistory());
    reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    reader.option(LineReader.Option.DISABLE_UNDO, true);
    reader.option(LineReader.Option.BRACKETED_PASTE, false);
    reader.option(LineReader.Option.CASE_INSENSITIVE, true);
    reader.option(LineReader.Option.INSERT_TAB, false);
    Integer maxColours = terminal.getNumericCapability(Capability.max_colors);
    colours = maxColours == null ? 0 : maxColours;
    guardWidgets();
  }

  /**
   * History without the long lines (a pasted wall of text is not worth keeping per session) and
   * without /OPER lines, in case someone typed the password after the name, IRC style.
   */
  private static final class ShortLineHistory extends DefaultHistory {
    @Override
    public void add(Instant time, String line) {
      if (line.length() <= HISTORY_MAX_LINE && !line.regionMatches(true, 0, "/oper ", 0, 6)) {
        super.add(time, line);
      }
    }
  }

  /**
   * Caps the line while it is typed — typing, yanking, completing or recalling history cannot grow
   * it past the limit — and erases a sent chat message from the screen, since it comes back
   * formatted from the channel.
   */
  private void guardWidgets() {
    Map<String, Widget> widgets = reader.getWidgets();
    Widget selfInsert = widgets.get(LineReader.SELF_INSERT);
    widgets.put(
        LineReader.SELF_INSERT,
        () -> {
          if (reader.getBuffer().length() >= maxLineChars) {
            boolean first = !truncated;
            truncated = true;
            return !first; // beep once, then drop quietly
          }
          return selfInsert.apply();
        });
    for (String name :
        new String[] {
          LineReader.YANK,
          LineReader.COMPLETE_WORD,
          LineReader.MENU_COMPLETE,
          LineReader.REVERSE_MENU_COMPLETE,
          LineReader.UP_LINE_OR_HISTORY,
          LineReader.DOWN_LINE_OR_HISTORY
        }) {
      Widget widget = widgets.get(name);
      widgets.put(
          name,
          () -> {
            boolean result = widget.apply();
            capBuffer();
            return result;
          });
    }
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

  private void capBuffer() {
    Buffer buffer = reader.getBuffer();
    if (buffer.length() > maxLineChars) {
      buffer.cursor(maxLineChars);
      buffer.delete(buffer.length() - maxLineChars);
      truncated = true;
    }
  }

  @Override
  public String readLine(String prompt) throws IOException {
    return read(prompt, null);
  }

  @Override
  public int columns() {
    return terminal.getWidth();
  }

  @Override
  public boolean rings() {
    return terminal.getStringCapability(Capability.bell) != null;
  }

  @Override
  public void beep() {
    // BEL moves no cursor, so it cannot disturb the line being drawn.
    if (terminal.puts(Capability.bell)) {
      terminal.flush();
    }
  }

  @Override
  public String readSecret(String prompt) throws IOException {
    String secret = read(prompt, LineReaderImpl.NULL_MASK); // shows nothing, skips history
    return secret == null || secret.isEmpty() && interrupted ? null : secret;
  }

  private String read(String prompt, Character mask) throws IOException {
    truncated = false;
    interrupted = false;
    String line;
    try {
      line = reader.readLine(literal(prompt), mask);
    } catch (UserInterruptException e) {
      interrupted = true; // Ctrl-C: the line is abandoned (a secret prompt is cancelled)
      return "";
    } catch (EndOfFileException e) {
      return null;
    } catch (IOError e) {
      return null; // the connection broke under the reader
    } catch (RuntimeException e) {
      // A widget failed on odd input: the line is lost, the session is not.
      log.debug("line editor failed; line dropped", e);
      return "";
    }
    if (truncated || line.getBytes(StandardCharsets.UTF_8).length > maxLineBytes) {
      throw new LineTooLongException(maxLineBytes);
    }
    return line;
  }

  @Override
  public void print(String text) throws IOException {
    // Wrapped here, per session, at the live width: the text is shared by viewers of every width.
    reader.printLines(LineWrap.wrap(text, terminal.getWidth()));
  }

  @Override
  public boolean abandoned() {
    return interrupted;
  }

  @Override
  public void printLast(String text) {
    reader.printLast(LineWrap.wrap(text, terminal.getWidth()));
  }

  @Override
  public void forgetRefreshedPrompt() {
    reader.forgetPendingPrompt();
  }

  @Override
  public void refreshPrompt(Supplier<String> prompt) {
    reader.refreshPrompt(literal(prompt.get())); // kept as it is while a password is typed
  }

  /** JLine expands {@code %} sequences in prompts (padding, hiding): ours are literal text. */
  private static String literal(String prompt) {
    return prompt.replace("%", "%%");
  }

  @Override
  public void enterChat() {
    eraseSentMessages = true;
  }

  @Override
  public int colours() {
    return colours < 8 ? 0 : colours;
  }

  @Override
  public String format(AttributedString text) {
    return colours < 8 ? text.toString() : text.toAnsi(colours, ForceMode.None);
  }

  @Override
  public void close() {
    try {
      terminal.close();
    } catch (IOException | IOError e) {
      // the connection is going away; nothing left to tell
    }
  }
}
