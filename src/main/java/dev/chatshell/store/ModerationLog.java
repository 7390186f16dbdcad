package dev.chatshell.store;

import dev.chatshell.chat.ModerationAction;
import dev.chatshell.chat.ModerationListener;
import dev.chatshell.chat.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
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
 * name and the channel the old one; for OPER and OPER_REFUSED the target is the operator name, and
 * for OPER_REFUSED only when such an operator exists: what was typed as an unknown name may well be
 * a password typed in the wrong place, so it is never written anywhere. Fields never contain tabs
 * or line breaks. Each line is also written to the operational log.
 *
 * <p>The file is readable by its owner only, like the database: it names who did what to whom.
 *
 * <p>Threading: any thread may record; writes are serialized by this object's monitor.
 */
public final class ModerationLog implements ModerationListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModerationLog.class);

  /** Always milliseconds, so that sorting the lines as text sorts them by time. */
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** The reason written for an /OPER refused for a name that is no operator's. */
  static final String UNKNOWN_OPERATOR = "no such operator (the name typed is not kept)";

  private final Path file;
  private final FileChannel writer; // unbuffered: each line is in the file when recorded returns
  private final Set<String> operators;

  private ModerationLog(Path file, FileChannel writer, Set<String> operators) {
    this.file = file;
    this.writer = writer;
    this.operators = Set.copyOf(operators);
  }

  /**
   * Opens (creating it, readable by its owner only, and its directory when missing) the log for
   * appending.
   *
   * @param operators the configured operator names: the only names an /OPER line may show
   */
  public static ModerationLog open(Path file, Set<String> operators) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    if (directory != null) {
      Files.createDirectories(directory);
    }
    if (!Files.exists(file)) {
      Database.createPrivate(file);
    } else {
      makePrivate(file);
    }
    FileChannel writer =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new ModerationLog(file, writer, operators);
  }

  /** A log left readable by others (by an older version) is closed to them. */
  private static void makePrivate(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      Set<PosixFilePermission> owner =
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      if (!owner.containsAll(permissions)) {
        Files.setPosixFilePermissions(file, owner);
        log.info("The moderation log {} was readable by others; now by its owner only", file);
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: its own rules apply
    } catch (IOException e) {
      log.warn("Cannot make the moderation log {} private: {}", file, e.toString());
    }
  }

  @Override
  public void recorded(ModerationAction action) {
    String line = format(withoutUnknownOperator(action));
    log.info("moderation: {}", line.replace('\t', ' '));
    synchronized (this) {
      long before = -1;
      try {
        before = writer.size();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(line + System.lineSeparator());
        while (bytes.hasRemaining()) {
          writer.write(bytes);
        }
      } catch (IOException e) {
        if (before >= 0) {
          try {
            writer.truncate(before); // a line a full disk cut short goes whole: no half line
          } catch (IOException cut) {
            e.addSuppressed(cut);
          }
        }
        log.error("Cannot append to the moderation log {}: {}", file, e.toString());
      }
    }
  }

  /**
   * A refused /OPER for a name that is no operator's, with the name left out. (An accepted one
   * names an operator, or the console, by construction.)
   */
  private ModerationAction withoutUnknownOperator(ModerationAction action) {
    if (action.kind() != ModerationAction.Kind.OPER_REFUSED
        || (action.target() != null && operators.contains(action.target()))) {
      return action;
    }
    return new ModerationAction(
        action.time(),
        action.kind(),
        action.actor(),
        null,
        action.channel(),
        UNKNOWN_OPERATOR,
        action.door());
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
        field(action.reason()),
        field(action.door()));
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
