package dev.chatshell.command;

import dev.chatshell.chat.ChatApi;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.User;
import java.util.Optional;

/**
 * What a running command may use: the domain (bound to the user who typed the line), that user, the
 * command table, and a way to answer. The session makes one per typed line ({@code
 * shell.LineContext}), which owns that line's replies; tests use a fake. Replies are queued with
 * the user's other output, so they appear in order and above the prompt.
 */
public interface CommandContext {
  /**
   * The domain, as far as a command may ask it, acting as this context's user (no lifecycle, no
   * logins, no side doors).
   */
  ChatApi chat();

  User user();

  CommandTable commands();

  /** Shows a line of output to the user. */
  void reply(String line);

  /** Shows a line as an error (red where the terminal has colour). */
  void error(String line);

  /**
   * Asks the user for a secret (a password) without showing what they type, and returns it, or
   * {@code null} when they disconnected instead. Only for commands run by the user themselves.
   */
  char[] readSecret(String prompt);

  /** Ends the user's session after their pending output is written. */
  void disconnect(String reason);

  /**
   * Stops the whole server, as SIGTERM does: every user is told {@code reason} (already checked and
   * made visible), then the server closes cleanly. Returns at once; the shutdown runs elsewhere.
   * Contexts that cannot stop a server refuse.
   */
  default void stopServer(String reason) {
    throw new ChatException(
        ChatException.Reason.UNSUPPORTED, "This server cannot be stopped from here.");
  }

  /**
   * The width of the user's screen in columns, for replies laid out to fit it (/HELP); 0 when the
   * session does not know it (plain line clients).
   */
  default int width() {
    return 0;
  }

  /**
   * The public key the user's session proved it holds when it connected (SSH), as an OpenSSH
   * public-key line; empty for other sessions. /KEY ADD and /OPER use it.
   */
  default Optional<String> sessionKey() {
    return Optional.empty();
  }

  /** The door of the user's session: {@code "telnet"}, {@code "ssh"}, {@code "console"}. */
  default String transport() {
    return "telnet";
  }

  /** The user's privilege where they are now. */
  default Privilege privilege() {
    return Privilege.of(user());
  }
}
