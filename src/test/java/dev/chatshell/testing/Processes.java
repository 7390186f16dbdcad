package dev.chatshell.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Helpers for tests that run the packaged program as a real process. */
public final class Processes {
  private Processes() {}

  /** The repository's root directory (the tests run from it). */
  public static Path root() {
    return Path.of("").toAbsolutePath();
  }

  /** The jar built by {@code mvn package}; integration tests run after it. */
  public static Path jar() {
    Path jar = root().resolve("target/chatshell.jar");
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError("No " + jar + ": run the integration tests with mvn verify");
    }
    return jar;
  }

  /** The java of the JDK running the tests (25 or newer, selected by the build). */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Starts the packaged program's {@code serve} on 127.0.0.1:{@code port}, its output (both
   * streams) going to {@code output}.
   *
   * @param home the installation directory ({@code -Dchatshell.home}, and the working directory),
   *     or null for the repository
   * @param config the configuration file ({@code --config}), or null for the installation's
   */
  public static Process serve(Path home, Path config, int port, Path output) throws IOException {
    return serve(home, config, port, 0, output);
  }

  /**
   * As {@link #serve(Path, Path, int, Path)}, with the SSH door on {@code sshPort} (0: off, as the
   * four-argument form has it, so no test server takes the default port 2222).
   */
  public static Process serve(Path home, Path config, int port, int sshPort, Path output)
      throws IOException {
    return serve(home, config, port, sshPort, 0, 0, output);
  }

  /**
   * As {@link #serve(Path, Path, int, int, Path)}, with IRC on {@code ircPort} and IRC over TLS on
   * {@code ircTlsPort} (0: off, as the shorter forms have them, so no test takes 6667 or 6697).
   */
  public static Process serve(
      Path home, Path config, int port, int sshPort, int ircPort, int ircTlsPort, Path output)
      throws IOException {
    java.util.List<String> command = new java.util.ArrayList<>();
    command.add(java());
    if (home != null) {
      command.add("-Dchatshell.home=" + home);
    }
    command.addAll(java.util.List.of("-jar", jar().toString(), "serve"));
    if (config != null) {
      command.addAll(java.util.List.of("--config", config.toString()));
    }
    command.addAll(
        java.util.List.of(
            "--bind",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--ssh-port",
            String.valueOf(sshPort),
            "--irc-port",
            String.valueOf(ircPort),
            "--irc-tls-port",
            String.valueOf(ircTlsPort),
            "--http-port",
            "0"));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (home != null) {
      builder.directory(home.toFile());
    }
    return builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  /**
   * A port nothing listens on now and that this JVM has not handed out before. The kernel may give
   * the same ephemeral port to two probes in a row once the first is closed, and a test that asks
   * for several ports (telnet, SSH, IRC, IRC over TLS) would then start a server whose doors
   * collide; remembering what was handed out rules that out.
   */
  public static int freePort() throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (ServerSocket socket = new ServerSocket(0)) {
        int port = socket.getLocalPort();
        if (HANDED_OUT.add(port)) {
          return port;
        }
      }
    }
    throw new IOException("no free port that was not handed out before");
  }

  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  /** Waits until something listens on the loopback port, or fails. */
  public static void awaitPort(int port, Duration timeout, Process process)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the server exited with " + process.exitValue());
      }
      try (Socket probe = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("nothing listened on port " + port + " within " + timeout);
  }

  /** True when {@code command} is on the PATH. */
  public static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** Stops a process with SIGTERM, then forcibly if it does not go. */
  public static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
