package dev.chatshell.cli;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.chat.ChatServer;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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

  /**
   * The new password, asked twice; {@code null} (after saying why on {@code err}) when none was
   * given, the two differ or it is too short. The caller wipes the result.
   */
  char[] askNew(String prompt, PrintWriter err) throws IOException {
    char[] password = ask(prompt);
    char[] again = password == null ? null : ask("Again: ");
    try {
      if (password == null || again == null) {
        err.println("chatshell: no password given; nothing changed");
        return null;
      }
      if (!Arrays.equals(password, again)) {
        err.println("chatshell: the two passwords differ; nothing changed");
        return null;
      }
      if (password.length < ChatServer.MIN_PASSWORD_LENGTH) {
        err.println(
            "chatshell: use at least "
                + ChatServer.MIN_PASSWORD_LENGTH
                + " characters; nothing changed");
        return null;
      }
      char[] accepted = password;
      password = null; // handed over: not wiped below
      return accepted;
    } finally {
      if (password != null) {
        PasswordHash.wipe(password);
      }
      if (again != null) {
        PasswordHash.wipe(again);
      }
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
