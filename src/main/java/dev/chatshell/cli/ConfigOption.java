package dev.chatshell.cli;

import dev.chatshell.config.ConfigException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option, declared once for every subcommand that reads the server's
 * configuration (a picocli mixin: {@code @Mixin ConfigOption config;}).
 */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Configuration file (default: etc/chatshell.properties in the installation, if present).")
  Path named;

  /**
   * The file to read: the one named (which must exist), else the installation's, else {@code null}
   * for the defaults alone.
   */
  Path file() throws ConfigException {
    return Installation.configFile(named);
  }
}
