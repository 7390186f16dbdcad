package dev.chatshell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The program's version, written into the jar by the build. It lives at the root of the packages,
 * beside nothing else, so that both the command line ({@code cli}) and the benchmark ({@code
 * bench}) can name it without importing each other.
 */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@code --version} prints, for every command of the program. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"chatshell " + get(), "Java " + Runtime.version()};
    }
  }
}
