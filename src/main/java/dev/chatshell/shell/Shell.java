package dev.chatshell.shell;

import java.io.IOException;
import java.util.function.Supplier;
import org.jline.utils.AttributedString;

/**
 * A session's screen and keyboard: a JLine line editor for real terminals, or plain lines for
 * scripts. {@link #readLine} belongs to the session's thread; {@link #print} may be called from
 * another thread while a line is being typed.
 */
interface Shell extends AutoCloseable {
  /**
   * Reads one line. Returns "" when the user abandoned the line (Ctrl-C), {@code null} at end of
   * input.
   *
   * @throws LineTooLongException when the line exceeded the limit (the line is dropped)
   */
  String readLine(String prompt) throws IOException;

  /**
   * Reads a secret (a password): nothing typed is shown by the server and the line is not kept in
   * history. Returns {@code null} at end of input.
   */
  String readSecret(String prompt) throws IOException;

  /** Shows text (one or more lines, without the final line end) above the line being typed. */
  void print(String text) throws IOException;

  /**
   * Shows the session's last lines (a goodbye, the reason it is closed): like {@link #print}, but
   * no prompt is drawn after them, now or later, so the screen ends on them.
   */
  default void printLast(String text) throws IOException {
    print(text);
  }

  /**
   * Brings the prompt of the line being typed up to date. Shells without a chat prompt never call
   * {@code prompt}, so plain sessions pay nothing for it on every delivery.
   */
  void refreshPrompt(Supplier<String> prompt);

  /**
   * Forgets a prompt refreshed while no line was read: the caller is about to read with a prompt
   * made from newer state. A prompt refreshed between the two is kept and shown once reading
   * starts.
   */
  default void forgetRefreshedPrompt() {}

  /**
   * Called once the user is logged in. A line editor then erases each sent chat message from the
   * input line (it comes back formatted from the channel); a plain client stops getting prompts.
   */
  void enterChat();

  /**
   * Rings the terminal's bell, where it has one (a line naming the user arrived). Plain clients get
   * nothing: they are promised no control characters.
   */
  default void beep() throws IOException {}

  /** True when the last line read was abandoned with Ctrl-C (only a line editor knows). */
  default boolean abandoned() {
    return false;
  }

  /** The screen's width in columns, 0 when unknown (plain clients). */
  default int columns() {
    return 0;
  }

  /** True when {@link #beep} can ring anything. */
  default boolean rings() {
    return false;
  }

  /** Styled text as this terminal can show it: escape sequences only where it has colour. */
  String format(AttributedString text);

  /**
   * The colours {@link #format} uses (0 for none): shells with the same count format text the same
   * way, so one formatted line can serve them all.
   */
  int colours();

  @Override
  void close();
}
