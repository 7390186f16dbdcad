package dev.chatshell.cli;

import dev.chatshell.Version;
import dev.chatshell.auth.PasswordHash;
import dev.chatshell.config.ServerConfig;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chatshell operator-line <name>}: asks for a new operator's password (twice, not echoed)
 * and prints the configuration line to paste into {@code chatshell.properties}. Nothing is written
 * anywhere: the operator decides where the line goes.
 */
@Command(
    name = "operator-line",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = {
      "Ask for a new server operator's password and print the line to paste into"
          + " etc/chatshell.properties (a slow salted hash, never the password)."
    })
final class OperatorLineCommand implements Callable<Integer> {
  private static final int MIN_LENGTH = 8;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The operator's name, as typed after /OPER.")
  String name;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!ServerConfig.OPERATOR_NAME.matcher(name).matches()) {
      err.println("chatshell: an operator name is 1-32 letters, digits, _ or -");
      return 2;
    }
    char[] password = ask("Password for " + name + ": ");
    char[] again = ask("Again: ");
    try {
      if (password == null || again == null) {
        err.println("chatshell: no password given");
        return 2;
      }
      if (!Arrays.equals(password, again)) {
        err.println("chatshell: the two passwords differ; nothing printed");
        return 2;
      }
      if (password.length < MIN_LENGTH) {
        err.println("chatshell: use at least " + MIN_LENGTH + " characters");
        return 2;
      }
      out.println(ServerConfig.OPERATOR_PREFIX + name + "=" + PasswordHash.hash(password));
      return 0;
    } finally {
      if (password != null) {
        PasswordHash.wipe(password);
      }
      if (again != null) {
        PasswordHash.wipe(again);
      }
    }
  }

  private BufferedReader stdin;

  /** Reads a password without echo from the terminal, or a line from standard input (scripts). */
  private char[] ask(String prompt) throws IOException {
    Console console = System.console();
    if (console != null && console.isTerminal()) {
      return console.readPassword("%s", prompt);
    }
    if (stdin == null) {
      stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    String line = stdin.readLine();
    return line == null ? null : line.toCharArray();
  }
}
