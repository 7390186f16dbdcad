package dev.chatshell.shell;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.Disconnected;
import dev.chatshell.chat.Text;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.Cost;
import dev.chatshell.transport.Connection;
import dev.chatshell.transport.TerminalInfo;
import java.io.IOError;
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
  // How long an idle session given notice may take to read it before it is closed regardless.
  private static final Duration EVICTION_GRACE = Duration.ofSeconds(2);

  private final Connection connection;
  private final SessionManager manager;
  private final ShellSettings settings;
  private final Outbox outbox;
  private final TokenBucket flood;
  private final FloodQueue<HeldLine> floodQueue;
  private final long started = System.nanoTime();
  private final AtomicBoolean dropped = new AtomicBoolean();
  private volatile Shell shell;
  private volatile User user;
  private volatile String quitReason;
  private volatile boolean leaving;
  private volatile long pingSent;
  private volatile boolean pingUnsupported;
  private boolean floodWarned; // session thread
  private int commandsWaited; // session thread: commands in a row that waited for their turn
  private boolean commandsDroppedTold; // session thread
  private boolean ctrlCExplained; // session thread: the console said once what Ctrl-C does there
  private List<Reply.Line> replies; // session thread: a running command's output, or null
  // What the prompt shown was made from: set by the session loop and by the outbox drain.
  private volatile Renderer.PromptKey promptKey;
  // Makes "what the prompt is made from" and "the prompt handed to the reader" one step, for the
  // session loop and the drain alike: else a drain between the two left a stale prompt for good.
  private final Object promptLock = new Object();
  private volatile Thread thread;
  // When the user last sent a line (System.nanoTime()): what "idle" is measured from.
  private volatile long lastLine = started;
  private volatile long evictedAt; // when the session was told it is disconnected for idling, or 0
  // Set once the session's last lines are on their way: they are shown without a prompt after them.
  private volatile boolean ending;

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
    this.floodQueue = new FloodQueue<>(flood, settings.floodQueueLines(), this::sendHeld);
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
      lastLine = System.nanoTime(); // idle from here: time at the nickname prompt is not counted
      shell.enterChat();
      log.info("{} logged in as {}", connection, user.nick());
      reply(
          "Welcome, "
              + user.nick()
              + "! /JOIN #channel to join or create one, /LIST to see them, /HELP for the rest.");
      while (!leaving) {
        String line;
        try {
          String prompt;
          synchronized (promptLock) {
            shell.forgetRefreshedPrompt(); // older than the state this prompt is made from
            promptKey = Renderer.promptKey(user);
            prompt = shell.format(Renderer.prompt(user));
          }
          line = shell.readLine(prompt);
        } catch (LineTooLongException e) {
          error(e.getMessage());
          continue;
        }
        lastLine = System.nanoTime();
        if (line == null) {
          break;
        }
        if (consoleNick != null && !ctrlCExplained && shell.abandoned()) {
          // An operator used to Ctrl-C stopping a server learns, once, how to stop this one.
          ctrlCExplained = true;
          reply(
              "Ctrl-C abandons the line here, as in any shell: /SHUTDOWN [reason] stops the"
                  + " server, /BYE leaves the console and the server running.");
        }
        handle(line);
      }
    } catch (IOException | IOError e) {
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

  /**
   * Flood control of one line typed by the logged-in user: commands that only show the user
   * something run at once; other commands wait for their turn of the rate, ahead of held-back chat
   * lines; chat lines go at once, wait in the {@link FloodQueue}, or are dropped past its bound.
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
      if (costOf(line) == Cost.LINE && !awaitTurn()) {
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
    switch (floodQueue.offer(new HeldLine(where, text))) {
      case NOW -> run(line);
      case QUEUED_FIRST ->
          error(
              "You are sending too fast: your lines now go out "
                  + rate()
                  + " per second, and at most "
                  + settings.floodQueueLines()
                  + " may wait; commands go ahead of them.");
      case DROPPED_FIRST ->
          error(
              "Excess flood: "
                  + settings.floodQueueLines()
                  + " of your lines are already waiting; more are dropped until they have gone out.");
      case QUEUED, DROPPED -> {}
    }
  }

  /** A chat line held back by flood control, with the channel it was typed in. */
  private record HeldLine(Channel channel, String text) {}

  /** Sends a held-back chat line, on the flood queue's thread. */
  private void sendHeld(HeldLine line) {
    User me = user;
    try {
      chat().say(me, line.channel(), line.text());
    } catch (ChatException e) {
      outbox.deliver(Reply.of(e.getMessage(), true));
    } catch (RuntimeException e) {
      log.error("{} ({}): held line failed", connection, me.nick(), e);
    }
  }

  /** What a command line costs in flood control, as its command declares; unknown ones nothing. */
  private Cost costOf(String line) {
    int space = line.indexOf(' ');
    CommandTable.Entry entry = commands().find(space < 0 ? line : line.substring(0, space));
    if (entry == null) {
      return Cost.NONE;
    }
    try {
      return entry.spec().cost();
    } catch (RuntimeException e) {
      return Cost.LINE; // a plugin built against a later server, naming a cost this one lacks
    }
  }

  private String rate() {
    double rate = settings.floodRate();
    return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
  }

  /** Runs one line now; its output goes out as one reply. */
  private void run(String line) {
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

  /**
   * Flood control of a command that costs a line (/ME, /MSG, /TOPIC...): it waits for the chat
   * lines held before it and for its own token, so it keeps its place in what others see. But a
   * paste of such commands is bounded like a paste of chat lines: once {@code flood.queue-lines}
   * commands in a row have had to wait, the next ones that would wait are dropped at once, with one
   * notice, so the commands typed after the paste (/WHO, /BYE) are not kept waiting behind it.
   * Returns false when the command is dropped.
   */
  private boolean awaitTurn() {
    if (floodQueue.tryTakeAfterHeld()) {
      commandsWaited = 0;
      floodWarned = false; // the flood is over: the next one is told again
      return true;
    }
    if (commandsWaited >= settings.floodQueueLines()) {
      if (!commandsDroppedTold) {
        commandsDroppedTold = true;
        error(
            "Excess flood: your commands are coming faster than "
                + rate()
                + " per second; those that would wait are dropped until you slow down.");
      }
      return false;
    }
    commandsWaited++;
    commandsDroppedTold = false;
    if (!floodWarned) {
      floodWarned = true;
      error("You are sending too fast: your lines are now delayed to " + rate() + " per second.");
    }
    try {
      while (!floodQueue.tryTakeAfterHeld()) {
        Thread.sleep(
            Duration.ofMillis(Math.max(1, Math.min(100, flood.nanosUntilToken() / 1_000_000))));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false; // the session is ending
    }
    return true;
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
          "You are sending too fast: your lines are now delayed to " + rate() + " per second.";
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
    } catch (IOException | IOError e) {
      connection.close();
    }
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
    boolean last = farewell || ending;
    if (last) {
      // The session's last words: no prompt is drawn after them, the screen ends on them.
      ending = true;
      out.printLast(text);
    } else if (me != null) {
      synchronized (promptLock) {
        Renderer.PromptKey key = Renderer.promptKey(me);
        if (!key.equals(promptKey)) { // the prompt is only rebuilt when it changes
          promptKey = key;
          out.refreshPrompt(() -> out.format(Renderer.prompt(me)));
        }
      }
    }
    if (!last) {
      out.print(text);
    }
    if (mention && out.rings()) {
      out.beep();
    }
    if (farewell) {
      // told above; a /KILL has logged them out already, an idle session quits in end()
      drop(quitReason != null ? quitReason : "disconnected by a server operator", null);
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
    boolean clean = leaving; // already on the way out (/BYE, shutdown): the client hung up first
    if (quitReason == null) {
      quitReason = reason;
    }
    logDrop(reason, cause, clean);
    leaving = true;
    outbox.close();
    connection.close();
    wake();
  }

  /**
   * One line per dropped session, never a stack trace, and lines of the same kind (reason and
   * cause, whatever the address) limited: a stream of short-lived connections must not fill the
   * disk.
   */
  private void logDrop(String reason, Throwable cause, boolean clean) {
    String who = user == null ? "not logged in" : user.nick();
    String why = reason + (cause == null ? "" : " (" + cause + ")");
    if (clean) {
      log.debug("{} ({}) hung up as it left: {}", connection, who, why);
      return;
    }
    if (evictedAt != 0) {
      // An idle session making room is routine; the other reasons are worth an operator's eye.
      log.info("Dropping {} ({}): {}", connection, who, why);
      return;
    }
    manager
        .logLimiter()
        .log(
            "Dropping sessions: " + why,
            "Dropping " + connection + " (" + who + "): " + why,
            log::warn);
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
    long evicted = evictedAt;
    if (evicted != 0) {
      if (now - evicted > EVICTION_GRACE.toNanos()) {
        drop(quitReason, null); // its notice is stuck behind a client that does not read
      }
      return;
    }
    Duration idleTimeout = manager.idleTimeout();
    if (!idleTimeout.isZero() && idleNanos(now) > idleTimeout.toNanos()) {
      evict("no line sent for " + span(idleTimeout));
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
   * How long a logged-in user has sent no line here, in nanoseconds; -1 for sessions that are never
   * disconnected for idling (not logged in, the console, already ending).
   */
  /** True while the connection has not logged in yet (and is not on its way out). */
  boolean awaitingLogin() {
    return user == null && !ending && !dropped.get();
  }

  long idleNanos(long now) {
    if (user == null || consoleNick != null || ending || evictedAt != 0) {
      return -1;
    }
    return now - lastLine;
  }

  /**
   * Disconnects a logged-in session for idling, from any thread: its last line on screen says why,
   * then it closes and its channels see it quit with {@code reason} (or, when the account has other
   * terminals, those are told). Returns false when the session was not idling to begin with.
   */
  synchronized boolean evict(String reason) {
    if (idleNanos(System.nanoTime()) < 0) {
      return false;
    }
    evictedAt = System.nanoTime() | 1; // never 0 once set
    quitReason = reason;
    ending = true;
    // Printing it drops the session (see print); tick() drops it if the client does not read.
    outbox.deliver(new Disconnected(Instant.now(), "You were disconnected: " + reason + "."));
    return true;
  }

  /** A stretch of time as a person says it: "40 seconds", "12 minutes", "3 hours". */
  static String span(Duration time) {
    long seconds = time.toSeconds();
    long count = seconds < 120 ? seconds : seconds < 7200 ? seconds / 60 : seconds / 3600;
    String unit = seconds < 120 ? "second" : seconds < 7200 ? "minute" : "hour";
    return count + " " + unit + (count == 1 ? "" : "s");
  }

  /** From now on, what the session is shown is its last (the server is going down). */
  void lastWords() {
    ending = true;
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
    floodQueue.close(FLUSH_ON_EXIT.toMillis()); // held-back lines go with the user, before the quit
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
  public int width() {
    Shell out = shell;
    return out == null ? 0 : out.columns();
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
  public void stopServer(String reason) {
    manager.requestShutdown(user, reason);
  }

  @Override
  public void disconnect(String reason) {
    quitReason = reason == null || reason.isBlank() ? "bye" : Text.visible(reason);
    leaving = true;
    ending = true;
    reply("Bye!");
  }
}
