package dev.chatshell.shell;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;

/**
 * The keys a remote user may press: an allow-list of plain line-editing widgets, built once and
 * shared by every session. JLine's own emacs map binds much more — repeat counts, vi mode, and
 * Ctrl-X Ctrl-E, which writes the line to a file on the server and runs an editor there — none of
 * which a stranger should reach. Arrow and function keys are bound in both the normal and the
 * application forms terminals send, and unknown function keys beep instead of typing garbage.
 */
final class EditingKeys {
  private static final KeyMap<Binding> MAIN = main();
  private static final KeyMap<Binding> MENU = menu();

  /**
   * Every widget a session can reach: what the keys name, and the one the reader calls itself
   * (redisplay). The reader keeps only these, not JLine's 150-odd, which is kilobytes per session.
   */
  static final Set<String> WIDGETS = widgetNames();

  private EditingKeys() {}

  /** The key maps for one reader: new map objects (JLine may add to them), shared bindings. */
  static Map<String, KeyMap<Binding>> keyMaps() {
    Map<String, KeyMap<Binding>> maps = new HashMap<>();
    maps.put(LineReader.EMACS, MAIN);
    maps.put(LineReader.MAIN, MAIN);
    maps.put(LineReader.MENU, MENU);
    return maps;
  }

  private static KeyMap<Binding> main() {
    KeyMap<Binding> keys = new KeyMap<>();
    keys.setAmbiguousTimeout(500);
    keys.setNomatch(ref(LineReader.BEEP));
    keys.setUnicode(ref(LineReader.SELF_INSERT));
    beepOnFunctionKeys(keys); // first: the bindings below override some of these
    beepOnMetaKeys(keys);
    keys.bind(ref(LineReader.SELF_INSERT), KeyMap.range(" -~"));
    keys.bind(ref(LineReader.ACCEPT_LINE), "\r", "\n");
    keys.bind(ref(LineReader.COMPLETE_WORD), "\t");
    keys.bind(ref(LineReader.INTERRUPT), KeyMap.ctrl('C'));
    keys.bind(ref(LineReader.BACKWARD_DELETE_CHAR), KeyMap.del(), KeyMap.ctrl('H'));
    keys.bind(ref(LineReader.DELETE_CHAR), KeyMap.ctrl('D'), "\033[3~");
    keys.bind(ref(LineReader.KILL_LINE), KeyMap.ctrl('K'));
    keys.bind(ref(LineReader.KILL_WHOLE_LINE), KeyMap.ctrl('U'));
    keys.bind(ref(LineReader.BACKWARD_KILL_WORD), KeyMap.ctrl('W'), KeyMap.alt(KeyMap.del()));
    keys.bind(ref(LineReader.KILL_WORD), KeyMap.alt('d'));
    keys.bind(ref(LineReader.YANK), KeyMap.ctrl('Y'));
    keys.bind(ref(LineReader.TRANSPOSE_CHARS), KeyMap.ctrl('T'));
    keys.bind(ref(LineReader.CLEAR_SCREEN), KeyMap.ctrl('L'));
    keys.bind(ref(LineReader.BEGINNING_OF_LINE), KeyMap.ctrl('A'), "\033[1~", "\033[7~");
    keys.bind(ref(LineReader.END_OF_LINE), KeyMap.ctrl('E'), "\033[4~", "\033[8~");
    keys.bind(ref(LineReader.BACKWARD_CHAR), KeyMap.ctrl('B'));
    keys.bind(ref(LineReader.FORWARD_CHAR), KeyMap.ctrl('F'));
    keys.bind(ref(LineReader.UP_LINE_OR_HISTORY), KeyMap.ctrl('P'));
    keys.bind(ref(LineReader.DOWN_LINE_OR_HISTORY), KeyMap.ctrl('N'));
    keys.bind(ref(LineReader.BACKWARD_WORD), KeyMap.alt('b'), "\033[1;5D", "\033[1;3D");
    keys.bind(ref(LineReader.FORWARD_WORD), KeyMap.alt('f'), "\033[1;5C", "\033[1;3C");
    bindCursorKeys(keys);
    return keys;
  }

  /** Completion menu: TAB and Shift-TAB walk it, Enter takes it, arrows move in it. */
  private static KeyMap<Binding> menu() {
    KeyMap<Binding> keys = new KeyMap<>();
    keys.setAmbiguousTimeout(500);
    keys.bind(ref(LineReader.MENU_COMPLETE), "\t");
    keys.bind(ref(LineReader.REVERSE_MENU_COMPLETE), "\033[Z");
    keys.bind(ref(LineReader.ACCEPT_LINE), "\r", "\n");
    bindCursorKeys(keys);
    return keys;
  }

  /** Arrows, Home and End, in the normal (ESC [) and application (ESC O) forms. */
  private static void bindCursorKeys(KeyMap<Binding> keys) {
    String[][] cursor = {
      {LineReader.UP_LINE_OR_HISTORY, "A"},
      {LineReader.DOWN_LINE_OR_HISTORY, "B"},
      {LineReader.FORWARD_CHAR, "C"},
      {LineReader.BACKWARD_CHAR, "D"},
      {LineReader.END_OF_LINE, "F"},
      {LineReader.BEGINNING_OF_LINE, "H"}
    };
    for (String[] key : cursor) {
      keys.bind(ref(key[0]), "\033[" + key[1], "\033O" + key[1]);
    }
  }

  /**
   * Function, page and modified keys that are not bound above: swallowed whole with a beep, so
   * their bytes never end up typed into the line.
   */
  private static void beepOnFunctionKeys(KeyMap<Binding> keys) {
    Reference beep = ref(LineReader.BEEP);
    for (int n = 1; n <= 34; n++) {
      keys.bind(beep, "\033[" + n + "~");
      for (int modifier = 2; modifier <= 8; modifier++) {
        keys.bind(beep, "\033[" + n + ";" + modifier + "~");
      }
    }
    for (char final_ : "ABCDFHPQRS".toCharArray()) {
      keys.bind(beep, "\033O" + final_);
      for (int modifier = 2; modifier <= 8; modifier++) {
        keys.bind(beep, "\033[1;" + modifier + final_);
      }
    }
    for (char linuxF : "ABCDE".toCharArray()) {
      keys.bind(beep, "\033[[" + linuxF); // F1-F5 on the Linux console
    }
  }

  /**
   * Meta (Alt) with any ASCII key: without a binding JLine beeps for the ESC and then types the key
   * ({@code ab} M-x {@code cd} gave {@code abxcd}). {@code ESC [}, {@code ESC O} and {@code ESC
   * ESC} start the sequences of cursor and function keys, so they stay prefixes.
   */
  private static void beepOnMetaKeys(KeyMap<Binding> keys) {
    Reference beep = ref(LineReader.BEEP);
    for (char c = 0; c < 128; c++) {
      if (c != '[' && c != 'O' && c != '\033') {
        keys.bind(beep, KeyMap.alt(c));
      }
    }
  }

  private static Set<String> widgetNames() {
    Set<String> names = new HashSet<>();
    names.add(LineReader.REDISPLAY);
    for (KeyMap<Binding> keys : java.util.List.of(MAIN, MENU)) {
      for (Binding binding : keys.getBoundKeys().values()) {
        if (binding instanceof Reference reference) {
          names.add(reference.name());
        }
      }
      for (Binding binding : new Binding[] {keys.getNomatch(), keys.getUnicode()}) {
        if (binding instanceof Reference reference) {
          names.add(reference.name());
        }
      }
    }
    return Set.copyOf(names);
  }

  private static Reference ref(String widget) {
    return new Reference(widget);
  }
}
