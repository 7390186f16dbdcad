package dev.chatshell.store;

import dev.chatshell.chat.ModerationAction;
import dev.chatshell.chat.ModerationListener;
import dev.chatshell.chat.Text;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderation log: one line per action, appended and flushed at once, in UTF-8.
 *
 * <pre>
 * time TAB action TAB actor TAB target TAB channel TAB reason
 * 2026-11-21T08:00:00.000Z	KICK	alice	bob	#rust	spamming links
 * </pre>
 *
 * <p>{@code time} is ISO-8601 UTC with milliseconds; {@code action} is one of KICK, GRANT, REVOKE,
 * RENAME, KILL, OPER, OPER_REFUSED; an empty field is {@code -}. For RENAME the target is the new
 * name and the channel the old one; for OPER and OPER_REFUSED the target is the operator name.
 * Fields never contain tabs or line breaks. Each line is also written to the operational log.
 *
 * <p>Threading: any thread may record; writes are serialized by this object's monitor.
 */
public final class ModerationLog implements ModerationListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModerationLog.class);

  /** Always milliseconds, so that sorting the lines as text sorts them by time. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path file;
  private final BufferedWriter writer;

  private ModerationLog(Path file, BufferedWriter writer) {
    this.file = file;
    this.writer = writer;
  }

  /** Opens (creating it and its directory when missing) the log for appending. */
  public static ModerationLog open(Path file) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    if (directory != null) {
      Files.createDirectories(directory);
    }
    BufferedWriter writer =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    return new ModerationLog(file, writer);
  }

  @Override
  public void recorded(ModerationAction action) {
    String line = format(action);
    log.info("moderation: {}", line.replace('\t', ' '));
    synchronized (this) {
      try {
        writer.write(line);
        writer.newLine();
        writer.flush();
      } catch (IOException e) {
        log.error("Cannot append to the moderation log {}: {}", file, e.toString());
      }
    }
  }

  /** One action as a log line, without the line end. */
  public static String format(ModerationAction action) {
    return String.join(
        "\t",
        TIME.format(action.time()),
        action.kind().name(),
        field(action.actor()),
        field(action.target()),
        field(action.channel()),
        field(action.reason()));
  }

  private static String field(String value) {
    if (value == null || value.isBlank()) {
      return "-";
    }
    // Tabs and line breaks would break the format; other controls are made visible, as anywhere.
    return Text.visible(value.replaceAll("[\\t\\r\\n]", " "));
  }

  @Override
  public synchronized void close() throws IOException {
    writer.close();
  }
}
