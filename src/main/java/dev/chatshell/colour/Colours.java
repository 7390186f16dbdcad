package dev.chatshell.colour;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.fusesource.jansi.Ansi;

/**
 * Whether the program's own output on the operator's terminal is coloured, and how: the one place
 * that decides, for the command line ({@code cli}), the server's start and the benchmark ({@code
 * bench}). Print sites ask {@link #out()} or {@link #err()} and wrap their text in {@link #error},
 * {@link #good} and the like, which give the text back unchanged when colour is off.
 *
 * <p>The usual rules: colour only when the stream is a terminal, never when {@code NO_COLOR} is set
 * to anything, {@code TERM} is {@code dumb} or the operator gave {@code --no-color}; so pipes,
 * files and logs get plain text. Output written anywhere but the process's own standard streams (a
 * test's writer, a remote user's session) is never coloured: colour is on only once {@link
 * #forThisProcess} has been called, which {@code Main.main} alone does.
 *
 * <p>Remote users' terminals are not this class's business: the shell renders their colours with
 * JLine from their own terminal's capabilities.
 *
 * <p>Threading: the settings are written once at start-up and read from any thread.
 */
public final class Colours {
  /** Plain text: every method gives its text back unchanged. */
  public static final Colours PLAIN = new Colours(false);

  private static final Colours ON = new Colours(true);

  private static volatile boolean ownStreams;
  private static volatile boolean refused;

  private final boolean on;

  private Colours(boolean on) {
    this.on = on;
  }

  /** Says that System.out and System.err are this program's own output (from {@code main}). */
  public static void forThisProcess() {
    ownStreams = true;
  }

  /** The operator asked for no colour ({@code --no-color}). */
  public static void refuse() {
    refused = true;
  }

  /** Forgets {@link #forThisProcess} and {@link #refuse}: for tests, which share one JVM. */
  static void forget() {
    ownStreams = false;
    refused = false;
  }

  /** Colours on or off, whatever the streams: for tests. */
  static Colours of(boolean on) {
    return on ? ON : PLAIN;
  }

  /** Whether {@code --no-color} was given. */
  public static boolean refused() {
    return refused;
  }

  /** Colours for standard output. */
  public static Colours out() {
    return forStream(1);
  }

  /** Colours for standard error. */
  public static Colours err() {
    return forStream(2);
  }

  private static Colours forStream(int fd) {
    if (!ownStreams) {
      return PLAIN;
    }
    boolean on = wanted(isTerminal(fd), System.getenv("NO_COLOR"), System.getenv("TERM"), refused);
    return on ? ON : PLAIN;
  }

  /**
   * The decision itself.
   *
   * @param terminal whether the stream is a terminal
   * @param noColor the {@code NO_COLOR} environment variable, or {@code null}
   * @param term the {@code TERM} environment variable, or {@code null}
   * @param refused whether {@code --no-color} was given
   */
  static boolean wanted(boolean terminal, String noColor, String term, boolean refused) {
    return terminal
        && (noColor == null || noColor.isEmpty()) // no-color.org: set and not empty means no
        && !"dumb".equals(term)
        && !refused;
  }

  /**
   * Whether file descriptor 1 or 2 is a terminal. On Linux the descriptor's link names its device;
   * elsewhere Java only knows whether standard input and output together are one (then standard
   * error is taken to follow standard output).
   */
  private static boolean isTerminal(int fd) {
    try {
      String device = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      Console console = System.console();
      return console != null && console.isTerminal();
    }
  }

  /** Whether this colours anything. */
  public boolean on() {
    return on;
  }

  /** Something that failed: red. */
  public String error(String text) {
    return paint(text, a -> a.fgRed());
  }

  /** Something to look at twice: yellow. */
  public String warning(String text) {
    return paint(text, a -> a.fgYellow());
  }

  /** Something that worked: green. */
  public String good(String text) {
    return paint(text, a -> a.fgGreen());
  }

  /** A heading, or the figure that matters most: bold. */
  public String strong(String text) {
    return paint(text, Ansi::bold);
  }

  /** A name the reader may copy or type (an account, a target): cyan. */
  public String name(String text) {
    return paint(text, a -> a.fgCyan());
  }

  /** Detail the reader can skip (paths, progress): faint. */
  public String faint(String text) {
    return paint(text, a -> a.a(Ansi.Attribute.INTENSITY_FAINT));
  }

  private String paint(String text, UnaryOperator<Ansi> style) {
    if (!on || text.isEmpty()) {
      return text;
    }
    // new Ansi(), not Ansi.ansi(): the latter follows Jansi's global switch, which is not ours.
    return style.apply(new Ansi()).a(text).reset().toString();
  }
}
