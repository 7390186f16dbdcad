package dev.chatshell.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The chatshell server's JVM options: {@code etc/jvm.options} of the installation, one option a
 * line with {@code #} comments, the one place both the launcher ({@code bin/chatshell serve}) and
 * the bench (for the chatshell server it starts) take them from, so that the server measured is the
 * server run. Options given on top ({@code CHATSHELL_JAVA_OPTS}, {@code --server-java-opts}) come
 * after the file's and so win; one that picks a garbage collector drops the file's choice, since
 * the JVM refuses to start with two.
 */
final class JvmOptions {
  static final String FILE = "etc/jvm.options";
  private static final Pattern COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC");

  private JvmOptions() {}

  /** The options of a file's text: a line each, blank lines and lines starting with # left out. */
  static List<String> parse(String text) {
    List<String> options = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String option = line.strip();
      if (!option.isEmpty() && !option.startsWith("#")) {
        options.add(option);
      }
    }
    return options;
  }

  /** The options of {@code home}'s {@code etc/jvm.options}; none when it has no such file. */
  static List<String> read(Path home) {
    Path file = home.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The file's options then the extra ones; when an extra one picks a collector, the file's
   * collector options are left out.
   */
  static List<String> merge(List<String> fromFile, List<String> extra) {
    boolean collectorGiven = extra.stream().anyMatch(o -> COLLECTOR.matcher(o).matches());
    List<String> options = new ArrayList<>();
    for (String option : fromFile) {
      if (!(collectorGiven && COLLECTOR.matcher(option).matches())) {
        options.add(option);
      }
    }
    options.addAll(extra);
    return options;
  }

  /** The installation's directory, as the launcher sets it; else the working directory. */
  static Path home() {
    return Path.of(System.getProperty("chatshell.home", ".")).toAbsolutePath().normalize();
  }
}
