package dev.chatshell.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Captures the server's operational log (SLF4J simple, which looks up {@code System.err} for each
 * line) while it is open, and still passes it on to the test output. Closing restores {@code
 * System.err}.
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  public LogCapture() {
    OutputStream both =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (captured) {
              captured.write(b);
            }
            original.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            synchronized (captured) {
              captured.write(bytes, offset, length);
            }
            original.write(bytes, offset, length);
          }
        };
    System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
  }

  /** Everything logged so far. */
  public String text() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8);
    }
  }

  /** The lines logged so far that contain {@code text}. */
  public List<String> lines(String text) {
    return text().lines().filter(line -> line.contains(text)).toList();
  }

  /** Waits until a logged line contains {@code text}; fails the test after {@code timeout}. */
  public void await(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!text().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never logged: " + text + "\n--- log:\n" + text());
      }
      Thread.sleep(10);
    }
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
