package dev.chatshell.shell;

import java.util.HashMap;
import java.util.Map;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.Widget;
import org.jline.reader.impl.KillRing;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

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
      return; // the next key redraws; the last one always finds nothing pending
    }
    super.redisplay(flush);
  }
}
