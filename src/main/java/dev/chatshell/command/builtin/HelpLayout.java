package dev.chatshell.command.builtin;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays /HELP out for a screen of a given width: a column of synopses and, beside them, the text
 * word-wrapped under itself (a hanging indent); a synopsis too long for the column gets a line of
 * its own, and on a narrow screen every text goes under its synopsis. No line is longer than the
 * width less one, so no terminal wraps it mid-word. An unknown width (0) means no limit.
 */
final class HelpLayout {
  /** Longest synopsis kept in the column; longer ones get a line of their own. */
  static final int MAX_COLUMN = 30;

  /** Least room for the text beside the column; less, and the text goes under the synopsis. */
  static final int MIN_TEXT = 30;

  private static final int NARROW_INDENT = 4;

  private HelpLayout() {}

  /** The lines of a two-column table of {@code rows} (synopsis, text) for {@code width}. */
  static List<String> table(List<String[]> rows, int width) {
    int usable = usable(width);
    int longest = 0;
    for (String[] row : rows) {
      if (row[0].length() <= MAX_COLUMN) {
        longest = Math.max(longest, row[0].length());
      }
    }
    int column = longest + 2;
    boolean narrow = usable - column < MIN_TEXT;
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      String synopsis = row[0];
      if (narrow) {
        lines.addAll(wrap(synopsis, 0, 2, usable));
        lines.addAll(wrap(row[1], NARROW_INDENT, NARROW_INDENT, usable));
      } else if (synopsis.length() + 2 > column) {
        lines.addAll(wrap(synopsis, 0, 2, usable));
        lines.addAll(wrap(row[1], column, column, usable));
      } else {
        List<String> text = wrap(row[1], column, column, usable);
        lines.add(synopsis + text.get(0).substring(synopsis.length()));
        lines.addAll(text.subList(1, text.size()));
      }
    }
    return lines;
  }

  /** {@code text} wrapped for {@code width}, every line indented by {@code indent}. */
  static List<String> paragraph(String text, int indent, int width) {
    return wrap(text, indent, indent, usable(width));
  }

  /**
   * Room on a line: the width less one (some terminals wrap when the last column is written); no
   * limit when the width is unknown, so that plain clients (scripts, bots) get one line per item
   * and their own terminal, if any, does the wrapping.
   */
  private static int usable(int width) {
    return width <= 0 ? Integer.MAX_VALUE / 2 : Math.max(20, width - 1);
  }

  /**
   * Greedy word wrap: the first line indented by {@code first}, the others by {@code rest}; a word
   * longer than a whole line is cut.
   */
  static List<String> wrap(String text, int first, int rest, int usable) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(" ".repeat(first));
    int indent = first;
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      while (true) {
        boolean empty = line.length() == indent;
        int room = usable - line.length() - (empty ? 0 : 1);
        if (word.length() <= room) {
          line.append(empty ? "" : " ").append(word);
          break;
        }
        if (!empty) {
          lines.add(line.toString());
          indent = rest;
          line = new StringBuilder(" ".repeat(rest));
          continue;
        }
        int cut = Math.max(1, room);
        line.append(word, 0, cut);
        word = word.substring(cut);
        lines.add(line.toString());
        indent = rest;
        line = new StringBuilder(" ".repeat(rest));
        if (word.isEmpty()) {
          break;
        }
      }
    }
    if (line.length() > indent || lines.isEmpty()) {
      lines.add(line.toString());
    }
    lines.replaceAll(l -> l.replace(KEEP_TOGETHER, ' '));
    return lines;
  }

  /** Joins words that must stay on one line ("[needs main admin]"); shown as a space. */
  static final char KEEP_TOGETHER = '\u00A0';

  /** {@code text} with its spaces made unbreakable. */
  static String together(String text) {
    return text.replace(' ', KEEP_TOGETHER);
  }
}
