package dev.chatshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.Database;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code chatshell accounts ...} through the real command line, on a real SQLite database in a
 * temporary installation, held open meanwhile by a second connection the way a running server holds
 * it.
 */
class AccountsCommandTest {
  private static final String OLD = "old password";
  private static final int ITERATIONS = 100_000; // the lowest allowed: keeps the tests quick

  @TempDir Path home;
  private Path config;
  private Path databaseFile;
  private Database server; // what a running server would hold open
  private AccountStore accounts;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void installation() throws Exception {
    Files.createDirectories(home.resolve("etc"));
    config = home.resolve("etc").resolve("chatshell.properties");
    Files.writeString(
        config,
        "data.dir="
            + home.resolve("var").toString().replace("\\", "/")
            + "\n"
            + "accounts.hash-iterations="
            + ITERATIONS
            + "\n");
    databaseFile = home.resolve("var").resolve("chatshell.db");
    server = Database.sqlite(databaseFile);
    accounts = new AccountStore(server);
  }

  @AfterEach
  void closeDatabase() {
    server.close();
  }

  private int run(String... args) {
    return runWithInput(null, args);
  }

  private int runWithInput(String input, String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    if (input != null) {
      AccountsCommand.Reset reset =
          commandLine.getSubcommands().get("accounts").getSubcommands().get("reset").getCommand();
      reset.input = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    }
    return commandLine.execute(args);
  }

  private void create(String name, Instant created) throws Exception {
    assertTrue(accounts.create(name, PasswordHash.hash(OLD.toCharArray(), ITERATIONS), created));
  }

  @Test
  void listSaysSoWhenThereAreNoAccounts() {
    assertEquals(0, run("accounts", "list", "--config", config.toString()), err.toString());
    assertEquals("No accounts.", out.toString().strip());
  }

  @Test
  void listShowsEachAccountOnAnAlignedLineWithItsUtcCreationTime() throws Exception {
    create("alice", Instant.parse("2026-01-02T03:04:05.678Z"));
    create("Bob_the_builder", Instant.parse("2025-12-31T23:59:59Z"));
    accounts.setLocked("bob_the_builder", true);

    assertEquals(0, run("accounts", "list", "--config", config.toString()), err.toString());

    String[] lines = out.toString().split("\\R");
    assertEquals(3, lines.length, out.toString());
    assertTrue(lines[0].matches("NAME +LOCKED +CREATED \\(UTC\\)"), lines[0]);
    assertTrue(lines[1].matches("alice +no +2026-01-02T03:04:05Z"), lines[1]);
    assertTrue(lines[2].matches("Bob_the_builder +yes +2025-12-31T23:59:59Z"), lines[2]);
    for (String column : new String[] {"LOCKED", "CREATED"}) {
      int at = lines[0].indexOf(column);
      assertEquals(at, lines[1].indexOf(column.equals("LOCKED") ? "no" : "2026"), out.toString());
      assertEquals(at, lines[2].indexOf(column.equals("LOCKED") ? "yes" : "2025"), out.toString());
    }
    assertEquals("", err.toString());
  }

  @Test
  void lockAndUnlockChangeTheDatabaseTheRunningServerReads() throws Exception {
    create("alice", Instant.now());

    assertEquals(0, run("accounts", "lock", "ALICE", "--config", config.toString()));
    assertTrue(out.toString().contains("Account alice locked"), out.toString());
    assertTrue(accounts.find("alice").orElseThrow().locked(), "seen through the server's own link");

    assertEquals(0, run("accounts", "lock", "alice", "--config", config.toString()));
    assertTrue(out.toString().contains("already locked"), out.toString());
    assertTrue(accounts.find("alice").orElseThrow().locked());

    assertEquals(0, run("accounts", "unlock", "alice", "--config", config.toString()));
    assertTrue(out.toString().contains("Account alice unlocked"), out.toString());
    assertFalse(accounts.find("alice").orElseThrow().locked());

    assertEquals(0, run("accounts", "unlock", "alice", "--config", config.toString()));
    assertTrue(out.toString().contains("already unlocked"), out.toString());
    assertEquals("", err.toString());
  }

  @Test
  void anUnknownAccountIsExitOneWithAMessageOnStandardError() throws Exception {
    create("alice", Instant.now());
    for (String subcommand : new String[] {"lock", "unlock", "reset"}) {
      assertEquals(
          1,
          runWithInput("x\nx\n", "accounts", subcommand, "nobody", "--config", config.toString()),
          subcommand);
      assertEquals("chatshell: no account nobody", err.toString().strip(), subcommand);
      assertEquals("", out.toString(), subcommand);
    }
    assertFalse(accounts.find("alice").orElseThrow().locked());
  }

