package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChannelMessage;
import dev.chatshell.chat.History;
import dev.chatshell.chat.HistoryEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Channel logs on disk: one file per channel per day, the documented line format, safe names. */
class ChannelLogsTest {
  private static final Instant DAY1 = Instant.parse("2026-11-21T12:01:05Z");
  private static final Instant DAY2 = Instant.parse("2026-11-22T00:00:01Z");

  @TempDir Path dir;

  private static HistoryEntry said(Instant at, String channel, String nick, String text) {
    return HistoryEntry.said(new ChannelMessage(at, channel, nick, text), null);
  }

  @Test
  void linesGoToOneFilePerChannelPerDayInTheDocumentedFormat() throws Exception {
    List<HistoryEntry> passedOn = new ArrayList<>();
    History inner =
        new History() {
          @Override
          public void record(HistoryEntry entry) {
            passedOn.add(entry);
          }

          @Override
          public List<HistoryEntry> channel(String c, Instant s, Instant u, int l) {
            return List.of();
          }

          @Override
          public List<HistoryEntry> conversation(String a, String o, int l) {
            return List.of();
          }

          @Override
          public List<HistoryEntry> mentions(String a, Instant s, int l) {
            return List.of();
          }

          @Override
          public Instant lastSeen(String a) {
            return null;
          }

          @Override
          public void seen(String a, Instant at) {}

          @Override
          public void renamed(String c, String n, Instant s, Instant at) {}
        };
    ChannelLogs logs = new ChannelLogs(inner, dir);
    logs.record(said(DAY1, "#Rust", "alice", "hello"));
    logs.record(
        HistoryEntry.said(
            new ChannelMessage(DAY1.plusSeconds(4), "#rust", "bob", "waves", true), null));
    logs.record(said(DAY2, "#rust", "alice", "next day"));
    logs.record(said(DAY1, "#go", "carol", "elsewhere"));
    logs.record(new HistoryEntry(DAY1, null, "bob", null, List.of("alice"), List.of(), "private"));
    logs.close();

    assertEquals(5, passedOn.size(), "everything still reaches history");
    assertEquals(
        List.of("12:01:05 <alice> hello", "12:01:09 * bob waves"),
        Files.readAllLines(dir.resolve("#rust/2026-11-21.txt")));
    assertEquals(
        List.of("00:00:01 <alice> next day"),
        Files.readAllLines(dir.resolve("#rust/2026-11-22.txt")));
    assertEquals(
        List.of("12:01:05 <carol> elsewhere"),
        Files.readAllLines(dir.resolve("#go/2026-11-21.txt")));
    try (var files = Files.walk(dir)) {
      assertFalse(
          files.anyMatch(f -> Files.isRegularFile(f) && readQuietly(f).contains("private")),
          "private messages never reach the files");
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  @Test
  void noChannelNameLeadsOutsideTheDirectory() {
    assertEquals("#a%2F%2E%2E%2F%2E%2E%2Fetc", ChannelLogs.fileName("#a/../../etc"));
    assertEquals("#caf%C3%A9", ChannelLogs.fileName("#CAFÉ".toLowerCase(java.util.Locale.ROOT)));
    assertEquals("#rust", ChannelLogs.fileName("#RUST"), "one directory whatever the case");
    Path file = ChannelLogs.file(dir, "#..", DAY1);
    assertTrue(file.normalize().startsWith(dir), file.toString());
    assertEquals("#%2E%2E", file.getParent().getFileName().toString());
  }
}
