package dev.chatshell.shell;

import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.Disconnected;
import dev.chatshell.chat.User;
import dev.chatshell.transport.Connection;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOError;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected person, from the banner to goodbye. The session puts its parts together and ends
 * them: {@link Login} (banner, nickname, password), then the {@link LineLoop} (each typed line run
 * in a {@link LineContext} of its own, under {@link FloodControl}), with the {@link Keepalive}
 * checks on the side. Everything the user is shown after login goes through the {@link Outbox},
 * which prints here.
 *
 * <p>Threading, and who owns what:
 *
 * <ul>
 *   <li>the session's own virtual thread runs {@link #run()}: it opens the shell, logs in, runs the
 *       line loop and ends the session. It alone writes {@link #thread}, {@link #shell}, {@link
 *       #user} and {@link #loop}, each once; other threads only read them (hence volatile);
 *   <li>the outbox drain (one at a time, any thread) calls {@link #print}: it writes to the shell
 *       and shares the {@link Prompt} with the line loop under the prompt's own lock;
 *   <li>the keepalive timer calls {@link #tick}; the {@link Keepalive} owns its ping state;
 *   <li>any thread may end the session ({@link #drop}, {@link #close}, {@link #evict}, {@link
 *       #lastWords}): how and why it ends is one {@link SessionEnd}, under its monitor.
 * </ul>
 */
final class Session implements ManagedSession {
  private static final Logger log = LoggerFactory.getLogger(Session.class);
  private static final Duration FLUSH_ON_EXIT = Duration.ofSeconds(2);

  private final Connection connection;
  private final SessionServices services;
  private final String consoleNick; // set for the server's own console: logged in as an operator
  private final Outbox outbox;
  private final SessionEnd end = new SessionEnd();
  private final FloodControl flood;
  private final Keepalive keepalive;
  private final Prompt prompt = new Prompt();
  private volatile Thread thread;
  private volatile Shell shell;
  private volatile User user;
  private volatile LineLoop loop;

  Session(Connection connection, SessionServices services) {
    this(connection, services, null);
  }

  Session(Connection connection, SessionServices services, String consoleNick) {
    this.connection = connection;
    this.services = services;
    this.consoleNick = consoleNick;
    ShellSettings settings = services.settings();
    this.outbox = new Outbox(settings.outboxLimit(), this::print, this::drop);
    this.flood = new FloodControl(settings, services.chat(), outbox, connection);
    this.keepalive = new Keepalive(this, connection, outbox, end, settings, services.idleTimeout());
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    try {
      Login login = new Login(services, connection, outbox, flood, end);
      login.greet();
      shell = openShell(connection.awaitTerminal());
      user =
          consoleNick != null
              ? services.chat().connectConsole(consoleNick, outbox)
              : login.logIn(shell);
      if (user == null) {
        return;
      }
      // idle from here: time at the nickname prompt is not counted
      loop =
          new LineLoop(services, connection, shell, user, outbox, flood, prompt, end, isConsole());
      shell.enterChat();
      log.info("{} logged in as {}", connection, user.nick());
      loop.run();
    } catch (IOException | IOError e) {
      log.debug("{}: {}", connection, e.toString());
    } finally {
      end();
    }
  }

  private boolean isConsole() {
    return consoleNick != null;
  }

  /**
   * A line editor for real terminals; plain lines for clients that refused our echo and for
   * terminals too dumb for an editor (they are asked to echo themselves).
   */
  private Shell openShell(TerminalInfo terminal) throws IOException {
    boolean dumb = TerminalTypes.isDumb(TerminalTypes.map(terminal.type()));
    // A dumb terminal edits its own lines where the client can be asked to (telnet); over an SSH
    // pty nobody else would echo, so it gets the editor in JLine's plain mode for dumb terminals.
    boolean editor = terminal.characterMode() && (!dumb || !connection.clientCanEditLines());
    log.info(
        "{} in {} mode, terminal {}",
        connection,
        editor ? "character" : "plain line",
        terminal.type());
    int maxLineBytes = services.settings().maxLineBytes();
    if (editor) {
      ChatCompleter completer = new ChatCompleter(services.chat(), services.commands(), () -> user);
      return new JLineShell(connection, terminal, completer, maxLineBytes);
    }
    if (terminal.characterMode()) {
      connection.setClientEcho(true);
    }
    return new LineShell(connection, maxLineBytes);
  }

  /** The outbox's printer: a batch of events, one redraw, with the prompt brought up to date. */
  private void print(List<ChatEvent> batch) throws IOException {
    Shell out = shell;
    User me = user;
    String text;
    boolean mention = false; // a line names the user: ring once for the batch
    boolean farewell; // the session is closed once this batch is shown
    if (batch.size() == 1) {
      int variant = Renderer.variant(batch.getFirst(), me, out);
      mention = Renderer.isMention(variant);
      text = Renderer.formatted(batch.getFirst(), variant, me, out);
      farewell = Renderer.isFarewell(batch.getFirst());
    } else {
      farewell = false;
      StringBuilder lines = new StringBuilder(batch.size() * 128);
      for (ChatEvent event : batch) {
        if (!lines.isEmpty()) {
          lines.append('\n');
        }
        int variant = Renderer.variant(event, me, out);
        mention |= Renderer.isMention(variant);
        lines.append(Renderer.formatted(event, variant, me, out));
        farewell |= Renderer.isFarewell(event);
      }
      text = lines.toString();
    }
    if (end.isLast(farewell)) {
      // The session's last words: no prompt is drawn after them, the screen ends on them.
      out.printLast(text);
    } else {
      if (me != null) {
        prompt.refresh(out, me);
      }
      out.print(text);
    }
    if (mention && out.rings()) {
      out.beep();
    }
    if (farewell) {
      // told above; a /KILL has logged them out already, an idle session quits in end()
      String reason = end.reason();
      drop(reason != null ? reason : "disconnected by a server operator", null);
    }
  }

  /**
   * Ends the session from any thread. The reason is told to the user's channels, so it is never
   * more than a short phrase; the cause, if any, only goes to the log.
   */
  @Override
  public void drop(String reason, Throwable cause) {
    SessionEnd.Drop kind = end.drop(reason);
    if (kind == SessionEnd.Drop.ALREADY) {
      return; // closing makes the pending write fail too: one reason is enough
    }
    logDrop(reason, cause, kind);
    outbox.close();
    connection.close();
    wake();
  }

  /**
   * One line per dropped session, never a stack trace, and lines of the same kind (reason and
   * cause, whatever the address) limited: a stream of short-lived connections must not fill the
   * disk.
   */
  private void logDrop(String reason, Throwable cause, SessionEnd.Drop kind) {
    User me = user;
    String who = me == null ? "not logged in" : me.nick();
    String why = reason + (cause == null ? "" : " (" + cause + ")");
    switch (kind) {
      case CLEAN -> log.debug("{} ({}) hung up as it left: {}", connection, who, why);
      // An idle session making room is routine; the other reasons are worth an operator's eye.
      case EVICTED -> log.info("Dropping {} ({}): {}", connection, who, why);
      default ->
          services
              .drops()
              .log(
                  "Dropping sessions: " + why,
                  "Dropping " + connection + " (" + who + "): " + why,
                  log::warn);
    }
  }

  /** Gets the session thread out of a wait (flood delay, a slow command) so it can end. */
  private void wake() {
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
    }
  }

  /** The keepalive timer's check, about once a second (see {@link Keepalive}). */
  @Override
  public void tick(long now) {
    keepalive.tick(now);
  }

  @Override
  public boolean loggedIn() {
    return user != null;
  }

  /** True once the session has a screen: a ping can only be answered by a negotiated client. */
  @Override
  public boolean pingable() {
    return shell != null;
  }

  /** True while the connection has not logged in yet (and is not on its way out). */
  @Override
  public boolean awaitingLogin() {
    return user == null && !end.ending() && !end.dropped();
  }

  /**
   * How long a logged-in user has sent no line here, in nanoseconds; -1 for sessions that are never
   * disconnected for idling (not in the line loop yet, the console, already ending).
   */
  @Override
  public long idleNanos(long now) {
    LineLoop lines = loop;
    if (lines == null || isConsole() || end.ending()) { // an evicted session is ending too
      return -1;
    }
    return now - lines.lastLine();
  }

  /**
   * Disconnects a logged-in session for idling, from any thread: its last line on screen says why,
   * then it closes and its channels see it quit with {@code reason} (or, when the account has other
   * terminals, those are told). Returns false when the session was not idling to begin with.
   */
  @Override
  public boolean evict(String reason) {
    long now = System.nanoTime();
    if (idleNanos(now) < 0 || !end.evict(reason, now)) {
      return false;
    }
    // Printing it drops the session (see print); the keepalive drops it if the client does not
    // read.
    outbox.deliver(new Disconnected(Instant.now(), "You were disconnected: " + reason + "."));
    return true;
  }

  /** From now on, what the session is shown is its last (the server is going down). */
  @Override
  public void lastWords() {
    end.lastWords();
  }

  /**
   * Shows a line of the server's log (the console's own session only), once the console is up;
   * returns false before that, so the caller writes the line elsewhere.
   */
  boolean showLog(String line) {
    if (user == null || outbox.isClosed()) {
      return false;
    }
    outbox.deliver(new LogLine(Instant.now(), line));
    return true;
  }

  /** Waits, up to {@code grace}, for what the user has been sent to be written. */
  @Override
  public void awaitOutput(Duration grace) {
    try {
      outbox.awaitEmpty(grace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the session from outside, for example at shutdown; {@code reason} goes to the log. */
  @Override
  public void close(String reason) {
    end.close(reason);
    outbox.close();
    connection.close();
    wake();
  }

  private void end() {
    String given = end.reason();
    String reason = given == null ? "connection closed" : given;
    User me = user;
    flood.close(); // held-back lines go with the user, before the quit
    if (me != null) {
      services.chat().disconnect(me, outbox, reason);
    }
    if (connection.isOpen()) {
      awaitOutput(FLUSH_ON_EXIT);
    }
    outbox.close();
    Shell out = shell;
    if (out != null) {
      out.close();
    }
    connection.close();
    log.info("{} ({}) left: {}", connection, me == null ? "not logged in" : me.nick(), reason);
  }
}