  @Test
  void resetStoresAHashOfTheNewPasswordWithTheConfiguredWorkFactor() throws Exception {
    create("alice", Instant.now());

    int code =
        runWithInput(
            "brand new secret\nbrand new secret\n",
            "accounts",
            "reset",
            "Alice",
            "--config",
            config.toString());

    assertEquals(0, code, err.toString());
    assertEquals("New password set for alice.", out.toString().strip());
    String stored = accounts.find("alice").orElseThrow().passwordHash();
    assertTrue(PasswordHash.verify("brand new secret".toCharArray(), stored));
    assertFalse(PasswordHash.verify(OLD.toCharArray(), stored));
    assertEquals(ITERATIONS, PasswordHash.iterations(stored));
    assertFalse(out.toString().contains("brand new secret"));
  }

  @Test
  void resetLeavesALockedAccountLockedAndSaysSo() throws Exception {
    create("alice", Instant.now());
    accounts.setLocked("alice", true);

    assertEquals(
        0,
        runWithInput(
            "long enough\nlong enough\n", "accounts", "reset", "alice", "--config", "" + config));

    assertTrue(out.toString().contains("still locked"), out.toString());
    AccountStore.Account alice = accounts.find("alice").orElseThrow();
    assertTrue(alice.locked());
    assertTrue(PasswordHash.verify("long enough".toCharArray(), alice.passwordHash()));
  }

  @Test
  void resetRefusesDifferentShortOrMissingPasswordsAndChangesNothing() throws Exception {
    create("alice", Instant.now());
    String before = accounts.find("alice").orElseThrow().passwordHash();

    assertEquals(
        2,
        runWithInput(
            "long enough\nlong enougH\n", "accounts", "reset", "alice", "--config", "" + config));
    assertTrue(err.toString().contains("differ"), err.toString());
    assertEquals(
        2, runWithInput("short\nshort\n", "accounts", "reset", "alice", "--config", "" + config));
    assertTrue(err.toString().contains("at least 8"), err.toString());
    assertEquals(
        2, runWithInput("only once\n", "accounts", "reset", "alice", "--config", "" + config));
    assertTrue(err.toString().contains("no password"), err.toString());

    assertEquals(before, accounts.find("alice").orElseThrow().passwordHash());
  }

  @Test
  void withoutConfigOptionTheInstallationsConfigurationIsUsedAsServeDoes() throws Exception {
    create("alice", Instant.now());
    // A relative data.dir starts at the installation directory, wherever the program runs from.
    Files.writeString(config, "data.dir=var\naccounts.hash-iterations=" + ITERATIONS + "\n");
    String before = System.getProperty("chatshell.home");
    System.setProperty("chatshell.home", home.toString());
    try {
      assertEquals(0, run("accounts", "list"), err.toString());
    } finally {
      if (before == null) {
        System.clearProperty("chatshell.home");
      } else {
        System.setProperty("chatshell.home", before);
      }
    }
    assertTrue(out.toString().contains("alice"), out.toString());
  }

  @Test
  void aMissingEmbeddedDatabaseIsExitOneAndIsNotCreated() throws Exception {
    Path elsewhere = home.resolve("other.properties");
    Files.writeString(
        elsewhere, "data.dir=" + home.resolve("nothing").toString().replace("\\", "/") + "\n");

    assertEquals(1, run("accounts", "list", "--config", elsewhere.toString()));

    assertTrue(err.toString().startsWith("chatshell: no database at "), err.toString());
    assertFalse(Files.exists(home.resolve("nothing")));
  }

  @Test
  void aDatabaseThatCannotBeOpenedIsExitOne() throws Exception {
    Path unreachable = home.resolve("pg.properties");
    Files.writeString(unreachable, "database.url=jdbc:postgresql://127.0.0.1:1/none?user=x\n");

    assertEquals(1, run("accounts", "lock", "alice", "--config", unreachable.toString()));

    assertTrue(err.toString().startsWith("chatshell: Cannot open the database"), err.toString());
  }

  @Test
  void badCommandLinesAndConfigurationsAreExitTwo() {
    assertEquals(2, run("accounts"));
    assertTrue(err.toString().contains("Missing a subcommand"), err.toString());
    assertEquals(2, run("accounts", "lock", "--config", config.toString()));
    assertEquals(2, run("accounts", "list", "--config", home.resolve("none").toString()));
    assertTrue(err.toString().contains("No configuration file"), err.toString());
  }

  @Test
  void helpDescribesEachSubcommand() {
    assertEquals(0, run("accounts", "--help"));
    for (String subcommand : new String[] {"list", "lock", "unlock", "reset"}) {
      assertTrue(out.toString().contains(subcommand), out.toString());
    }
    assertEquals(0, run("accounts", "reset", "--help"));
    assertTrue(out.toString().contains("--config"), out.toString());
    assertTrue(
        out.toString().replaceAll("\\s+", " ").contains("a locked account stays locked"),
        out.toString());
  }
}
