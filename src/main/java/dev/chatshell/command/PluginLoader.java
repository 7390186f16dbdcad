package dev.chatshell.command;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds command plugins: every {@code *.jar} in a directory that lists {@link ChatCommand}
 * implementations in {@code META-INF/services/dev.chatshell.command.ChatCommand}. Each jar gets its
 * own class loader (the server's classes are its parent). A jar that is not a jar, or whose
 * commands cannot be loaded, is skipped with a logged reason; the server starts anyway.
 */
public final class PluginLoader {
  private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

  private static final Duration LOAD_TIME = Duration.ofSeconds(10);

  private PluginLoader() {}

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      log.debug("closing a plugin class loader: {}", e.toString());
    }
  }

  /** The commands the jars in {@code directory} provide; none when it does not exist. */
  public static List<ChatCommand> load(Path directory) {
    return load(directory, LOAD_TIME);
  }

  /**
   * The commands of the jars in {@code directory}, then those of the {@code example} jar the build
   * makes (null: none), so a fresh checkout has a plugin to try. The example is skipped when it is
   * missing (not built) or the directory holds a jar of the same name (copied there by hand).
   */
  public static List<ChatCommand> loadWithExample(Path directory, Path example) {
    List<ChatCommand> commands = new ArrayList<>(load(directory));
    if (example != null
        && Files.isRegularFile(example)
        && !Files.exists(directory.resolve(example.getFileName()))) {
      commands.addAll(loadWithin(example, LOAD_TIME));
    }
    return commands;
  }

  /** As {@link #load(Path)}, giving each jar at most {@code limit} to load. */
  static List<ChatCommand> load(Path directory, Duration limit) {
    List<ChatCommand> commands = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      log.info("No command plugins: {} is not a directory", directory);
      return commands;
    }
    List<Path> jars;
    try (Stream<Path> files = Files.list(directory)) {
      jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      log.warn("Cannot list command plugins in {}: {}", directory, e.toString());
      return commands;
    }
    for (Path jar : jars) {
      commands.addAll(loadWithin(jar, limit));
    }
    return commands;
  }

  /**
   * Loads one jar on a thread of its own, so a plugin that hangs in a constructor or static
   * initializer costs {@code limit} at start-up, not the start-up itself. (Plugins are trusted code
   * otherwise: they run inside the server.)
   */
  private static List<ChatCommand> loadWithin(Path jar, Duration limit) {
    FutureTask<List<ChatCommand>> task = new FutureTask<>(() -> loadJar(jar));
    Thread loader =
        Thread.ofPlatform().name("plugin-" + jar.getFileName()).daemon(true).start(task);
    try {
      return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn(
          "Skipping command plugin {}: still loading after {} s",
          jar.getFileName(),
          limit.toSeconds());
      loader.interrupt();
    } catch (ExecutionException e) {
      log.warn("Skipping command plugin {}: {}", jar.getFileName(), e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return List.of();
  }

  private static List<ChatCommand> loadJar(Path jar) {
    List<ChatCommand> found = new ArrayList<>();
    try (JarFile check = new JarFile(jar.toFile())) {
      check.size(); // opening it proves it is a readable jar
    } catch (IOException e) {
      log.warn(
          "Skipping command plugin {}: not a readable jar ({})", jar.getFileName(), e.getMessage());
      return found;
    }
    URLClassLoader loader;
    try {
      loader =
          new URLClassLoader(new URL[] {jar.toUri().toURL()}, ChatCommand.class.getClassLoader());
    } catch (MalformedURLException e) {
      log.warn("Skipping command plugin {}: {}", jar.getFileName(), e.getMessage());
      return found;
    }
    // The loader stays open while the server runs: the plugin's classes may load more classes.
    Iterator<ChatCommand> providers = ServiceLoader.load(ChatCommand.class, loader).iterator();
    while (true) {
      try {
        if (!providers.hasNext()) {
          break;
        }
        ChatCommand command = providers.next();
        if (command.getClass().getClassLoader() == loader) { // not one the server itself offers
          found.add(command);
        }
      } catch (ServiceConfigurationError | LinkageError e) {
        log.warn("Skipping a command in plugin {}: {}", jar.getFileName(), e.toString());
      }
    }
    if (found.isEmpty()) {
      log.warn("Command plugin {} provides no command", jar.getFileName());
      closeQuietly(loader); // nothing uses its classes: let the jar file go
    } else {
      log.info(
          "Loaded {} command(s) from plugin {}: {}",
          found.size(),
          jar.getFileName(),
          found.stream().map(c -> c.getClass().getSimpleName()).toList());
    }
    return found;
  }
}
