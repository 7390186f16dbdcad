package dev.chatshell.chat;

import java.time.Instant;
import java.util.List;

/**
 * Lines from history shown to one user at once, under a heading: the scrollback of a channel they
 * join, or the mentions they missed while away.
 */
public record HistoryLines(
    Instant time, String heading, List<HistoryEntry> entries, boolean withChannel)
    implements ChatEvent {
  public HistoryLines {
    entries = List.copyOf(entries);
  }
}
