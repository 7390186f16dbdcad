package dev.chatshell.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started by {@code test-scripts/support/postgres.sh} in a
 * throwaway directory on a free loopback port. Each {@link #newDatabase()} is a fresh, empty
 * database on it. There is no fallback: without PostgreSQL installed, the tests that need it fail
 * and say what to install.
 *
 * <p>A server takes seconds to start, so test classes normally share one: {@link #shared()} starts
 * it the first time it is asked for and stops it when the JVM exits. {@link #start()} makes a
 * server of one's own, stopped by {@link #close()}.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Path SCRIPT = Path.of("test-scripts", "support", "postgres.sh");
  private static PostgresServer shared;

  private final int port;
  private final String directory;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(int port, String directory) {
    this.port = port;
    this.directory = directory;
  }

  /**
   * The server every test class in this JVM shares, started on the first call and stopped by a
   * shutdown hook when the JVM exits. Do not {@link #close()} it. Tests keep apart by each taking a
   * {@link #newDatabase()}.
   */
  public static synchronized PostgresServer shared() throws IOException, InterruptedException {
    if (shared == null) {
      PostgresServer server = start();
      Runtime.getRuntime()
          .addShutdownHook(
              Thread.ofPlatform()
                  .name("postgres-stop")
                  .unstarted(
                      () -> {
                        try {
                          server.close();
                        } catch (IOException e) {
                          System.err.println("Could not stop the test PostgreSQL: " + e);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      }));
      shared = server;
    }
    return shared;
  }

  /** A server of the caller's own, to be stopped with {@link #close()}. */
  public static PostgresServer start() throws IOException, InterruptedException {
    int port = Processes.freePort();
    Process process =
        new ProcessBuilder("bash", SCRIPT.toString(), "start", String.valueOf(port))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(SCRIPT + " did not start PostgreSQL within 120 s; see above");
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          SCRIPT + " could not start PostgreSQL (exit " + process.exitValue() + "); see above");
    }
    return new PostgresServer(port, out.strip());
  }

  /** A new empty database; returns its JDBC URL (user chatshell, no password). */
  public String newDatabase() throws SQLException {
    String name = "test" + databases.incrementAndGet();
    try (Connection admin = DriverManager.getConnection(url("postgres"), "chatshell", null);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    new ProcessBuilder("bash", SCRIPT.toString(), "stop", directory)
        .inheritIO()
        .start()
        .waitFor(60, TimeUnit.SECONDS);
  }
}
