package dev.chatshell.chat;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rules for nicknames and channel names (SPEC §2 and §3), and the case-insensitive key under which
 * both are unique.
 */
public final class Names {
  public static final int MAX_NICK_LENGTH = 16;
  public static final int MAX_CHANNEL_LENGTH = 32;
  private static final String NICK_SPECIALS = "_-[]\\`^{}|";

  private Names() {}

  /**
   * Why {@code nick} is not a valid nickname, or {@code null} when it is. Nicknames are 1–16
   * characters from {@code A–Z a–z 0–9 _ - [ ] \ ` ^ { } |} and start with neither a digit nor
   * {@code -}.
   */
  public static String nickProblem(String nick) {
    if (nick.isEmpty()) {
      return "A nickname cannot be empty.";
    }
    if (nick.length() > MAX_NICK_LENGTH) {
      return "A nickname has at most " + MAX_NICK_LENGTH + " characters.";
    }
    for (int i = 0; i < nick.length(); ) {
      int c = nick.codePointAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || NICK_SPECIALS.indexOf(c) >= 0;
      if (!allowed) {
        return "A nickname may only use letters, digits and _ - [ ] \\ ` ^ { } | ("
            + (Character.isWhitespace(c) || Character.isSpaceChar(c)
                ? "a space"
                : Text.visible(new String(Character.toChars(c))))
            + " is not allowed).";
      }
      i += Character.charCount(c);
    }
    char first = nick.charAt(0);
    if ((first >= '0' && first <= '9') || first == '-') {
      return "A nickname cannot start with a digit or '-'.";
    }
    return null;
  }

  /** Checks a nickname, throwing the reason when it is not valid. */
  public static String requireNick(String nick) {
    String problem = nickProblem(nick);
    if (problem != null) {
      throw new ChatException(ChatException.Reason.INVALID, problem, nick);
    }
    return nick;
  }

