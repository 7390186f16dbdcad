package dev.chatshell.cli;

import dev.chatshell.auth.NewPassword;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.colour.Colours;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Asks an operator at the server's own command line for a new password, twice: without echo when
 * standard input is a terminal, else as two lines of the input (for scripts), with no prompt. Only
 * for the program's command line, never for a remote session. One instance per invocation.
 */
final class PasswordPrompt {
  private final InputStream input;
  private BufferedReader lines;

  /**
   * @param input where the lines come from, or {@code null} for the console when there is one and
   *     standard input otherwise
   */
  PasswordPrompt(InputStream input) {
    this.input = input;
  }

  /** A new password, asked twice and compared. The caller closes it (which wipes it). */
  NewPassword askTwice(String prompt) throws IOException {
    return NewPassword.ask(this::ask, prompt);
  }

  /**
   * The new password, asked twice; {@code null} (after saying why on {@code err}) when none was
   * given, the two differ or it is too short. The caller wipes the result.
   */
  char[] askNew(String prompt, PrintWriter err) throws IOException {
    try (NewPassword typed = askTwice(prompt)) {
      switch (typed.outcome()) {
        case NOT_GIVEN ->
            err.println(Colours.err().error("chatshell: no password given; nothing changed"));
        case DIFFERENT ->
            err.println(
                Colours.err().error("chatshell: the two passwords differ; nothing changed"));
        case GIVEN -> {
          if (typed.password().length >= ChatServer.MIN_PASSWORD_LENGTH) {
            return typed.password().clone(); // the copy is the caller's to wipe
          }
          err.println(
              Colours.err()
                  .error(
                      "chatshell: use at least "
                          + ChatServer.MIN_PASSWORD_LENGTH
                          + " characters; nothing changed"));
        }
      }
      return null;
    }
  }

  private char[] ask(String prompt) throws IOException {
    Console console = input == null ? System.console() : null;
    if (console != null && console.isTerminal()) {
      return console.readPassword("%s", prompt);
    }
    if (lines == null) {
      lines =
          new BufferedReader(
              new InputStreamReader(input == null ? System.in : input, StandardCharsets.UTF_8));
    }
    String line = lines.readLine();
    return line == null ? null : line.toCharArray();
  }
}
