package dev.chatshell.transport;

/**
 * What the transport learned about the client's terminal.
 *
 * @param characterMode true when the client lets the server echo and edit the line (a real
 *     terminal); false for a plain line client that gets no echo and no escape sequences
 * @param type the terminal type the client reported, unchecked, or {@code null}
 * @param columns width, or 0 when unknown
 * @param rows height, or 0 when unknown
 */
public record TerminalInfo(boolean characterMode, String type, int columns, int rows) {
  public static final int MIN_COLUMNS = 20;
  public static final int MAX_COLUMNS = 500;
  public static final int MIN_ROWS = 4;
  public static final int MAX_ROWS = 300;

  /** A width a client reported, brought within sane bounds (a hostile one may say 65535). */
  public static int clampColumns(int columns) {
    return Math.max(MIN_COLUMNS, Math.min(MAX_COLUMNS, columns));
  }

  /** A height a client reported, brought within sane bounds. */
  public static int clampRows(int rows) {
    return Math.max(MIN_ROWS, Math.min(MAX_ROWS, rows));
  }
}
