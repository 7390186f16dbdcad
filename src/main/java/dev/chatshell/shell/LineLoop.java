package dev.chatshell.shell;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.EventSink;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.Cost;
import dev.chatshell.transport.Connection;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logged-in user's lines, one after another until they leave: each is read with a fresh prompt,
 * passed through {@link FloodControl}, and run in a {@link LineContext} of its own (plain text to
 * the current channel, slash commands through the command table).
 *
 * <p>Threading: the session's thread only, except {@link #lastLine}, which the keepalive timer
 * reads to measure idling.
 */
final class LineLoop {
  // Logged under the session's name: operators read one name for everything a session does.
  private static final Logger log = LoggerFactory.getLogger(Session.class);

  private final SessionServices services;
  private final Connection connection;
  private final Shell shell;
  private final User user;
  private final EventSink outbox;
  private final FloodControl flood;
  private final Prompt prompt;
  private final SessionEnd end;
  private final boolean console; // the server's own console, where Ctrl-C surprises operators
  private boolean ctrlCExplained; // the console said once what Ctrl-C does there
  // When the user last sent a line (System.nanoTime()): what "idle" is measured from.
  private volatile long lastLine = System.nanoTime();

  LineLoop(
      SessionServices services,
      Connection connection,
      Shell shell,
      User user,
      EventSink outbox,
      FloodControl flood,
      Prompt prompt,
      SessionEnd end,
      boolean console) {
    this.services = services;
    this.connection = connection;
    this.shell = shell;
    this.user = user;
    this.outbox = outbox;
    this.flood = flood;
    this.prompt = prompt;
    this.end = end;
    this.console = console;
  }

  /** When the user last sent a line, as {@link System#nanoTime()}. */
  long lastLine() {
    return lastLine;
  }

  /** Reads and runs lines until the user leaves or the input ends. */
  void run() throws IOException {
    reply(
        "Welcome, "
            + user.nick()
            + "! /JOIN #channel to join or create one, /LIST to see them, /HELP for the rest.",
        false);
    while (!end.leaving()) {
      String line;
      try {
        line = shell.readLine(prompt.forNextLine(shell, user));
      } catch (LineTooLongException e) {
        reply(e.getMessage(), true);
        continue;
      }
      lastLine = System.nanoTime();
      if (line == null) {
        return;
      }
      if (console && !ctrlCExplained && shell.abandoned()) {
        // An operator used to Ctrl-C stopping a server learns, once, how to stop this one.
        ctrlCExplained = true;
        reply(
            "Ctrl-C abandons the line here, as in any shell: /SHUTDOWN [reason] stops the"
                + " server, /BYE leaves the console and the server running.",
            false);
      }
      handle(line);
    }
  }

  /**
   * Flood control of one line typed by the logged-in user: commands that only show the user
   * something run at once; other commands wait for their turn of the rate, ahead of held-back chat
   * lines; chat lines go at once, wait in the flood queue, or are dropped past its bound.
   */
  private void handle(String line) {
    if (line.isBlank()) {
      return;
    }
    // Lines that cost nothing, or are held back or dropped, never make this thread wait; and
    // virtual threads are not preempted: a client pouring lines in must let the others run.
    Thread.yield();
    boolean chat = !line.startsWith("/") || line.startsWith("//");
    if (!chat) {
      if (costOf(line) == Cost.LINE && !flood.awaitTurn()) {
        return;
      }
      run(line);
      return;
    }
    Channel where = user.current();
    if (where == null) {
      run(line); // refused at once: it reaches nobody
      return;
    }
    String text = line.startsWith("//") ? line.substring(1) : line;
    if (flood.offerChat(user, where, text)) {
      run(line);
    }
  }

  /** What a command line costs in flood control, as its command declares; unknown ones nothing. */
  private Cost costOf(String line) {
    int space = line.indexOf(' ');
    CommandTable.Entry entry =
        services.commands().find(space < 0 ? line : line.substring(0, space));
    return entry == null ? Cost.NONE : entry.cost();
  }

  /** Runs one line now, in a context of its own; its output goes out as one reply. */
  private void run(String line) {
    LineContext context = new LineContext(services, user, shell, outbox, end, connection);
    try {
      // what the line does is logged with the door it came through
      ChatServer.actingThrough(connection.transport(), () -> dispatch(context, line));
    } catch (ChatException e) {
      context.error(e.getMessage());
    } catch (RuntimeException | LinkageError | AssertionError e) {
      // a plugin built against other classes, a bug: the line fails, the session goes on
      log.error("{} ({}): line failed", connection, user.nick(), e);
      context.error("That failed because of a server error; it has been logged.");
    } finally {
      context.finish();
    }
  }

  private void dispatch(LineContext context, String line) {
    if (line.startsWith("//")) {
      context.chat().say(line.substring(1));
    } else if (line.startsWith("/")) {
      services.commands().execute(context, line);
    } else {
      context.chat().say(line);
    }
  }

  /** A line from the session itself (not a command's): it goes out at once. */
  private void reply(String text, boolean error) {
    outbox.deliver(Reply.of(text, error));
  }
}
