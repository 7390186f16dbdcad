package dev.chatshell.chat;

import java.time.Instant;
import java.util.List;

/**
 * What was said, kept in the database: scrollback for whoever joins a channel, /HISTORY, and the
 * mentions an account missed while away. {@link #record} and {@link #seen} must return at once
 * (they are called on every message and logout, possibly under the domain's lock); the others may
 * be slow and are never called under it.
 */
public interface History {
  /** Nothing is kept. */
  History NONE =
      new History() {
        @Override
        public void record(HistoryEntry entry) {}

        @Override
        public List<HistoryEntry> channel(String channel, Instant since, Instant until, int limit) {
          return List.of();
        }

        @Override
        public List<HistoryEntry> conversation(String account, String other, int limit) {
          return List.of();
        }

        @Override
        public List<HistoryEntry> mentions(String account, Instant since, int limit) {
          return List.of();
        }

        @Override
        public Instant lastSeen(String account) {
          return null;
        }

        @Override
        public void seen(String account, Instant at) {}

        @Override
        public void renamed(String channel, String newName, Instant since, Instant at) {}
      };

  /** Keeps a message; never blocks (under overload, lines may be dropped, never the chat). */
  void record(HistoryEntry entry);

  /**
   * The last {@code limit} lines of a channel said from {@code since} (null: any time) up to before
   * {@code until}, oldest first.
   */
  List<HistoryEntry> channel(String channel, Instant since, Instant until, int limit);

  /** The last {@code limit} private messages between two accounts, oldest first. */
  List<HistoryEntry> conversation(String account, String other, int limit);

  /**
   * The last {@code limit} lines from {@code since} on that mention the account's name, in channels
   * or privately to it, oldest first. Times are whole milliseconds, so a line of the same
   * millisecond as {@code since} counts: better shown twice than missed.
   */
  List<HistoryEntry> mentions(String account, Instant since, int limit);

  /** When the account last logged out, or {@code null}. */
  Instant lastSeen(String account);

  /** Notes when the account logged out; returns at once (it may be stored a moment later). */
  void seen(String account, Instant at);

  /**
   * A channel was renamed at {@code at}: its lines from {@code since} (null: all) now belong to the
   * new name, and lines under the new name from before {@code at} (a gone channel's) are set aside.
   */
  void renamed(String channel, String newName, Instant since, Instant at);

  /** {@link #renamed(String, String, Instant, Instant)} just now. */
  default void renamed(String channel, String newName, Instant since) {
    renamed(channel, newName, since, Instant.now());
  }
}
