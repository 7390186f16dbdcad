package dev.chatshell.testing;

import java.io.IOException;
import java.net.ServerSocket;
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
 * throwaway directory on a free loopback port, and stopped by {@link #close()}. Each {@link
 * #newDatabase()} is a fresh, empty database on it. There is no fallback: without PostgreSQL
 * installed, the tests that need it fail and say what to install.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Path SCRIPT = Path.of("test-scripts", "support", "postgres.sh");
  private final int port;
  private final String directory;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(int port, String directory) {
    this.port = port;
    this.directory = directory;
  }

  public static PostgresServer start() throws IOException, InterruptedException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Process process =
        new ProcessBuilder("bash", SCRIPT.toString(), "start", String.valueOf(port))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
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
