package dev.chatshell.shell;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.EventSink;
import dev.chatshell.chat.Text;
import dev.chatshell.chat.User;
import dev.chatshell.transport.Connection;
import java.io.IOError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A connection's way in, up to a logged-in {@link User}: the banner and the message of the day, the
 * nickname prompt, and the password of a registered nick. Nothing else writes to the screen
 * meanwhile, so what it shows is written straight to the shell, not queued.
 *
 * <p>Threading: the session's thread only.
 */
final class Login {
  private final ShellSettings settings;
  private final ChatServer chat;
  private final Connection connection;
  private final EventSink outbox; // where the user's events go once they are in
  private final FloodControl flood;
  private final SessionEnd end;

  Login(
      SessionServices services,
      Connection connection,
      EventSink outbox,
      FloodControl flood,
      SessionEnd end) {
    this.settings = services.settings();
    this.chat = services.chat();
    this.connection = connection;
    this.outbox = outbox;
    this.flood = flood;
    this.end = end;
  }

  /** The banner and the message of the day, written before negotiation so they show at once. */
  void greet() throws IOException {
    StringBuilder text = new StringBuilder();
    String program = "chatshell " + settings.version();
    String name = settings.serverName();
    text.append(name.equals("chatshell") ? program : Text.visible(name) + " (" + program + ")")
        .append(": IRC-style chat, no client needed.\n");
    for (String line : settings.motd()) {
      text.append(Text.visible(line)).append('\n');
    }
    OutputStream out = connection.output();
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * Asks for a nickname (and the password of a registered one) until the user is in; {@code null}
   * when they went away first.
   */
  User logIn(Shell shell) throws IOException {
    Optional<String> asked = connection.requestedNick();
    if (asked.isPresent() && !end.leaving()) {
      User user = logInAsAsked(shell, asked.get());
      if (user != null) {
        return user;
      }
    }
    while (!end.leaving()) {
      String line;
      try {
        line = shell.readLine("Nickname: ");
      } catch (LineTooLongException e) {
        show(shell, Reply.of("That is far too long for a nickname.", true));
        continue;
      }
      if (line == null) {
        return null;
      }
      String nick = line.strip();
      if (nick.isEmpty()) {
        continue;
      }
      flood.throttle(warning -> show(shell, Reply.of(warning, true)));
      try {
        if (chat.account(nick).isEmpty()) {
          return chat.connect(nick, connection.remoteAddress(), outbox);
        }
        User account = logInToAccount(shell, nick);
        if (account != null) {
          return account;
        }
        if (!connection.isOpen()) {
          return null;
        }
      } catch (ChatException e) {
        show(shell, Reply.of(e.getMessage(), true));
      }
    }
    return null;
  }

  /**
   * Logs in under the nick the door was given (the SSH user name): at once when it is free, or when
   * the door proved the account's holder (password or key); otherwise shows why not, in the words
   * telnet users get, and returns {@code null} so the shell asks for a nick.
   */
  private User logInAsAsked(Shell shell, String nick) {
    try {
      Optional<String> proven = connection.provenAccount();
      if (proven.isPresent()) {
        return chat.loginProven(proven.get(), connection.remoteAddress(), outbox);
      }
      if (chat.account(nick).isEmpty()) {
        return chat.connect(nick, connection.remoteAddress(), outbox);
      }
      show(
          shell,
          Reply.of(
              chat.account(nick).orElse(nick)
                  + " is a registered nick: log in with its password or one of its keys, or"
                  + " choose another nick.",
              true));
    } catch (ChatException e) {
      show(shell, Reply.of(e.getMessage(), true));
    }
    return null;
  }

  /**
   * Asks for the password of a registered nick and logs in to its account; {@code null} when the
   * user gave up (Ctrl-C: back to the nickname prompt) or went away.
   */
  private User logInToAccount(Shell shell, String nick) throws IOException {
    String account = chat.account(nick).orElse(nick);
    CleartextPasswords cleartext = settings.cleartextPasswords();
    if (cleartext.refuses(connection)) {
      // Before anything is typed: the point is that no password crosses the network in the clear.
      show(shell, Reply.of(account + " is a registered nick. " + cleartext.refusal(account), true));
      return null; // back to the nickname prompt: an unregistered nick still comes in
    }
    // Say why a password is asked, and the way out, before asking it (irssi users expect a nick).
    show(
        shell,
        Reply.of(
            account
                + " is a registered nick: type its password, or an empty line to choose another"
                + " nick.",
            false));
    String warning = cleartext.warning(connection, account);
    if (warning != null) {
      show(shell, Reply.of(warning, false)); // not an error: the login goes on
    }
    String typed;
    try {
      typed = shell.readSecret("Password: ");
    } catch (LineTooLongException e) {
      throw new ChatException(ChatException.Reason.INVALID, "That is far too long for a password.");
    }
    if (typed == null || typed.isEmpty()) {
      return null; // given up (Ctrl-C, or just Enter): back to the nickname prompt
    }
    char[] password = typed.toCharArray();
    try {
      return chat.login(nick, password, connection.remoteAddress(), outbox);
    } finally {
      PasswordHash.wipe(password);
    }
  }

  /** Writes an event straight away: before login nothing else writes to the shell. */
  private void show(Shell shell, ChatEvent event) {
    try {
      shell.print(shell.format(Renderer.render(event, null)));
    } catch (IOException | IOError e) {
      connection.close();
    }
  }
}
