package dev.chatshell.irc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How text fits IRC's lines: at most {@link IrcConnection#MAX_BODY} bytes before the CR LF, so a
 * long message is split over several lines (at a space where there is one), never cut; and how IRC
 * formatting codes from IRC users are kept away from terminals.
 */
final class IrcFormat {
  private IrcFormat() {}

  /**
   * {@code head} (the line up to and including the ':' of the trailing parameter) followed by as
   * much of {@code text} as fits, again for the rest, until all of it is sent. Whole code points
   * only; a split falls after the last space of a part when there is one in its second half.
   */
  static List<String> split(String head, String text) {
    int room = IrcConnection.MAX_BODY - utf8Length(head);
    List<String> lines = new ArrayList<>(1);
    if (utf8Length(text) <= room) {
      lines.add(head + text);
      return lines;
    }
    room = Math.max(room, 16); // a head too long to leave room is not ours to make; still progress
    int i = 0;
    while (i < text.length()) {
      int bytes = 0;
      int j = i;
      int lastSpace = -1;
      while (j < text.length()) {
        int cp = text.codePointAt(j);
        int size = utf8Length(cp);
        if (bytes + size > room) {
          break;
        }
        if (cp == ' ') {
          lastSpace = j;
        }
        bytes += size;
        j += Character.charCount(cp);
      }
      int cut = j;
      if (j < text.length() && lastSpace > i && lastSpace - i > (j - i) / 2) {
        cut = lastSpace + 1; // the space ends this part: nothing is lost
      }
      lines.add(head + text.substring(i, cut));
      i = cut;
    }
    return lines;
  }

  /** A line of the server's own made to fit, cut at a code point (numerics are short already). */
  static String fit(String line) {
    if (utf8Length(line) <= IrcConnection.MAX_BODY) {
      return line;
    }
    int bytes = 0;
    int i = 0;
    while (i < line.length()) {
      int cp = line.codePointAt(i);
      if (bytes + utf8Length(cp) > IrcConnection.MAX_BODY) {
        break;
      }
      bytes += utf8Length(cp);
      i += Character.charCount(cp);
    }
    return line.substring(0, i);
  }

  static int utf8Length(String s) {
    int n = s.length();
    int ascii = 0;
    while (ascii < n && s.charAt(ascii) < 0x80) {
      ascii++;
    }
    return ascii == n ? n : ascii + s.substring(ascii).getBytes(StandardCharsets.UTF_8).length;
  }

  private static int utf8Length(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  /**
   * Text an IRC user sent, without IRC's formatting codes (bold, colours with their numbers,
   * italics, underline, strike-through, monospace, reverse, reset): terminals would show them as
   * marks, and what they mean is lost on a shell anyway. Other control characters are left for the
   * domain, which makes them visible.
   */
  static String stripFormatting(String text) {
    int i = 0;
    while (i < text.length() && !isFormat(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, i);
    while (i < text.length()) {
      char c = text.charAt(i++);
      if (c == 0x03) { // colour: up to two digits, optionally a comma and up to two more
        i = digits(text, i);
        if (i + 1 < text.length() && text.charAt(i) == ',' && isDigit(text.charAt(i + 1))) {
          i = digits(text, i + 1);
        }
      } else if (c == 0x04) { // hex colour: six hex digits, optionally a comma and six more
        i = hex(text, i);
        if (i + 1 < text.length() && text.charAt(i) == ',' && isHex(text.charAt(i + 1))) {
          i = hex(text, i + 1);
        }
      } else if (!isFormat(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isFormat(char c) {
    return c == 0x02 || c == 0x03 || c == 0x04 || c == 0x0F || c == 0x11 || c == 0x16 || c == 0x1D
        || c == 0x1E || c == 0x1F;
  }

  private static int digits(String s, int i) {
    int end = Math.min(s.length(), i + 2);
    while (i < end && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int hex(String s, int i) {
    int end = Math.min(s.length(), i + 6);
    while (i < end && isHex(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
