package dev.chatshell.shell;

import java.util.Map;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/**
 * JLine's line reader with one change: it does not redraw the line while more typed input is
 * already waiting. A paste of a few thousand characters then costs a handful of redraws instead of
 * one per character, which keeps a fast typist (or a hostile client) from burning server CPU.
 */
final class ChatLineReader extends LineReaderImpl {
  ChatLineReader(Terminal terminal, Map<String, Object> variables) {
    super(terminal, "chatshell", variables);
  }

  @Override
  protected void redisplay(boolean flush) {
    if (isReading() && terminal.reader().available() > 0) {
      return; // the next key redraws; the last one always finds nothing pending
    }
    super.redisplay(flush);
  }
}
