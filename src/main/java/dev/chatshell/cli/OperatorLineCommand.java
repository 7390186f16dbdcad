package dev.chatshell.cli;

import dev.chatshell.Version;
import dev.chatshell.auth.NewPassword;
import dev.chatshell.auth.PasswordHash;
import dev.chatshell.colour.Colours;
import dev.chatshell.config.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
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
      err.println(
          Colours.err().error("chatshell: an operator name is 1-32 letters, digits, _ or -"));
      return 2;
    }
    try (NewPassword typed = new PasswordPrompt(null).askTwice("Password for " + name + ": ")) {
      switch (typed.outcome()) {
        case NOT_GIVEN -> err.println(Colours.err().error("chatshell: no password given"));
        case DIFFERENT ->
            err.println(
                Colours.err().error("chatshell: the two passwords differ; nothing printed"));
        case GIVEN -> {
          if (typed.password().length < MIN_LENGTH) {
            err.println(
                Colours.err().error("chatshell: use at least " + MIN_LENGTH + " characters"));
          } else {
            String hash = PasswordHash.hash(typed.password());
            out.println(Colours.out().strong(ServerConfig.OPERATOR_PREFIX + name) + "=" + hash);
            return 0;
          }
        }
      }
      return 2;
    }
  }
}
