package dev.chatshell.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.utils.WCWidth;

/**
 * The lines of a completion list too tall for the screen, printed as ordinary output: candidates
 * with a description one per line, the description in parentheses after the longest name; plain
 * candidates in columns, read downwards like {@code ls}. Each line fits the width.
 */
final class CompletionList {
  private static final String GAP = "  ";

  private CompletionList() {}

  static List<String> lines(List<Candidate> candidates, int columns) {
    Map<String, Candidate> byName = new LinkedHashMap<>();
    for (Candidate candidate : candidates) {
      byName.putIfAbsent(candidate.displ(), candidate); // a value offered twice shows once
    }
    List<Candidate> unique = new ArrayList<>(byName.values());
    unique.sort((a, b) -> a.displ().compareToIgnoreCase(b.displ()));
    int widest = 0;
    boolean described = false;
    for (Candidate candidate : unique) {
      widest = Math.max(widest, width(candidate.displ()));
      described |= candidate.descr() != null;
    }
    int usable = Math.max(1, columns - 1); // the last column would wrap on some terminals
    List<String> lines = new ArrayList<>();
    if (described) {
      for (Candidate candidate : unique) {
        StringBuilder line = new StringBuilder(candidate.displ());
        if (candidate.descr() != null) {
          line.repeat(' ', widest - width(candidate.displ())).append(GAP);
          line.append('(').append(candidate.descr()).append(')');
        }
        lines.add(cut(line.toString(), usable));
      }
      return lines;
    }
    int cell = widest + GAP.length();
    int perLine = Math.max(1, (usable + GAP.length()) / cell);
    int rows = (unique.size() + perLine - 1) / perLine;
    for (int row = 0; row < rows; row++) {
      StringBuilder line = new StringBuilder();
      for (int at = row; at < unique.size(); at += rows) {
        String name = unique.get(at).displ();
        if (!line.isEmpty()) {
          line.append(GAP);
        }
        line.append(name);
        if (at + rows < unique.size()) {
          line.repeat(' ', widest - width(name));
        }
      }
      lines.add(cut(line.toString(), usable));
    }
    return lines;
  }

  /** The text cut to {@code columns} display columns, with an ellipsis where it was cut. */
  private static String cut(String text, int columns) {
    if (width(text) <= columns) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int w = Math.max(0, WCWidth.wcwidth(cp));
      if (used + w > columns - 1) {
        break;
      }
      out.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    return out.append('…').toString();
  }

  private static int width(String text) {
    int total = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      total += Math.max(0, WCWidth.wcwidth(cp));
      i += Character.charCount(cp);
    }
    return total;
  }
}
