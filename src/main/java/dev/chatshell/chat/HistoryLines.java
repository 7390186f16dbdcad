package dev.chatshell.chat;

import java.time.Instant;
import java.util.List;

/**
 * Lines from history shown to one user at once, under a heading of free text. The domain's own (the
 * scrollback of a channel joined, the mentions missed while away) are {@link Notice.ShownHistory}
 * facts instead.
 */
public record HistoryLines(
    Instant time, String heading, List<HistoryEntry> entries, boolean withChannel)
    implements ChatEvent {
  public HistoryLines {
    entries = List.copyOf(entries);
  }
}
