package dev.chatshell.chat;

import java.util.Locale;

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
      throw new ChatException(problem);
    }
    return nick;
  }

  /**
   * The channel name for what a user typed: adds the leading {@code #} when missing and checks the
   * rest is 1–32 characters without spaces, commas or control characters.
   */
  public static String channel(String typed) {
    String name = typed.startsWith("#") ? typed : "#" + typed;
    int length = name.codePointCount(1, name.length());
    if (length == 0) {
      throw new ChatException("A channel name needs at least one character after '#'.");
    }
    if (length > MAX_CHANNEL_LENGTH) {
      throw new ChatException(
          "A channel name has at most " + MAX_CHANNEL_LENGTH + " characters after '#'.");
    }
    for (int i = 1; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == ',' || Text.isUnsafe(cp) || isInvisible(cp)) {
        throw new ChatException(
            "A channel name cannot contain spaces, commas, control or invisible characters ("
                + Text.visible(new String(Character.toChars(cp)))
                + " found).");
      }
      i += Character.charCount(cp);
    }
    return name;
  }

  /**
   * True for characters a name must not contain because they cannot be seen or told apart: white
   * space of every kind (no-break spaces included), zero-width and other format characters,
   * private-use and unassigned code points. Otherwise "#x" and "#\u200Bx" would look the same.
   */
  private static boolean isInvisible(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
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
   * The key under which nicks and channel names are unique: lower case, locale-independent (for
   * nicks, which are ASCII, that is plain ASCII case folding).
   */
  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