  /**
   * The channel name for what a user typed: adds the leading {@code #} when missing and checks the
   * rest is 1–32 characters without spaces, commas, control or invisible characters, without a tall
   * stack of combining marks, and in one script (see {@link #mixedScripts}), so that no two names
   * look alike.
   */
  public static String channel(String typed) {
    String name = typed.startsWith("#") ? typed : "#" + typed;
    int length = name.codePointCount(1, name.length());
    if (length == 0) {
      throw new ChatException(
          ChatException.Reason.INVALID,
          "A channel name needs at least one character after '#'.",
          name);
    }
    if (length > MAX_CHANNEL_LENGTH) {
      throw new ChatException(
          ChatException.Reason.INVALID,
          "A channel name has at most " + MAX_CHANNEL_LENGTH + " characters after '#'.",
          name,
          MAX_CHANNEL_LENGTH);
    }
    int marks = 0;
    for (int i = 1; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == ',') {
        throw new ChatException(
            ChatException.Reason.INVALID,
            "A channel name cannot contain a comma: join one channel at a time (/JOIN "
                + Text.visible(name.substring(0, i))
                + ").",
            name);
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        throw new ChatException(
            ChatException.Reason.INVALID,
            "A channel name cannot contain spaces ("
                + (cp == ' ' ? "a space" : "the space " + codePoint(cp))
                + " found).",
            name,
            cp);
      }
      if (Text.isUnsafe(cp) || isInvisible(cp)) {
        throw new ChatException(
            ChatException.Reason.INVALID,
            "A channel name cannot contain control or invisible characters ("
                + Text.visible(new String(Character.toChars(cp)))
                + (Text.isUnsafe(cp) ? "" : ", " + codePoint(cp))
                + " found).",
            name,
            cp);
      }
      if (Text.isStackingMark(cp)) {
        if (i == 1 || ++marks > Text.MAX_MARKS) {
          throw new ChatException(
              ChatException.Reason.INVALID,
              "A channel name cannot start with a combining mark or stack more than "
                  + Text.MAX_MARKS
                  + " on one character.",
              name,
              Text.MAX_MARKS);
        }
      } else {
        marks = 0;
      }
      i += Character.charCount(cp);
    }
    // A letter and its accent typed apart are the same name as the accented letter: one form kept
    // (marks were counted as typed above, so composing cannot hide a stack).
    name = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC);
    String mixed = mixedScripts(name);
    if (mixed != null) {
      throw new ChatException(
          ChatException.Reason.INVALID,
          "A channel name cannot mix scripts ("
              + mixed
              + "): letters that look alike would make two names look the same.",
          name,
          mixed);
    }
    // Fullwidth, mathematical, circled letters, ligatures, roman numerals: each has a plain form
    // that reads the same, so only the plain form may name a channel.
    if (!java.text.Normalizer.isNormalized(name, java.text.Normalizer.Form.NFKC)) {
      throw new ChatException(
          ChatException.Reason.INVALID,
          "A channel name must use plain letters: "
              + Text.visible(name)
              + " reads as "
              + Text.visible(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC))
              + "; type that instead.",
          name,
          java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC));
    }
    return name;
  }

  private static String codePoint(int cp) {
    return String.format("U+%04X", cp);
  }

  /**
   * True for characters a name must not contain because they cannot be seen or told apart: white
   * space of every kind (no-break spaces included), zero-width, format and other invisible
   * characters (Hangul fillers, the blank Braille pattern), private-use and unassigned code points.
   * Otherwise "#x" and "#\u200Bx" would look the same.
   */
  private static boolean isInvisible(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Text.isInvisible(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED
        || type == Character.SURROGATE
        || type == Character.CONTROL;
  }

  /**
   * What mixes scripts in {@code name} ("Latin with Cyrillic а U+0430"), or {@code null} when its
   * letters come from one script. Digits, punctuation and symbols belong to none; the mixes that
   * Japanese, Chinese and Korean writing need (Han with kana, Bopomofo or Hangul, and Latin with
   * any of them) are allowed, as in Unicode's "highly restrictive" level (UTS #39). A name in one
   * other script that happens to look Latin ("#асе" in Cyrillic) stays possible: it cannot be told
   * from a Latin one by its code points alone, and refusing whole scripts would refuse their users.
   */
  static String mixedScripts(String name) {
    Map<Character.UnicodeScript, Integer> letters = new EnumMap<>(Character.UnicodeScript.class);
    Map<Character.UnicodeScript, Integer> firstAt = new EnumMap<>(Character.UnicodeScript.class);
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script != Character.UnicodeScript.COMMON
          && script != Character.UnicodeScript.INHERITED
          && script != Character.UnicodeScript.UNKNOWN) {
        letters.merge(script, 1, Integer::sum);
        firstAt.putIfAbsent(script, i);
      }
      i += Character.charCount(cp);
    }
    if (letters.size() < 2 || allowedMix(letters.keySet())) {
      return null;
    }
    // The script with most letters is what the name is meant to be in; the first letter of the
    // least used one is the odd one out (an "а" in "#аdmin").
    Comparator<Character.UnicodeScript> byUse =
        Comparator.comparing((Character.UnicodeScript script) -> letters.get(script))
            .reversed()
            .thenComparing(firstAt::get);
    List<Character.UnicodeScript> scripts = letters.keySet().stream().sorted(byUse).toList();
    Character.UnicodeScript main = scripts.get(0);
    Character.UnicodeScript odd = scripts.get(scripts.size() - 1);
    int cp = name.codePointAt(firstAt.get(odd));
    return title(main)
        + " with "
        + title(odd)
        + " "
        + new String(Character.toChars(cp))
        + " "
        + codePoint(cp);
  }

  private static final List<Set<Character.UnicodeScript>> ALLOWED_MIXES =
      List.of(
          EnumSet.of(
              Character.UnicodeScript.LATIN,
              Character.UnicodeScript.HAN,
              Character.UnicodeScript.HIRAGANA,
              Character.UnicodeScript.KATAKANA),
          EnumSet.of(
              Character.UnicodeScript.LATIN,
              Character.UnicodeScript.HAN,
              Character.UnicodeScript.BOPOMOFO),
          EnumSet.of(
              Character.UnicodeScript.LATIN,
              Character.UnicodeScript.HAN,
              Character.UnicodeScript.HANGUL));

  private static boolean allowedMix(Set<Character.UnicodeScript> scripts) {
    for (Set<Character.UnicodeScript> allowed : ALLOWED_MIXES) {
      if (allowed.containsAll(scripts)) {
        return true;
      }
    }
    return false;
  }

  private static String title(Character.UnicodeScript script) {
    String name = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * The key under which nicks and channel names are unique: lower case, locale-independent (for
   * nicks, which are ASCII, that is plain ASCII case folding).
   */
  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
