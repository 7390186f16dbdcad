package dev.chatshell.store;

import dev.chatshell.chat.History;
import dev.chatshell.chat.HistoryEntry;
import dev.chatshell.chat.Names;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain-text channel logs, the way a logging bot keeps them: one file per channel per day (UTC),
 * {@code <dir>/<channel>/<yyyy-MM-dd>.txt}, one line per message:
 *
 * <pre>
 * 12:01:05 &lt;alice&gt; hello
 * 12:01:09 * bob waves
 * </pre>
 *
 * Wraps the {@link History} it is given: everything it is told is passed on, and channel lines are
 * also queued for the files, which a thread of its own appends to a few times a second. Like
 * history, a disk too slow to keep up loses log lines, never messages.
 */
public final class ChannelLogs implements History, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChannelLogs.class);
  private static final int QUEUE = 100_000;
  private static final Duration FLUSH_EVERY = Duration.ofMillis(200);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final History inner;
  private final Path dir;
  private final BatchWriter<HistoryEntry> writer;
  private long lost; // lines that could not be written since the last that could; guarded by this

  public ChannelLogs(History inner, Path dir) {
    this.inner = inner;
    this.dir = dir;
    this.writer =
        new BatchWriter<HistoryEntry>(
                "channel-logs",
                QUEUE,
                () -> FLUSH_EVERY,
                log,
                "Channel logs are behind: {} lines not written so far",
                "Writing channel logs",
                this::write)
            .start();
  }

  /** The file a channel's lines of one day go to. */
  public static Path file(Path dir, String channel, Instant day) {
    return dir.resolve(fileName(channel)).resolve(DAY.format(day) + ".txt");
  }

  /**
   * A channel name as a directory name: its key (one directory whatever the case), with anything
   * but letters, digits, {@code # - _} written as {@code %XX} UTF-8 bytes, so that no name can
   * reach outside the log directory.
   */
  static String fileName(String channel) {
    StringBuilder name = new StringBuilder();
    for (byte b : Names.key(channel).getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 128 && (Character.isLetterOrDigit(c) || "#-_".indexOf(c) >= 0)) {
        name.append((char) c);
      } else {
        name.append('%').append(String.format("%02X", c));
      }
    }
    return name.toString();
  }

  /** One line of a log file. */
  static String line(HistoryEntry entry) {
    String text = entry.line(entry.time(), false); // "[hh:mm] <nick> text"
    return TIME.format(entry.time()) + text.substring(text.indexOf(']') + 1);
  }

  @Override
  public void record(HistoryEntry entry) {
    inner.record(entry);
    if (entry.isPrivate() || entry.closed()) {
      return; // private messages and private channels stay out of files
    }
    writer.offer(entry);
  }

  private synchronized void write() {
    List<HistoryEntry> batch = new ArrayList<>();
    writer.drainTo(batch, Integer.MAX_VALUE);
    Map<Path, StringBuilder> byFile = new LinkedHashMap<>();
    for (HistoryEntry entry : batch) {
      byFile
          .computeIfAbsent(file(dir, entry.channel(), entry.time()), f -> new StringBuilder())
          .append(line(entry))
          .append('\n');
    }
    for (Map.Entry<Path, StringBuilder> file : byFile.entrySet()) {
      append(file.getKey(), file.getValue().toString());
    }
  }

  /**
   * Appends whole lines to a log file, or nothing: a write that fails part way (a full disk) is cut
   * back, so that no half line stays to be continued by the next. Failures are logged when they
   * start and when they end, with the lines lost, not once per write.
   */
  private void append(Path file, String lines) {
    long before = -1;
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Database.createPrivate(file); // what people said: for the operator only
      }
      before = Files.size(file);
      try (FileChannel out =
          FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(lines);
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
      }
      if (lost > 0) {
        log.info("Channel logs are written again; {} lines could not be", lost);
        lost = 0;
      }
    } catch (IOException e) {
      if (before >= 0) {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
          out.truncate(before); // needs no room
        } catch (IOException cut) {
          e.addSuppressed(cut);
        }
      }
      if (lost == 0) {
        log.error(
            "Cannot write the channel log {}: {}; its lines are lost until it can be",
            file,
            e.toString());
      }
      lost += lines.lines().count();
    }
  }

  @Override
  public List<HistoryEntry> channel(String channel, Instant since, Instant until, int limit) {
    return inner.channel(channel, since, until, limit);
  }

  @Override
  public List<HistoryEntry> conversation(String account, String other, int limit) {
    return inner.conversation(account, other, limit);
  }

  @Override
  public List<HistoryEntry> mentions(String account, Instant since, int limit) {
    return inner.mentions(account, since, limit);
  }

  @Override
  public Instant lastSeen(String account) {
    return inner.lastSeen(account);
  }

  @Override
  public void seen(String account, Instant at) {
    inner.seen(account, at);
  }

  @Override
  public void renamed(String channel, String newName, Instant since, Instant at) {
    inner.renamed(channel, newName, since, at);
  }

  /** Writes what is still queued and stops. */
  @Override
  public void close() {
    writer.close();
    write();
  }
}
