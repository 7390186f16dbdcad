package dev.chatshell.chat;

/**
 * Makes text typed by one user safe to show on another user's terminal: control characters, escape
 * sequences and invisible direction overrides become visible marks ({@code ^[}, {@code <U+202E>})
 * instead of reaching a terminal raw (SPEC §5).
 */
public final class Text {
  private Text() {}

  /** True for code points that must never be written to a terminal as they are. */
  public static boolean isUnsafe(int cp) {
    return cp < 0x20
        || cp == 0x7F
        || (cp >= 0x80 && cp <= 0x9F) // C1 controls: 0x9B is a one-byte CSI on some terminals
        || (cp >= 0x202A && cp <= 0x202E) // bidi embeddings and overrides
        || (cp >= 0x2066 && cp <= 0x2069) // bidi isolates
        || cp == 0x2028
        || cp == 0x2029 // line and paragraph separators
        || cp == 0x061C
        || cp == 0x200E
        || cp == 0x200F; // direction marks
  }

  /**
   * Returns {@code s} with every unsafe code point replaced by a visible mark; tabs become a space.
   */
  public static String visible(String s) {
    int i = 0;
    while (i < s.length() && !isUnsafe(s.codePointAt(i))) {
      i += Character.charCount(s.codePointAt(i));
    }
    if (i == s.length()) {
      return s; // the common case allocates nothing
    }
    StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (!isUnsafe(cp)) {
        out.appendCodePoint(cp);
      } else if (cp == '\t') {
        out.append(' ');
      } else if (cp < 0x20) {
        out.append('^').append((char) (cp + 64)); // caret notation: ESC is ^[
      } else if (cp == 0x7F) {
        out.append("^?");
      } else {
        out.append(String.format("<U+%04X>", cp));
      }
    }
    return out.toString();
  }
}
