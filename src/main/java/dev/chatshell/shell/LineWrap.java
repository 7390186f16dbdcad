package dev.chatshell.shell;

import org.jline.utils.WCWidth;

/**
 * Word wrap for what a character-mode session prints, at its live width, with a hanging indent: the
 * continuation lines of {@code <alice> some long text} start under the text, not under the nick, as
 * in irssi. Lines arrive formatted (SGR escape sequences where the terminal has colour) and shared
 * by every viewer of a kind, so wrapping is done per session at print time, where the width is
 * known; a line shorter than the width — nearly all of them — costs one scan of its characters and
 * is returned as it is.
 */
final class LineWrap {
  private static final char ESC = '\u001b';

  private LineWrap() {}

  /**
   * The text with each of its lines wider than {@code columns - 1} broken at spaces (inside a word
   * only when one word is wider than the room), continuation lines indented to the column where the
   * first line's text starts. The last column is left free: some terminals wrap on it.
   */
  static String wrap(String text, int columns) {
    int room = columns - 1;
    if (room < 10 || fits(text, room)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    int start = 0;
    while (true) {
      int end = text.indexOf('\n', start);
      wrapLine(text, start, end < 0 ? text.length() : end, room, out);
      if (end < 0) {
        return out.toString();
      }
      out.append('\n');
      start = end + 1;
    }
  }

  /** True when no line of the text can be wider than {@code room}: the common, cheap case. */
  private static boolean fits(String text, int room) {
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ESC) {
        i = skipEscape(text, i, text.length()) - 1;
      } else if (c == '\n') {
        length = 0;
      } else if (++length > room || c >= '\u1100') {
        return false; // long, or a character that may take two columns: look closer
      }
    }
    return true;
  }

  private static void wrapLine(String text, int from, int to, int room, StringBuilder out) {
    int indent = -1; // known once the visible prefix is read
    StringBuilder visible = new StringBuilder(); // the start of the line, escapes left out
    int column = 0;
    int lineStart = from; // where the current output line starts in text
    int breakAt = -1; // index of the last space that may end the current output line
    int breakColumn = 0; // and its column
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == ESC) {
        i = skipEscape(text, i, to);
        continue;
      }
      int cp = text.codePointAt(i);
      int width = Math.max(0, WCWidth.wcwidth(cp));
      if (indent < 0) {
        visible.appendCodePoint(cp);
      }
      if (column + width > room && column > 0) {
        if (indent < 0) {
          indent = indentOf(visible.toString(), room);
        }
        // A space that overflows ends the line there; a break inside the nick prefix is no break.
        int cut = c == ' ' || breakAt <= lineStart || breakColumn < indent ? i : breakAt;
        out.append(text, lineStart, cut);
        out.append('\n').repeat(' ', indent);
        lineStart = cut;
        while (lineStart < to && text.charAt(lineStart) == ' ') {
          lineStart++; // the space the line broke at is not carried over
        }
        breakAt = -1;
        column = indent + columns(text, lineStart, i);
        i = lineStart > i ? lineStart : i;
        continue;
      }
      if (c == ' ') {
        breakAt = i;
        breakColumn = column;
      }
      column += width;
      i += Character.charCount(cp);
    }
    out.append(text, lineStart, to);
  }

  /** The display width of text[from, to), escapes left out. */
  private static int columns(String text, int from, int to) {
    int total = 0;
    int i = from;
    while (i < to) {
      if (text.charAt(i) == ESC) {
        i = skipEscape(text, i, to);
        continue;
      }
      int cp = text.codePointAt(i);
      total += Math.max(0, WCWidth.wcwidth(cp));
      i += Character.charCount(cp);
    }
    return total;
  }

  /** The index after the escape sequence at {@code i}: CSI (ESC [ ... final byte) or ESC x. */
  private static int skipEscape(String text, int i, int to) {
    if (i + 1 < to && text.charAt(i + 1) == '[') {
      int j = i + 2;
      while (j < to && (text.charAt(j) < '@' || text.charAt(j) > '~')) {
        j++;
      }
      return Math.min(to, j + 1);
    }
    return Math.min(to, i + 2);
  }

  /**
   * The column where a line's text starts, after what introduces it: tags such as {@code [#rust]}
   * and a time, then {@code <nick> }, {@code * nick }, {@code *nick* }, {@code -> *nick* } or
   * {@code -!- }; a line of none of these keeps its leading spaces. Never more than half the room,
   * so the text always has space.
   */
  static int indentOf(String line, int room) {
    int at = 0;
    while (true) { // tags and times first
      if (line.startsWith("[", at) && line.indexOf("] ", at) > 0) {
        at = line.indexOf("] ", at) + 2;
      } else if (isTime(line, at)) {
        at = line.indexOf(' ', at) + 1;
      } else {
        break;
      }
    }
    int indent;
    if (line.startsWith("<", at) && line.indexOf("> ", at) > 0) {
      indent = line.indexOf("> ", at) + 2;
    } else if (line.startsWith("-!- ", at)) {
      indent = at + 4;
    } else if (line.startsWith("* ", at) && line.indexOf(' ', at + 2) > 0) {
      indent = line.indexOf(' ', at + 2) + 1;
    } else if ((line.startsWith("*", at) || line.startsWith("-> *", at))
        && line.indexOf("* ", line.indexOf('*', at) + 1) > 0) {
      indent = line.indexOf("* ", line.indexOf('*', at) + 1) + 2;
    } else {
      indent = at;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
    }
    int width = 0;
    for (int i = 0; i < Math.min(indent, line.length()); ) {
      int cp = line.codePointAt(i);
      width += Math.max(0, WCWidth.wcwidth(cp));
      i += Character.charCount(cp);
    }
    return width > room / 2 ? 0 : width;
  }

  /** {@code HH:MM } or {@code HH:MM:SS } at {@code at}. */
  private static boolean isTime(String line, int at) {
    int end = line.indexOf(' ', at);
    if (end < 0) {
      return false;
    }
    String word = line.substring(at, end);
    return word.matches("\\d{1,2}:\\d{2}(:\\d{2})?");
  }
}
