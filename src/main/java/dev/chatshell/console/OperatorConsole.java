package dev.chatshell.console;

import dev.chatshell.shell.SessionManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator console: when the server runs in an interactive terminal, that terminal becomes a
 * session logged in as a server operator, with the same line editor and command table as remote
 * users. While it is open, the server's log is shown above its prompt instead of being written
 * behind the line editor's back.
 */
public final class OperatorConsole {
  private static final Logger log = LoggerFactory.getLogger(OperatorConsole.class);

  private OperatorConsole() {}

  /** True when standard input and output are an interactive terminal. */
  public static boolean available() {
    return System.console() != null && System.console().isTerminal();
  }

  /**
   * Runs the console until the operator leaves it (/BYE or Ctrl-D) or the server stops (/SHUTDOWN,
   * SIGTERM); blocks. Ctrl-C abandons the line being typed, as in any shell, and stops nothing.
   */
  public static void run(SessionManager sessions, String nick) {
    Terminal terminal;
    try {
      terminal = openTerminal(TerminalBuilder.builder().system(true));
    } catch (IOException | IllegalStateException e) {
      log.warn("No operator console: cannot open this terminal ({})", e.toString());
      return;
    }
    PrintStream stderr = System.err;
    System.setErr(new PrintStream(new LogLines(sessions, stderr), true, StandardCharsets.UTF_8));
    try (terminal) {
      sessions.runConsole(new ConsoleConnection(terminal), nick);
    } catch (IOException | RuntimeException e) {
      log.warn("The operator console failed: {}", e.toString());
    } finally {
      System.setErr(stderr);
    }
    if (!sessions.isClosing()) {
      // The terminal is an ordinary one again: Ctrl-C is a signal there, not a key of the editor.
      log.info(
          "Operator console closed; the server keeps running (stop it with Ctrl-C or SIGTERM)");
    }
  }

  /**
   * Builds the console's terminal without querying it. Left to itself, JLine probes a system
   * terminal for grapheme clusters at build time (DECRQM queries and a device-attributes request,
   * {@code ESC [ c}) and waits 200 ms for the answers; a terminal that answers later (a slow
   * emulator, a busy machine at start) has its reply {@code ESC [ ? 1 ; 2 c} read as typed keys,
   * and it lands in the console's first input line. No query means no reply.
   */
  static Terminal openTerminal(TerminalBuilder builder) throws IOException {
    return builder.dumb(false).graphemeCluster(false).build();
  }

  /** Sends each complete log line to the console, or to the real stderr when it is closed. */
  private static final class LogLines extends OutputStream {
    private final SessionManager sessions;
    private final PrintStream fallback;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogLines(SessionManager sessions, PrintStream fallback) {
      this.sessions = sessions;
      this.fallback = fallback;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
        line.reset();
        if (!sessions.showOnConsole(text)) {
          fallback.println(text);
        }
      } else {
        line.write(b);
      }
    }
  }
}
