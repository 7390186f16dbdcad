package dev.chatshell.shell;

import java.util.function.Supplier;
import org.jline.utils.AttributedCharSequence;
import org.jline.utils.AttributedString;

/**
 * A shell that only formats, for renderer tests: no terminal, nothing read or printed. With 0
 * colours it is a plain client's (text as it is), with 256 a colour terminal's (ANSI escapes).
 */
final class FormattingShell implements Shell {
  private final int colours;

  FormattingShell(int colours) {
    this.colours = colours;
  }

  static FormattingShell plain() {
    return new FormattingShell(0);
  }

  static FormattingShell colour() {
    return new FormattingShell(256);
  }

  @Override
  public String readLine(String prompt) {
    return null;
  }

  @Override
  public String readSecret(String prompt) {
    return null;
  }

  @Override
  public void print(String text) {}

  @Override
  public void refreshPrompt(Supplier<String> prompt) {}

  @Override
  public void enterChat() {}

  @Override
  public String format(AttributedString text) {
    return colours == 0
        ? text.toString()
        : text.toAnsi(colours, AttributedCharSequence.ForceMode.None);
  }

  @Override
  public int colours() {
    return colours;
  }

  @Override
  public void close() {}
}
