package dev.chatshell.cli;

import dev.chatshell.Version;
import dev.chatshell.colour.Colours;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code chatshell}: the program's command line. */
@Command(
    name = "chatshell",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = "An IRC-style chat server that needs no client: users connect with telnet.",
    subcommands = {
      ServeCommand.class,
      OperatorLineCommand.class,
      AccountsCommand.class,
      BackupCommand.class,
      dev.chatshell.bench.BenchCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success; for serve, stopped by an operator's /SHUTDOWN.",
      "1:The server failed while running.",
      "2:Bad command line or configuration.",
      "3:The port could not be opened.",
      "4:Another server is running on the same data directory.",
      "130:Stopped by SIGINT (Ctrl-C), after telling users.",
      "143:Stopped by SIGTERM, after telling users."
    })
public final class Main implements Runnable {
  @Spec CommandSpec spec;

  /**
   * {@code --no-color}, accepted before or after any subcommand. Picocli sets it before the command
   * runs, so every print site sees it.
   */
  @Option(
      names = "--no-color",
      scope = ScopeType.INHERIT,
      description =
          "Plain text even on a terminal (as with NO_COLOR set); pipes and files always get plain"
              + " text.")
  void noColor(boolean noColor) {
    if (noColor) {
      Colours.refuse();
    }
  }

  public static void main(String[] args) {
    Colours.forThisProcess(); // standard output and error are the operator's: colour may go there
    plainHelpWhenAsked(args, System.getenv("TERM"));
    System.exit(commandLine().execute(args));
  }

  /**
   * Picocli colours its own help and usage errors, and decides that before {@code --no-color} is
   * parsed; it already follows {@code NO_COLOR}. It is told here to follow {@code --no-color} and a
   * dumb terminal too, as the program's own output does.
   */
  static void plainHelpWhenAsked(String[] args, String term) {
    if (java.util.Arrays.asList(args).contains("--no-color") || "dumb".equals(term)) {
      System.setProperty("picocli.ansi", "false");
    }
  }

  /** The configured command line, also used by tests and the man page check. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main()).setUsageHelpWidth(100);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing a subcommand: try 'chatshell serve'.");
  }
}
