package dev.chatshell.chat;

/**
 * Makes text typed by one user safe to show on another user's terminal: control characters, escape
 * sequences, invisible direction overrides and other characters that show nothing (zero-width
 * spaces, tag characters, Hangul fillers...) become visible marks ({@code ^[}, {@code <U+202E>},
 * {@code <U+200B>}) instead of reaching a terminal raw (SPEC §5), and stacks of combining marks are
 * cut to {@link #MAX_MARKS} on each character.
 *
 * <p>A few invisible characters have a job in real text and are kept where they do it: a zero-width
 * joiner between two emoji (a family, a profession) or, with the non-joiner, between two letters of
 * a script that joins (Arabic, Persian, the Indic scripts); a variation selector right after the
 * character it selects (❤️); the tag characters of a subdivision flag (🏴 + tags + cancel tag).
 */
public final class Text {
  /**
   * Most combining marks kept on one character: enough for decomposed Vietnamese (two) and an Indic
   * cluster's nukta, virama and sign; the 4th and later of a stack ("Zalgo" text that climbs into
   * the lines above) are dropped.
   */
  public static final int MAX_MARKS = 3;

  private static final int ZWNJ = 0x200C;
  private static final int ZWJ = 0x200D;
  private static final int BLACK_FLAG = 0x1F3F4;
  private static final int CANCEL_TAG = 0xE007F;

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
   * True for code points that draw nothing a reader can see or tell apart from a space: Unicode's
   * default-ignorable characters (zero-width spaces and joiners, the soft hyphen, word joiners,
   * variation selectors, tag characters, Hangul fillers...), other format characters, and the blank
   * Braille pattern. In names they are refused; in text they are shown as {@code <U+XXXX>} unless
   * they do their job there (see the class comment).
   */
  public static boolean isInvisible(int cp) {
    if (cp < 0xAD) {
      return false; // the common case: ASCII and Latin-1 letters
    }
    return cp == 0x00AD
        || cp == 0x034F // combining grapheme joiner
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0x3164
        || cp == 0xFFA0 // Hangul fillers
        || cp == 0x17B4
        || cp == 0x17B5 // Khmer inherent vowels
        || (cp >= 0x180B && cp <= 0x180F) // Mongolian variation selectors and vowel separator
        || (cp >= 0x200B && cp <= 0x200F)
        || (cp >= 0x2060 && cp <= 0x206F)
        || cp == 0x2800 // Braille pattern blank
        || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
        || cp == 0xFEFF
        || (cp >= 0x1BCA0 && cp <= 0x1BCA3)
        || (cp >= 0x1D173 && cp <= 0x1D17A)
        || (cp >= 0xE0000 && cp <= 0xE0FFF) // tags, variation selectors supplement
        || Character.getType(cp) == Character.FORMAT;
  }

  /** True for combining marks that stack on the character before them (not spacing ones). */
  public static boolean isStackingMark(int cp) {
    if (cp < 0x300) {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
  }

  private static boolean isVariationSelector(int cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF)
        || (cp >= 0x180B && cp <= 0x180D) // Mongolian free variation selectors
        || cp == 0x180F;
  }

