package dev.chatshell.shell;

import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.Disconnected;
import dev.chatshell.chat.Text;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.CommandTable;
import dev.chatshell.transport.Connection;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected person, from the banner to goodbye: greets, logs in, then reads lines and runs them
 * (plain text to the current channel, slash commands through the command table), with flood
 * control. Everything the user is shown after login goes through the {@link Outbox}.
 *
 * <p>Threading: {@link #run()} is the session's own virtual thread and the only one that reads
 * input, runs commands or touches the fields marked "session thread". {@link #tick} comes from the
 * keepalive timer; events arrive from any thread through the outbox.
 */
final class Session implements CommandContext {
  private static final Logger log = LoggerFactory.getLogger(Session.class);
  private static final Duration FLUSH_ON_EXIT = Duration.ofSeconds(2);

  private final Connection connection;
  private final SessionManager manager;
  private final ShellSettings settings;
  private final Outbox outbox;
  private final TokenBucket flood;
  private final long started = System.nanoTime();
  private final AtomicBoolean dropped = new AtomicBoolean();
  private volatile Shell shell;
  private volatile User user;
  private volatile String quitReason;
  private volatile boolean leaving;
  private volatile long pingSent;
  private volatile boolean pingUnsupported;
  private boolean floodWarned; // session thread
  private List<Reply.Line> replies; // session thread: a running command's output, or null
  // What the prompt shown was made from: set by the session loop and by the outbox drain.
  private volatile Renderer.PromptKey promptKey;
  private volatile Thread thread;

  private final String consoleNick; // set for the server's own console: logged in as an operator

  Session(Connection connection, SessionManager manager) {
    this(connection, manager, null);
  }

  Session(Connection connection, SessionManager manager, String consoleNick) {
    this.connection = connection;
    this.manager = manager;
    this.consoleNick = consoleNick;
    this.settings = manager.settings();
    this.outbox = new Outbox(settings.outboxLimit(), this::print, this::drop);
    this.flood = new TokenBucket(settings.floodRate(), settings.floodBurst(), System::nanoTime);
  }

  void run() {
    thread = Thread.currentThread();
    try {
      greet();
      shell = openShell(connection.awaitTerminal());
      user = login();
      if (user == null) {
        return;
      }
      shell.enterChat();
      log.info("{} logged in as {}", connection, user.nick());
      reply(
          "Welcome, "
              + user.nick()
              + "! /JOIN #channel to join or create one, /LIST to see them, /HELP for the rest.");
      while (!leaving) {
        String line;
        try {
          promptKey = Renderer.promptKey(user);
          line = shell.readLine(shell.format(Renderer.prompt(user)));
        } catch (LineTooLongException e) {
          error(e.getMessage());
          continue;
        }
        if (line == null) {
          break;
        }
        handle(line);
      }
    } catch (IOException e) {
      log.debug("{}: {}", connection, e.toString());
    } finally {
      end();
    }
  }

  /**
   * A line editor for real terminals; plain lines for clients that refused our echo and for
   * terminals too dumb for an editor (they are asked to echo themselves).
   */
  private Shell openShell(TerminalInfo terminal) throws IOException {
    boolean dumb = TerminalTypes.isDumb(TerminalTypes.map(terminal.type()));
    boolean editor = terminal.characterMode() && !dumb;
    log.info(
        "{} in {} mode, terminal {}",
        connection,
        editor ? "character" : "plain line",
        terminal.type());
    if (editor) {
      ChatCompleter completer = new ChatCompleter(chat(), commands(), () -> user);
      return new JLineShell(connection, terminal, completer, settings.maxLineBytes());
    }
    if (terminal.characterMode()) {
      connection.setClientEcho(true);
    }
    return new LineShell(connection, settings.maxLineBytes());
  }

  /** The banner and the message of the day, written before negotiation so they show at once. */
  private void greet() throws IOException {
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

  private User login() throws IOException {
    if (consoleNick != null) {
      return chat().connectConsole(consoleNick, outbox);
    }
    while (!leaving) {
      String line;
      try {
        line = shell.readLine("Nickname: ");
      } catch (LineTooLongException e) {
        showNow(Reply.of("That is far too long for a nickname.", true));
        continue;
      }
      if (line == null) {
        return null;
      }
      String nick = line.strip();
      if (nick.isEmpty()) {
        continue;
      }
      throttle();
      try {
        if (chat().account(nick).isEmpty()) {
          return chat().connect(nick, connection.remoteAddress(), outbox);
        }
        User account = logInToAccount(nick);
        if (account != null) {
          return account;
        }
        if (!connection.isOpen()) {
          return null;
        }
      } catch (ChatException e) {
        showNow(Reply.of(e.getMessage(), true));
      }
    }
    return null;
  }

  /**
   * Asks for the password of a registered nick and logs in to its account; {@code null} when the
   * user gave up (Ctrl-C: back to the nickname prompt) or went away.
   */
  private User logInToAccount(String nick) throws IOException {
    // Say why a password is asked, and the way out, before asking it (irssi users expect a nick).
    showNow(
        Reply.of(
            chat().account(nick).orElse(nick)
                + " is a registered nick: type its password, or an empty line to choose another"
                + " nick.",
            false));
    String typed;
    try {
      typed = shell.readSecret("Password: ");
    } catch (LineTooLongException e) {
      throw new ChatException("That is far too long for a password.");
    }
    if (typed == null || typed.isEmpty()) {
      return null; // given up (Ctrl-C, or just Enter): back to the nickname prompt
    }
    char[] password = typed.toCharArray();
    try {
      return chat().login(nick, password, connection.remoteAddress(), outbox);
    } finally {
      java.util.Arrays.fill(password, '\0');
    }
  }

  /** Runs one line typed by the logged-in user; its output goes out as one reply. */
  private void handle(String line) {
    if (line.isBlank()) {
      return;
    }
    throttle();
    replies = new ArrayList<>();
    try {
      if (line.startsWith("//")) {
        chat().say(user, line.substring(1));
      } else if (line.startsWith("/")) {
        commands().execute(this, line);
      } else {
        chat().say(user, line);
      }
    } catch (ChatException e) {
      error(e.getMessage());
    } catch (RuntimeException | LinkageError | AssertionError e) {
      // a plugin built against other classes, a bug: the line fails, the session goes on
      log.error("{} ({}): line failed", connection, user.nick(), e);
      error("That failed because of a server error; it has been logged.");
    } finally {
      List<Reply.Line> output = replies;
      replies = null;
      if (!output.isEmpty()) {
        outbox.deliver(new Reply(Instant.now(), List.copyOf(output)));
      }
    }
  }

  /** Flood control: warns once, then delays the user's lines to the configured rate. */
  private void throttle() {
    long wait = flood.take();
    if (wait == 0) {
      floodWarned = false;
      return;
    }
    if (!floodWarned) {
      floodWarned = true;
      String warning =
          "You are sending too fast: your lines are now delayed to "
              + settings.floodRate()
              + " per second.";
      if (user == null) {
        showNow(Reply.of(warning, true));
      } else {
        error(warning);
      }
    }
    try {
      Thread.sleep(Duration.ofNanos(wait));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes an event straight away; only before login, when nothing else writes to the shell. */
  private void showNow(ChatEvent event) {
    try {
      shell.print(shell.format(Renderer.render(event, null)));
    } catch (IOException e) {
      connection.close();
    }
  }

  /** The outbox's printer: a batch of events, one redraw, with the prompt brought up to date. */
  private void print(List<ChatEvent> batch) throws IOException {
    Shell out = shell;
    User me = user;
    String text;
    boolean mention = false; // a line names the user: ring once for the batch
    if (batch.size() == 1) {
      int variant = Renderer.variant(batch.getFirst(), me, out);
      mention = Renderer.isMention(variant);
      text = Renderer.formatted(batch.getFirst(), variant, me, out);
    } else {
      StringBuilder lines = new StringBuilder(batch.size() * 128);
      for (ChatEvent event : batch) {
        if (!lines.isEmpty()) {
          lines.append('\n');
        }
        int variant = Renderer.variant(event, me, out);
        mention |= Renderer.isMention(variant);
        lines.append(Renderer.formatted(event, variant, me, out));
      }
      text = lines.toString();
    }
    if (me != null) {
      Renderer.PromptKey key = Renderer.promptKey(me);
      if (!key.equals(promptKey)) { // the prompt is only rebuilt when it changes
        promptKey = key;
        out.refreshPrompt(() -> out.format(Renderer.prompt(me)));
      }
    }
    out.print(text);
    if (mention && out.rings()) {
      out.beep();
    }
    for (ChatEvent event : batch) {
      if (event instanceof Disconnected) {
        drop("disconnected by a server operator", null); // told above; the domain let them go
      }
    }
  }

  /**
   * Ends the session from any thread. The reason is told to the user's channels, so it is never
   * more than a short phrase; the cause, if any, only goes to the log.
   */
  void drop(String reason, Throwable cause) {
    if (!dropped.compareAndSet(false, true)) {
      return; // closing makes the pending write fail too: one reason is enough
    }
    if (quitReason == null) {
      quitReason = reason;
    }
    log.warn(
        "Dropping {} ({}): {}{}",
        connection,
        user == null ? "not logged in" : user.nick(),
        reason,
        cause == null ? "" : " (" + cause + ")");
    leaving = true;
    outbox.close();
    connection.close();
    wake();
  }

  /** Gets the session thread out of a wait (flood delay, a slow command) so it can end. */
  private void wake() {
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
    }
  }

  /**
   * Called about once a second by the keepalive timer: drops connections that never log in or whose
   * output has been stuck for a keepalive period, pings silent telnet clients and drops those that
   * do not answer in time.
   */
  void tick(long now) {
    if (user == null && now - started > settings.loginTimeout().toNanos()) {
      drop("no login within " + settings.loginTimeout().toSeconds() + " s", null);
      return;
    }
    long interval = settings.keepalive().toNanos();
    if (outbox.blockedFor(now) > interval) {
      drop("not reading: output blocked for " + settings.keepalive().toSeconds() + " s", null);
      return;
    }
    long heard = connection.lastHeardNanos();
    long sent = pingSent;
    if (sent != 0) {
      if (heard - sent >= 0) {
        pingSent = 0; // answered
      } else if (now - sent > interval) {
        drop("ping timeout: no answer in " + settings.keepalive().toSeconds() + " s", null);
      }
      return;
    }
    if (!pingUnsupported && shell != null && now - heard > interval) {
      pingSent = now;
      // A ping is a write and may block on a client that does not read: never on the timer thread.
      Thread.ofVirtual()
          .name("ping")
          .start(
              () -> {
                try {
                  if (!connection.ping()) {
                    pingUnsupported = true; // plain client: TCP keepalive watches it instead
                    pingSent = 0;
                  }
                } catch (IOException e) {
                  drop("connection lost", e);
                }
              });
    }
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
  void awaitOutput(Duration grace) {
    try {
      outbox.awaitEmpty(grace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the session from outside, for example at shutdown; {@code reason} goes to the log. */
  void close(String reason) {
    if (quitReason == null) {
      quitReason = reason;
    }
    leaving = true;
    outbox.close();
    connection.close();
    wake();
  }

  private void end() {
    String reason = quitReason == null ? "connection closed" : quitReason;
    User me = user;
    if (me != null) {
      chat().disconnect(me, outbox, reason);
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

  // ---- CommandContext ----

  @Override
  public ChatServer chat() {
    return manager.chat();
  }

  @Override
  public User user() {
    return user;
  }

  @Override
  public CommandTable commands() {
    return manager.commands();
  }

  @Override
  public void reply(String line) {
    say(line, false);
  }

  @Override
  public void error(String line) {
    say(line, true);
  }

  /** Collects a running command's output; anything else goes out at once. */
  private void say(String line, boolean error) {
    if (Thread.currentThread() == thread && replies != null) {
      replies.add(new Reply.Line(line, error));
    } else {
      outbox.deliver(Reply.of(line, error));
    }
  }

  @Override
  public char[] readSecret(String prompt) {
    try {
      String secret = shell.readSecret(prompt);
      return secret == null ? null : secret.toCharArray();
    } catch (LineTooLongException e) {
      throw new ChatException("That is far too long for a password; nothing was done.");
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void disconnect(String reason) {
    quitReason = reason == null || reason.isBlank() ? "bye" : Text.visible(reason);
    leaving = true;
    reply("Bye!");
  }
}
