package dev.chatshell.shell;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jline.utils.AttributedCharSequence;
import org.jline.utils.InfoCmp;
import org.jline.utils.InfoCmp.Capability;

/**
 * The terminfo capabilities of a terminal type, parsed once and shared by every session of that
 * type. JLine parses them per terminal — some 400 strings, tens of kilobytes per session — and
 * reads the server's own {@code COLORTERM}, which says nothing about a remote user's terminal.
 * Types come from {@link TerminalTypes}' allow-list, so this holds a handful of entries.
 */
record TerminalCapabilities(
    Set<Capability> bools, Map<Capability, Integer> ints, Map<Capability, String> strings) {
  private static final Map<String, TerminalCapabilities> BY_TYPE = new ConcurrentHashMap<>();

  static TerminalCapabilities of(String type) {
    return BY_TYPE.computeIfAbsent(type, TerminalCapabilities::parse);
  }

  private static TerminalCapabilities parse(String type) {
    String source = InfoCmp.getDefaultInfoCmp(type);
    if (source == null) {
      source = InfoCmp.getDefaultInfoCmp("ansi");
    }
    Set<Capability> bools = new HashSet<>();
    Map<Capability, Integer> ints = new HashMap<>();
    Map<Capability, String> strings = new HashMap<>();
    InfoCmp.parseInfoCmp(source, bools, ints, strings);
    if (type.contains("-direct")) {
      ints.put(Capability.max_colors, AttributedCharSequence.TRUE_COLORS);
    }
    return new TerminalCapabilities(
        bools.isEmpty() ? Set.of() : EnumSet.copyOf(bools),
        ints.isEmpty() ? Map.of() : new EnumMap<>(ints),
        strings.isEmpty() ? Map.of() : new EnumMap<>(strings));
  }
}
