package dev.chatshell.irc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line a client sent, taken apart as RFC 1459/2812 and IRCv3 message-tags describe it: {@code
 * [@tags] [:source] COMMAND [params...] [:trailing]}. The command is upper-cased; a source a client
 * sends is ignored, as every server does.
 *
 * @param tags the message tags, unescaped (empty for none)
 * @param command the verb, upper case, or a three-digit numeric
 * @param params the parameters, the trailing one last, at most {@link #MAX_PARAMS}
 */
public record IrcMessage(Map<String, String> tags, String command, List<String> params) {
  /** RFC 1459: at most 15 parameters; more are joined into the last, as servers do. */
  public static final int MAX_PARAMS = 15;

  public IrcMessage {
    tags = Collections.unmodifiableMap(tags);
    params = List.copyOf(params);
  }

  /** The parameter at {@code index}, or {@code fallback} when the client sent fewer. */
  public String param(int index, String fallback) {
    return index < params.size() ? params.get(index) : fallback;
  }

  /** The parameter at {@code index}; callers check the count first (see {@link IrcCommands}). */
  public String param(int index) {
    return params.get(index);
  }

  /**
   * Takes a line apart; {@code null} for a line with no command (blank, or tags and a source only),
   * which servers ignore.
   */
  public static IrcMessage parse(String line) {
    int i = 0;
    int n = line.length();
    Map<String, String> tags = Map.of();
    if (i < n && line.charAt(i) == '@') {
      int end = indexOf(line, ' ', i);
      tags = tags(line.substring(i + 1, end));
      i = skipSpaces(line, end);
    }
    if (i < n && line.charAt(i) == ':') {
      i = skipSpaces(line, indexOf(line, ' ', i));
    }
    if (i >= n) {
      return null;
    }
    int end = indexOf(line, ' ', i);
    String command = line.substring(i, end).toUpperCase(Locale.ROOT);
    i = skipSpaces(line, end);
    List<String> params = new ArrayList<>(4);
    while (i < n) {
      if (line.charAt(i) == ':' || params.size() == MAX_PARAMS - 1) {
        params.add(line.substring(line.charAt(i) == ':' ? i + 1 : i));
        break;
      }
      end = indexOf(line, ' ', i);
      params.add(line.substring(i, end));
      i = skipSpaces(line, end);
    }
    return new IrcMessage(tags, command, params);
  }

  private static Map<String, String> tags(String raw) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String tag : raw.split(";")) {
      if (tag.isEmpty()) {
        continue;
      }
      int eq = tag.indexOf('=');
      tags.put(eq < 0 ? tag : tag.substring(0, eq), eq < 0 ? "" : unescape(tag.substring(eq + 1)));
    }
    return tags;
  }

  /** A tag value as IRCv3 escapes it: {@code \:} is {@code ;}, {@code \s} a space, and so on. */
  static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\\' || i + 1 == value.length()) {
        if (c != '\\') {
          out.append(c);
        }
        continue;
      }
      char next = value.charAt(++i);
      out.append(
          switch (next) {
            case ':' -> ';';
            case 's' -> ' ';
            case 'r' -> '\r';
            case 'n' -> '\n';
            default -> next;
          });
    }
    return out.toString();
  }

  /** A tag value escaped for sending. */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case ';' -> out.append("\\:");
        case ' ' -> out.append("\\s");
        case '\\' -> out.append("\\\\");
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static int indexOf(String line, char c, int from) {
    int at = line.indexOf(c, from);
    return at < 0 ? line.length() : at;
  }

  private static int skipSpaces(String line, int i) {
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