  /**
   * Returns {@code s} with every unsafe or invisible code point replaced by a visible mark (tabs
   * become a space) and stacks of combining marks cut to {@link #MAX_MARKS}. Applying it twice
   * changes nothing more.
   */
  public static String visible(String s) {
    int i = 0;
    int marks = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (cp < 0x300) { // the common case: no mark, no invisible but the soft hyphen
        if (isUnsafe(cp) || cp == 0xAD) {
          break;
        }
        marks = 0;
      } else if (isStackingMark(cp)) {
        if (++marks > MAX_MARKS || isInvisible(cp)) {
          break;
        }
      } else if (isInvisible(cp) || isUnsafe(cp) || cp == BLACK_FLAG) {
        break; // a black flag may start a subdivision flag, which the rewrite keeps whole
      } else {
        marks = 0;
      }
      i += Character.charCount(cp);
    }
    if (i == s.length()) {
      return s; // the common case allocates nothing
    }
    return rewrite(s, backToBase(s, i));
  }

  /** Where the character carrying the marks before {@code i} starts, so its count is redone. */
  private static int backToBase(String s, int i) {
    while (i > 0) {
      int before = s.codePointBefore(i);
      if (!isStackingMark(before) || isInvisible(before)) {
        return i;
      }
      i -= Character.charCount(before);
    }
    return i;
  }

  private static String rewrite(String s, int from) {
    StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, from);
    int marks = 0;
    int previous = from == 0 ? -1 : s.codePointBefore(from); // in s, whatever was made of it
    int i = from;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp == BLACK_FLAG) {
        int end = flagEnd(s, next);
        out.append(s, i, end);
        i = end;
        previous = s.codePointBefore(end);
        marks = 0;
        continue;
      }
      boolean mark = isStackingMark(cp);
      if (mark && !isInvisible(cp)) {
        if (++marks <= MAX_MARKS) {
          out.appendCodePoint(cp);
        } // else dropped: a stack that tall only serves to draw over other lines
      } else if (isVariationSelector(cp) && keepsSelector(previous)) {
        if (++marks <= MAX_MARKS) {
          out.appendCodePoint(cp);
        }
      } else if ((cp == ZWJ || cp == ZWNJ)
          && next < s.length()
          && joins(cp, previous, s.codePointAt(next))) {
        out.appendCodePoint(cp);
        marks = 0;
      } else {
        marks = 0;
        if (!isUnsafe(cp) && !isInvisible(cp)) {
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
      previous = cp;
      i = next;
    }
    return out.toString();
  }

  /** A variation selector does its job right after a visible character that is not a space. */
  private static boolean keepsSelector(int previous) {
    return previous > 0x20
        && !isUnsafe(previous)
        && !isInvisible(previous)
        && !Character.isWhitespace(previous)
        && !Character.isSpaceChar(previous);
  }

  /**
   * A zero-width joiner between two emoji builds one picture; either joiner between two letters (or
   * marks) of one script that joins decides how they join. Between Latin, Greek or Cyrillic letters
   * it does nothing but hide a difference between two words.
   */
  private static boolean joins(int joiner, int before, int after) {
    if (before < 0) {
      return false;
    }
    if (joiner == ZWJ
        && (Character.isExtendedPictographic(before)
            || isVariationSelector(before)
            || Character.isEmojiModifier(before))
        && Character.isExtendedPictographic(after)) {
      return true;
    }
    if (!isLetterOrMark(before) || !isLetterOrMark(after)) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(after);
    Character.UnicodeScript left = Character.UnicodeScript.of(before);
    if (left != script && left != Character.UnicodeScript.INHERITED) {
      return false;
    }
    return switch (script) {
      case LATIN, GREEK, CYRILLIC, COMMON, INHERITED, UNKNOWN -> false;
      default -> true;
    };
  }

  private static boolean isLetterOrMark(int cp) {
    int type = Character.getType(cp);
    return Character.isLetter(cp)
        || type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /**
   * The end of a subdivision flag that starts before {@code i} (🏴, then tag letters, then the
   * cancel tag); {@code i} itself when no such sequence follows, so the tags are shown as marks.
   */
  private static int flagEnd(String s, int i) {
    // A subdivision code is a region's two letters and one to four letters or digits (gbsct,
    // usca): only such tags make a flag; any other tag run is hidden text, shown as marks.
    int j = i;
    int tags = 0;
    while (j < s.length() && tags <= 6) {
      int cp = s.codePointAt(j);
      if (cp == CANCEL_TAG) {
        return tags < 3 ? i : j + Character.charCount(cp);
      }
      boolean letter = cp >= TAG_BASE + 'a' && cp <= TAG_BASE + 'z';
      boolean digit = cp >= TAG_BASE + '0' && cp <= TAG_BASE + '9';
      if (!(letter || (digit && tags >= 2))) {
        return i;
      }
      tags++;
      j += Character.charCount(cp);
    }
    return i;
  }

  private static final int TAG_BASE = 0xE0000;
}
