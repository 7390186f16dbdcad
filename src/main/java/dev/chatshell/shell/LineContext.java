package dev.chatshell.shell;

import dev.chatshell.chat.ChatApi;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.EventSink;
import dev.chatshell.chat.Text;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.CommandTable;
import dev.chatshell.transport.Connection;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one typed line runs with: made by the {@link LineLoop} for the line, thrown away after it.
 * It owns the line's replies: they go out as one {@link Reply} when the line is done, in order with
 * the user's other output. A command that keeps its context and answers later (from a thread of its
 * own) is not lost: once the line is done, each reply goes out at once.
 *
 * <p>Threading: made and finished on the session's thread; replies may come from any thread, the
 * list is guarded by this object's monitor.
 */
final class LineContext implements CommandContext {
  private final SessionServices services;
  private final User user;
  private final ChatApi chat; // bound to the user: a command acts as them and nobody else
  private final Shell shell;
  private final EventSink outbox;
  private final SessionEnd end;
  private List<Reply.Line> replies = new ArrayList<>(); // null once the line is done

  private final Connection connection;
  private boolean warned; // of passwords in the clear, once per line; the session's thread only

  LineContext(
      SessionServices services,
      User user,
      Shell shell,
      EventSink outbox,
      SessionEnd end,
      Connection connection) {
    this.connection = connection;
    this.services = services;
    this.user = user;
    // Bound with the key the client proved it holds (SSH): /OPER may use it, no command can forge
    // it.
    this.chat = services.chat().forUser(user, connection.provenKey().orElse(null));
    this.shell = shell;
    this.outbox = outbox;
    this.end = end;
  }

  /** Sends what the line replied, as one reply; later replies go out one by one. */
  void finish() {
    List<Reply.Line> output;
    synchronized (this) {
      output = replies;
      replies = null;
    }
    if (output != null && !output.isEmpty()) {
      outbox.deliver(new Reply(Instant.now(), List.copyOf(output)));
    }
  }

  @Override
  public ChatApi chat() {
    return chat;
  }

  @Override
  public User user() {
    return user;
  }

  @Override
  public CommandTable commands() {
    return services.commands();
  }

  @Override
  public void reply(String line) {
    say(line, false);
  }

  @Override
  public void error(String line) {
    say(line, true);
  }

  private void say(String line, boolean error) {
    synchronized (this) {
      if (replies != null) {
        replies.add(new Reply.Line(line, error));
        return;
      }
    }
    outbox.deliver(Reply.of(line, error));
  }

  @Override
  public int width() {
    return shell.columns();
  }

  /**
   * Asks for a password (/REGISTER, /OPER, /PASSWD, /NICK to a registered nick) as the login does:
   * over telnet from another machine, refused before anything is typed, or warned of once per line
   * (/REGISTER and /PASSWD ask twice or three times). The warning is shown at once, above the
   * prompt, not with the line's replies, which would come after the password.
   */
  @Override
  public char[] readSecret(String prompt) {
    CleartextPasswords cleartext = services.settings().cleartextPasswords();
    if (cleartext.refuses(connection)) {
      throw new ChatException(ChatException.Reason.REFUSED, cleartext.refusal(user.nick()));
    }
    String warning = warned ? null : cleartext.warning(connection, user.nick());
    if (warning != null) {
      warned = true;
      try {
        shell.print(shell.format(Renderer.render(Reply.of(warning, false), user)));
      } catch (IOException | java.io.IOError e) {
        return null; // the connection broke: nothing is asked
      }
    }
    try {
      String secret = shell.readSecret(prompt);
      return secret == null ? null : secret.toCharArray();
    } catch (LineTooLongException e) {
      throw new ChatException(
          ChatException.Reason.INVALID, "That is far too long for a password; nothing was done.");
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void stopServer(String reason) {
    services.shutdown().accept(user, reason);
  }

  @Override
  public void disconnect(String reason) {
    end.bye(reason == null || reason.isBlank() ? "bye" : Text.visible(reason));
    reply("Bye!");
  }

  @Override
  public Optional<String> sessionKey() {
    return connection.provenKey();
  }

  @Override
  public String transport() {
    return connection.transport();
  }
}
