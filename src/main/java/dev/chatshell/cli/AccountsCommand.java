package dev.chatshell.cli;

import dev.chatshell.Version;
import dev.chatshell.auth.PasswordHash;
import dev.chatshell.colour.Colours;
import dev.chatshell.config.ServerConfig;
import dev.chatshell.store.AccountStore;
import dev.chatshell.store.AccountStore.Account;
import dev.chatshell.store.Database;
import dev.chatshell.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chatshell accounts list|lock|unlock|reset}: the operator's offline tools for registered
 * accounts, on the database the configuration names. They work whether the server runs or not: the
 * server reads an account from the database at each login, so a change counts from the next login
 * (a session already logged in is left alone).
 */
@Command(
    name = "accounts",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    description = {
      "List, lock, unlock or set a new password for registered accounts, in the server's"
          + " database (while it runs or not; changes count from the next login)."
    },
    subcommands = {
      AccountsCommand.ListAccounts.class,
      AccountsCommand.Lock.class,
      AccountsCommand.Unlock.class,
      AccountsCommand.Reset.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Success.",
      "1:No such account, or the database could not be opened or written.",
      "2:Bad command line, configuration or password."
    })
final class AccountsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing a subcommand: list, lock, unlock or reset.");
  }

  /** {@code accounts list}: one aligned line per account. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = Version.Provider.class,
      description = "List the accounts: name, whether locked, and when created (UTC).")
  static final class ListAccounts extends DatabaseTool {
    @Override
    int run(ServerConfig settings, PrintWriter out, PrintWriter err) throws StoreException {
      List<Account> accounts;
      try (Database database = open(settings)) {
        accounts = new AccountStore(database).list();
      }
      if (accounts.isEmpty()) {
        out.println("No accounts.");
        return 0;
      }
      int width = "NAME".length();
      for (Account account : accounts) {
        width = Math.max(width, account.name().length());
      }
      // Padded first, coloured after: escape sequences take no room on the screen.
      String name = "%-" + width + "s";
      Colours colours = Colours.out();
      out.println(
          colours.strong(
              String.format(name, "NAME")
                  + "  "
                  + String.format("%-6s", "LOCKED")
                  + "  CREATED (UTC)"));
      for (Account account : accounts) {
        String locked = String.format("%-6s", account.locked() ? "yes" : "no");
        out.println(
            colours.name(String.format(name, account.name()))
                + "  "
                + (account.locked() ? colours.warning(locked) : locked)
                + "  "
                + DateTimeFormatter.ISO_INSTANT.format(
                    account.created().truncatedTo(ChronoUnit.SECONDS)));
      }
      return 0;
    }
  }

  /** What {@code lock}, {@code unlock} and {@code reset} share: one named account. */
  abstract static class OneAccount extends DatabaseTool {
    @Parameters(paramLabel = "NAME", description = "The account's name (in any case).")
    String name;

    @Override
    final int run(ServerConfig settings, PrintWriter out, PrintWriter err)
        throws StoreException, IOException {
      try (Database database = open(settings)) {
        AccountStore store = new AccountStore(database);
        Optional<Account> account = store.find(name);
        if (account.isEmpty()) {
          return noAccount(err);
        }
        return change(settings, store, account.get(), out, err);
      }
    }

    abstract int change(
        ServerConfig settings,
        AccountStore store,
        Account account,
        PrintWriter out,
        PrintWriter err)
        throws StoreException, IOException;

    int noAccount(PrintWriter err) {
      err.println(Colours.err().error("chatshell: no account " + name));
      return FAILED;
    }
  }

  /** {@code accounts lock NAME}. */
  @Command(
      name = "lock",
      mixinStandardHelpOptions = true,
      versionProvider = Version.Provider.class,
      description =
          "Lock an account: its password is refused from the next login on (a session already"
              + " logged in stays). Its channels stay registered.")
  static final class Lock extends OneAccount {
    @Override
    int change(
        ServerConfig settings,
        AccountStore store,
        Account account,
        PrintWriter out,
        PrintWriter err)
        throws StoreException {
      return setLocked(store, account, true, out, err);
    }
  }

  /** {@code accounts unlock NAME}. */
  @Command(
      name = "unlock",
      mixinStandardHelpOptions = true,
      versionProvider = Version.Provider.class,
      description = "Unlock an account: its password is accepted again from the next login on.")
  static final class Unlock extends OneAccount {
    @Override
    int change(
        ServerConfig settings,
        AccountStore store,
        Account account,
        PrintWriter out,
        PrintWriter err)
        throws StoreException {
      return setLocked(store, account, false, out, err);
    }
  }

  private static int setLocked(
      AccountStore store, Account account, boolean locked, PrintWriter out, PrintWriter err)
      throws StoreException {
    String done = locked ? "locked" : "unlocked";
    if (account.locked() == locked) {
      out.println("Account " + account.name() + " was already " + done + ".");
      return 0;
    }
    if (!store.setLocked(account.name(), locked)) {
      err.println(Colours.err().error("chatshell: no account " + account.name()));
      return DatabaseTool.FAILED; // deleted meanwhile
    }
    out.println(
        Colours.out().good("Account " + account.name() + " " + done)
            + " (from its next login on).");
    return 0;
  }

  /** {@code accounts reset NAME}. */
  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      versionProvider = Version.Provider.class,
      description = {
        "Give an account a new password, asked twice (not echoed; read as two lines of standard"
            + " input when it is not a terminal), at least 8 characters. Only the password"
            + " changes: a locked account stays locked (see unlock)."
      })
  static final class Reset extends OneAccount {
    /** Where the password lines come from; {@code null}: the terminal, else standard input. */
    InputStream input;

    @Override
    int change(
        ServerConfig settings,
        AccountStore store,
        Account account,
        PrintWriter out,
        PrintWriter err)
        throws StoreException, IOException {
      char[] password =
          new PasswordPrompt(input).askNew("New password for " + account.name() + ": ", err);
      if (password == null) {
        return BAD_INPUT;
      }
      String hash;
      try {
        hash = PasswordHash.hash(password, settings.passwordIterations());
      } finally {
        PasswordHash.wipe(password);
      }
      if (!store.setPassword(account.name(), hash)) {
        return noAccount(err); // deleted meanwhile
      }
      out.println(
          Colours.out().good("New password set for " + account.name())
              + (account.locked()
                  ? "; the account is still locked (chatshell accounts unlock "
                      + account.name()
                      + ")."
                  : "."));
      return 0;
    }
  }
}
