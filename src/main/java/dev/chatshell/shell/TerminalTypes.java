package dev.chatshell.shell;

import java.util.Locale;
import java.util.Map;

/**
 * Maps the terminal type a client reports onto the short list of types whose capabilities JLine
 * ships, so JLine never runs {@code infocmp} on a name chosen by a stranger. Anything unknown is
 * treated as {@code ansi}.
 */
public final class TerminalTypes {
  /** The type used when the client names none or one we do not know. */
  public static final String FALLBACK = "ansi";

  private static final Map<String, String> KNOWN =
      Map.ofEntries(
          Map.entry("xterm-256color", "xterm-256color"),
          Map.entry("xterm-direct", "xterm-256color"),
          Map.entry("xterm-kitty", "xterm-256color"),
          Map.entry("alacritty", "xterm-256color"),
          Map.entry("wezterm", "xterm-256color"),
          Map.entry("foot", "xterm-256color"),
          Map.entry("gnome-256color", "xterm-256color"),
          Map.entry("konsole-256color", "xterm-256color"),
          Map.entry("putty-256color", "xterm-256color"),
          Map.entry("xterm", "xterm"),
          Map.entry("xterm-color", "xterm"),
          Map.entry("xterm-16color", "xterm"),
          Map.entry("vt100", "ansi"),
          Map.entry("vt102", "ansi"),
          Map.entry("vt220", "ansi"),
          Map.entry("linux", "ansi"),
          Map.entry("putty", "xterm"),
          Map.entry("screen-256color", "screen-256color"),
          Map.entry("tmux-256color", "screen-256color"),
          Map.entry("screen", "screen"),
          Map.entry("tmux", "screen"),
          Map.entry("rxvt-unicode-256color", "rxvt-unicode-256color"),
          Map.entry("rxvt-unicode", "rxvt-unicode"),
          Map.entry("rxvt-256color", "rxvt-unicode-256color"),
          Map.entry("rxvt", "rxvt"),
          Map.entry("ansi", "ansi"),
          Map.entry("dumb", "dumb"),
          Map.entry("unknown", "dumb"));

  private TerminalTypes() {}

  /** True for terminal types that cannot move the cursor: no line editor for them. */
  public static boolean isDumb(String type) {
    return "dumb".equals(type);
  }

  /** The allowed type for what the client reported ({@code null} when it reported nothing). */
  public static String map(String reported) {
    if (reported == null) {
      return FALLBACK;
    }
    return KNOWN.getOrDefault(reported.toLowerCase(Locale.ROOT), FALLBACK);
  }
}
