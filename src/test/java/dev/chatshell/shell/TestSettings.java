package dev.chatshell.shell;

import java.time.Duration;
import java.util.List;

/** The shipped defaults as sessions see them, for tests that run sessions or lines. */
final class TestSettings {
  private TestSettings() {}

  /** The defaults, with this treatment of passwords over telnet from other machines. */
  static ShellSettings with(CleartextPasswords cleartext) {
    return flood(2, 10, 20, cleartext);
  }

  /** The defaults, with this flood control: lines a second, burst, and lines that may wait. */
  static ShellSettings flood(double rate, int burst, int queueLines) {
    return flood(rate, burst, queueLines, CleartextPasswords.DEFAULT);
  }

  private static ShellSettings flood(
      double rate, int burst, int queueLines, CleartextPasswords cleartext) {
    return new ShellSettings(
        "chatshell",
        "test",
        List.of(),
        4096,
        1000,
        Duration.ofSeconds(30),
        Duration.ofSeconds(120),
        rate,
        burst,
        queueLines,
        cleartext);
  }

  /** The defaults. */
  static ShellSettings defaults() {
    return with(CleartextPasswords.DEFAULT);
  }
}
