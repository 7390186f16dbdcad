package dev.chatshell.store;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.History;
import dev.chatshell.chat.HistoryEntry;
import dev.chatshell.chat.Names;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * History in the database, written in batches so that keeping it costs the chat nothing it would
 * notice: {@link #record} only queues the line; a writer thread stores whatever has queued up, in
 * one transaction, every {@link #FLUSH_EVERY} (or sooner once {@link #BATCH} lines wait). Reads
 * first store what is still queued, so they see every line recorded before them.
 *
 * <p>Under overload (a database slower than the chat for long), lines past {@link #QUEUE} are
 * dropped and counted in the log rather than slowing anyone down.
 *
 * <p>When the database cannot take lines for a while (its disk is full, its server is away), they
 * wait in memory, in order, within the same bound, and are stored once it takes them again, every
 * line once; reads meanwhile show what is stored. Logged once when it starts and once when it ends.
 */
public final class HistoryStore implements History, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HistoryStore.class);
  static final int QUEUE = 100_000;
  static final int BATCH = 1_000;
  static final Duration FLUSH_EVERY = Duration.ofMillis(50);

  /** How often the writer tries again while the database cannot take lines. */
  static final Duration RETRY_EVERY = Duration.ofSeconds(1);

  private static final Duration PRUNE_EVERY = Duration.ofHours(1);
  private static final String FAILED = "The history database is not answering; try again later.";

  private final Database database;
  private final Clock clock;
  private final Duration keep; // zero: forever
  private final ReentrantLock writing = new ReentrantLock(); // one writer at a time, in order
  // Writer passes that have looked at the clock to prune: tests wait on it, not on the wall clock.
  private final AtomicLong prunePasses = new AtomicLong();
  // Logouts not yet stored: written with the next batch, so a departure costs no disk write.
  private final java.util.Map<String, Instant> seen =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final BatchWriter<HistoryEntry> writer;
  private Instant nextPrune; // only the writer thread uses it
  private long seq; // guarded by writing
  // Lines the database could not take yet, oldest first: stored before any queued after them.
  private List<HistoryEntry> held = List.of(); // guarded by writing
  private volatile boolean holding; // since the database last refused lines for want of room

  /**
   * @param keep how long lines are kept; {@link Duration#ZERO} keeps them for ever
   */
  public HistoryStore(Database database, Clock clock, Duration keep) {
    this.database = database;
    this.clock = clock;
    this.keep = keep;
    this.seq = nextSeq(database);
    this.nextPrune = clock.instant();
    this.writer =
        new BatchWriter<HistoryEntry>(
                "history-writer",
                QUEUE,
                () -> holding ? RETRY_EVERY : FLUSH_EVERY,
                log,
                "History is behind: {} lines not kept so far",
                "Writing history",
                this::writePass)
            .start();
  }

  /** Carries on from the last line stored, so lines keep their order across restarts. */
  private static long nextSeq(Database database) {
    try {
      return database.transaction(
          connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT MAX(seq) FROM messages");
                ResultSet row = select.executeQuery()) {
              return row.next() ? row.getLong(1) + 1 : 0;
            }
          });
    } catch (StoreException e) {
      throw new ChatException(FAILED);
    }
  }

  @Override
  public void record(HistoryEntry entry) {
    writer.offer(entry);
  }

  /** One pass of the writer thread: the lines gathered since the last, then pruning when due. */
  private void writePass() throws StoreException {
    if (holding || !writer.isEmpty() || !seen.isEmpty()) {
      flush();
    }
    Instant now = clock.instant();
    if (!keep.isZero() && now.isAfter(nextPrune)) {
      // Due again an hour from when this one started, whether it succeeds or not: a database
      // that cannot take it (a full disk) is not asked again, and logged, every 50 ms.
      nextPrune = now.plus(PRUNE_EVERY);
      prune(now);
    }
    prunePasses.incrementAndGet();
  }

  /**
   * Stores everything queued now, in order; what the database cannot take now is held for the next
   * try. Never fails: a read that calls it shows what is stored.
   */
  private void flush() {
    writing.lock();
    try {
      if (!held.isEmpty()) {
        List<HistoryEntry> retried = held;
        held = List.of();
        if (!store(retried)) {
          return;
        }
      }
      List<HistoryEntry> batch = new ArrayList<>();
      while (writer.drainTo(batch, BATCH) > 0) {
        if (!store(batch)) {
          return;
        }
        batch = new ArrayList<>();
      }
      if (writeSeen() && holding) {
        holding = false;
        log.info("History: the database takes lines again; every waiting line is stored");
      }
    } finally {
      writing.unlock();
    }
  }

  /**
   * Stores lines in order, each in exactly one committed transaction, or none. Returns false when
   * the database could not take them now: those not stored are held, to be tried again first.
   */
  private boolean store(List<HistoryEntry> lines) {
    try {
      insert(lines);
      return true;
    } catch (StoreException e) {
      if (e.unavailable()) {
        hold(lines, 0, e);
        return false;
      }
      // One bad line must not take the others with it: store them one by one, skipping it.
      log.warn("History batch failed ({}); storing its lines one by one", e.getMessage());
    }
    for (int i = 0; i < lines.size(); i++) {
      HistoryEntry entry = lines.get(i);
      try {
        insert(List.of(entry));
      } catch (StoreException lost) {
        if (lost.unavailable()) {
          hold(lines, i, lost);
          return false;
        }
        log.error("History line from {} not kept: {}", entry.nick(), lost.getMessage());
      }
    }
    return true;
  }

  /** Keeps {@code lines} from {@code from} on for the next try. Called holding {@code writing}. */
  private void hold(List<HistoryEntry> lines, int from, StoreException why) {
    held = new ArrayList<>(lines.subList(from, lines.size()));
    if (!holding) {
      holding = true;
      log.warn(
          "History cannot be stored for now ({}); lines wait in memory, up to {}, and are stored"
              + " once the database takes them again",
          why.getMessage(),
          QUEUE);
    }
  }

  private void insert(List<HistoryEntry> batch) throws StoreException {
    database.transaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO messages (at, seq, channel_key, channel, nick, account_key,"
                      + " account, recipients, recipient_accounts, text, closed)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (HistoryEntry entry : batch) {
              insert.setLong(1, entry.time().toEpochMilli());
              insert.setLong(2, seq++);
              insert.setString(3, entry.channel() == null ? null : Names.key(entry.channel()));
              insert.setString(4, entry.channel());
              insert.setString(5, entry.nick());
              insert.setString(6, entry.account() == null ? null : Names.key(entry.account()));
              insert.setString(7, entry.account());
              insert.setString(8, entry.isPrivate() ? String.join(";", entry.to()) : null);
              insert.setString(9, entry.isPrivate() ? listed(entry.toAccounts()) : null);
              insert.setString(10, entry.text());
              insert.setBoolean(11, entry.closed());
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  /** Stores the logouts noted; false when the database could not take them now (they wait). */
  private boolean writeSeen() {
    if (seen.isEmpty()) {
      return true;
    }
    java.util.Map<String, Instant> now = new java.util.HashMap<>();
    for (String account : List.copyOf(seen.keySet())) {
      Instant at = seen.remove(account);
      if (at != null) {
        now.put(account, at);
      }
    }
    try {
      database.transaction(
          connection -> {
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE accounts SET last_seen = ? WHERE name_key = ?")) {
              for (java.util.Map.Entry<String, Instant> entry : now.entrySet()) {
                update.setLong(1, entry.getValue().toEpochMilli());
                update.setString(2, entry.getKey());
                update.addBatch();
              }
              update.executeBatch();
            }
            return null;
          });
      return true;
    } catch (StoreException e) {
      if (!e.unavailable()) {
        log.error("Last-seen times of {} accounts not kept: {}", now.size(), e.getMessage());
        return true;
      }
      now.forEach(seen::putIfAbsent); // a logout noted since is newer: it wins
      return false;
    }
  }

  /** Account names as {@code ;Alice;Bob;}, so one is found with LOWER(...) LIKE '%;alice;%'. */
  private static String listed(List<String> accounts) {
    StringBuilder joined = new StringBuilder(";");
    for (String account : accounts) {
      joined.append(account).append(';');
    }
    return joined.toString();
  }

  private void prune(Instant now) throws StoreException {
    long before = now.minus(keep).toEpochMilli();
    int deleted =
        database.transaction(
            connection -> {
              try (PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM messages WHERE at < ?")) {
                delete.setLong(1, before);
                return delete.executeUpdate();
              }
            });
    if (deleted > 0) {
      log.info("History: {} lines older than {} days removed", deleted, keep.toDays());
    }
  }

  private static final String COLUMNS =
      "SELECT at, channel, nick, account, recipients, recipient_accounts, text, closed"
          + " FROM messages";

  @Override
  public List<HistoryEntry> channel(String channel, Instant since, Instant until, int limit) {
    return read(
        COLUMNS
            + " WHERE channel_key = ? AND at >= ? AND at < ? ORDER BY at DESC, seq DESC LIMIT ?",
        Names.key(channel),
        since == null ? Long.MIN_VALUE : since.toEpochMilli(),
        millisUpTo(until),
        limit);
  }

  /**
   * The first stored millisecond not before {@code until}. Times are stored to the millisecond, so
   * a line said earlier in the same millisecond as {@code until} (a join that follows it at once)
   * is kept in: such a joiner may see it twice, never not at all.
   */
  private static long millisUpTo(Instant until) {
    long millis = until.toEpochMilli();
    return until.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }

  @Override
  public List<HistoryEntry> conversation(String account, String other, int limit) {
    String me = Names.key(account);
    String them = Names.key(other);
    return read(
        COLUMNS
            + " WHERE channel_key IS NULL AND ((account_key = ? AND LOWER(recipient_accounts)"
            + " LIKE ? ESCAPE '!') OR (account_key = ? AND LOWER(recipient_accounts) LIKE ?"
            + " ESCAPE '!'))"
            + " ORDER BY at DESC, seq DESC LIMIT ?",
        me,
        "%;" + likeEscaped(them) + ";%",
        them,
        "%;" + likeEscaped(me) + ";%",
        limit);
  }

  @Override
  public List<HistoryEntry> mentions(String account, Instant since, int limit) {
    String me = Names.key(account);
    // LIKE narrows it down in the database; the word match is made here. Up to CANDIDATES lines
    // are read, so that lines where the name is only part of a word do not crowd out real ones.
    List<HistoryEntry> candidates =
        read(
            COLUMNS
                + " WHERE at >= ? AND closed = FALSE AND (account_key IS NULL OR account_key <> ?)"
                + " AND"
                + " (LOWER(text) LIKE ? ESCAPE '!' OR LOWER(recipient_accounts) LIKE ? ESCAPE '!')"
                + " ORDER BY at DESC, seq DESC LIMIT ?",
            since.toEpochMilli(),
            me,
            "%" + likeEscaped(me) + "%",
            "%;" + likeEscaped(me) + ";%",
            Math.max(CANDIDATES, limit));
    Pattern word =
        Pattern.compile(
            "(?<![A-Za-z0-9_\\-\\[\\]\\\\`^{}|])"
                + Pattern.quote(account)
                + "(?![A-Za-z0-9_\\-\\[\\]\\\\`^{}|])",
            Pattern.CASE_INSENSITIVE);
    List<HistoryEntry> found = new ArrayList<>();
    for (HistoryEntry entry : candidates) {
      // A private line counts only when sent to the account: others' private lines that name it
      // are none of its business.
      boolean mine =
          entry.isPrivate()
              ? entry.toAccounts().stream().anyMatch(a -> Names.key(a).equals(me))
              : word.matcher(entry.text()).find();
      if (mine) {
        found.add(entry);
      }
    }
    return found.subList(Math.max(0, found.size() - limit), found.size());
  }

  /** Lines read to find the last mentions among lines that only contain the name. */
  private static final int CANDIDATES = 1_000;

  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** Runs a query over the messages, newest first, and returns them oldest first. */
  private List<HistoryEntry> read(String sql, Object... parameters) {
    try {
      flush();
      List<HistoryEntry> entries =
          database.transaction(
              connection -> {
                List<HistoryEntry> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                  for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                  }
                  try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                      rows.add(entry(row));
                    }
                  }
                }
                return rows;
              });
      Collections.reverse(entries);
      return entries;
    } catch (StoreException e) {
      log.error("Reading history: {}", e.getMessage(), e);
      throw new ChatException(FAILED);
    }
  }

  private static HistoryEntry entry(ResultSet row) throws SQLException {
    String recipients = row.getString(5);
    String recipientAccounts = row.getString(6);
    return new HistoryEntry(
        Instant.ofEpochMilli(row.getLong(1)),
        row.getString(2),
        row.getString(3),
        row.getString(4),
        recipients == null ? List.of() : Arrays.asList(recipients.split(";")),
        recipientAccounts == null
            ? List.of()
            : Arrays.stream(recipientAccounts.split(";")).filter(s -> !s.isEmpty()).toList(),
        row.getString(7),
        row.getBoolean(8));
  }

  @Override
  public Instant lastSeen(String account) {
    try {
      flush();
      return database.transaction(
          connection -> {
            try (PreparedStatement select =
                connection.prepareStatement("SELECT last_seen FROM accounts WHERE name_key = ?")) {
              select.setString(1, Names.key(account));
              try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                  return null;
                }
                long at = row.getLong(1);
                return row.wasNull() ? null : Instant.ofEpochMilli(at);
              }
            }
          });
    } catch (StoreException e) {
      log.error("Reading history: {}", e.getMessage(), e);
      throw new ChatException(FAILED);
    }
  }

  @Override
  public void seen(String account, Instant at) {
    seen.put(Names.key(account), at); // stored by the writer, with the next batch
  }

  @Override
  public void renamed(String channel, String newName, Instant since, Instant at) {
    flush();
    if (Names.key(channel).equals(Names.key(newName))) {
      return; // only the case changed: the lines are found by key already
    }
    // Lines already under the new name belong to a channel of that name that is gone (a rename
    // onto a live channel's name is refused): they are set aside so they never show as this one's.
    long before = at.toEpochMilli(); // lines said under the new name since are this channel's
    try {
      database.transaction( // both or neither: "nothing was changed" must be true on failure
          connection -> {
            try (PreparedStatement aside =
                    connection.prepareStatement(
                        "UPDATE messages SET channel_key = ? WHERE channel_key = ? AND at < ?");
                PreparedStatement move =
                    connection.prepareStatement(
                        "UPDATE messages SET channel_key = ?, channel = ? WHERE channel_key = ?"
                            + " AND at >= ?")) {
              aside.setString(1, Names.key(newName) + " (gone before " + before + ")");
              aside.setString(2, Names.key(newName));
              aside.setLong(3, before);
              aside.executeUpdate();
              move.setString(1, Names.key(newName));
              move.setString(2, newName);
              move.setString(3, Names.key(channel));
              move.setLong(4, since == null ? Long.MIN_VALUE : since.toEpochMilli());
              move.executeUpdate();
            }
            return null;
          });
    } catch (StoreException e) {
      throw Database.failure(log, "History", e);
    }
  }

  /** How many times the writer has decided whether to prune, by the clock it read then. */
  long prunePasses() {
    return prunePasses.get();
  }

  /** Stores what is still queued and stops the writer. */
  @Override
  public void close() {
    writer.close();
    flush();
    writing.lock();
    try {
      int lost = held.size() + writer.size();
      if (lost > 0) {
        log.error(
            "History: {} lines not stored before stopping: the database did not take them", lost);
      }
    } finally {
      writing.unlock();
    }
  }
}
