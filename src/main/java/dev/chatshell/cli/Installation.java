package dev.chatshell.cli;

import dev.chatshell.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the program is installed, and which configuration file it reads: for every subcommand. */
final class Installation {
  private Installation() {}

  /** The installation directory: set by the launcher, else the working directory. */
  static Path home() {
    return Path.of(System.getProperty("chatshell.home", ".")).toAbsolutePath().normalize();
  }

  /**
   * The configuration file: the one named by {@code --config} (which must exist), else the
   * installation's {@code etc/chatshell.properties} when there is one, else none (the defaults).
   */
  static Path configFile(Path option) throws ConfigException {
    if (option != null) {
      if (!Files.isRegularFile(option)) {
        throw new ConfigException("No configuration file at " + option);
      }
      return option;
    }
    Path installed = home().resolve("etc").resolve("chatshell.properties");
    return Files.isRegularFile(installed) ? installed : null;
  }
}
