package dev.chatshell.testing;

import java.time.Duration;

/**
 * What a test client has been shown, as text, and the wait for what a test expects next: {@link
 * #expect} looks after what earlier expects consumed, so a test reads a conversation in order.
 */
public final class ExpectedText {
  private final StringBuilder text = new StringBuilder();
  private int consumed;

  /** More text came. */
  public synchronized void append(String more) {
    text.append(more);
    notifyAll();
  }

  /** All the text so far, made again from what came (when it is decoded as a whole). */
  public synchronized void replace(String all) {
    text.setLength(0);
    text.append(all);
    notifyAll();
  }

  /** Waits up to {@code wait} for {@code expected} after what was already expected. */
  public synchronized String expect(String expected, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      int at = text.indexOf(expected, consumed);
      if (at >= 0) {
        String upTo = text.substring(consumed, at + expected.length());
        consumed = at + expected.length();
        return upTo;
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new AssertionError(
            "did not see \""
                + expected
                + "\"; after what was expected came:\n"
                + text.substring(consumed));
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  public synchronized String text() {
    return text.toString();
  }
}
