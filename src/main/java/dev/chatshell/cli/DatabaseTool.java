package dev.chatshell.cli;

import dev.chatshell.colour.Colours;
import dev.chatshell.config.ConfigException;
import dev.chatshell.config.ServerConfig;
import dev.chatshell.store.Database;
import dev.chatshell.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the offline tools that work on the server's database ({@code chatshell accounts ...}, {@code
 * chatshell backup}) share: the {@code --config} option, finding and loading the configuration the
 * way {@code serve} does (so they open the very database the server uses), and turning failures
 * into a message on standard error and an exit code.
 *
 * <p>One instance per invocation, on the caller's thread. The tools may run while the server runs:
 * SQLite in WAL mode lets a second process read and write (writers wait up to 5 s for each other),
 * and PostgreSQL is built for it.
 */
abstract class DatabaseTool implements Callable<Integer> {
  /** Exit code: no such account, or the database could not be opened, read or written. */
  static final int FAILED = 1;

  /** Exit code: bad command line, configuration or input (such as a password). */
  static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Override
  public final Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ServerConfig settings;
    try {
      settings = ServerConfig.load(config.file(), Installation.home(), Map.of());
    } catch (ConfigException e) {
      err.println(Colours.err().error("chatshell: " + e.getMessage()));
      return BAD_INPUT;
    }
    try {
      return run(settings, spec.commandLine().getOut(), err);
    } catch (StoreException e) {
      err.println(Colours.err().error("chatshell: " + e.getMessage()));
      return FAILED;
    }
  }

  /** The tool's work, once the configuration is loaded; returns the exit code. */
  abstract int run(ServerConfig settings, PrintWriter out, PrintWriter err)
      throws StoreException, IOException;

  /**
   * The configured database, opened as the server opens it (schema brought up to date). A missing
   * embedded file is an error rather than created: it most likely means the wrong configuration.
   */
  static Database open(ServerConfig settings) throws StoreException {
    if (settings.databaseUrl() == null && !Files.isRegularFile(settings.databaseFile())) {
      throw new StoreException(
          "no database at "
              + settings.databaseFile()
              + " (the server creates it when it first starts; is the configuration the"
              + " server's?)",
          null);
    }
    return Database.open(settings.databaseUrl(), settings.databaseFile());
  }
}
