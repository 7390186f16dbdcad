package dev.chatshell.irc;

import dev.chatshell.chat.ChatApi;
import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.EventSink;
import dev.chatshell.chat.User;
import dev.chatshell.shell.FloodControl;
import dev.chatshell.shell.Keepalive;
import dev.chatshell.shell.ManagedSession;
import dev.chatshell.shell.Outbox;
import dev.chatshell.shell.SessionEnd;
import dev.chatshell.shell.SessionServices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IRC client, from its first line to its QUIT: registration ({@link Registration}), then each
 * line it sends run through the {@link IrcCommands} table. What the domain tells the user goes
 * through the same {@link Outbox} as a shell's, and {@link IrcRenderer} turns it into IRC lines.
 * The keepalive, flood control and the ways a session ends are the shell's own ({@link Keepalive},
 * {@link FloodControl}, {@link SessionEnd}), so an IRC user meets the same limits as anyone.
 *
 * <p>Two ways to be served. Over TLS the session has a virtual thread of its own that reads lines
 * and runs them ({@link #run}). In the clear a reactor reads for it ({@link #start}) and the {@link
 * LineHandOff} runs the lines in order ({@link #runLines}) on a virtual thread started for them and
 * ended when they are done; the reactor reads no more from the client until then, so the client is
 * held back as a blocking reader would hold it. Either way one thread at a time runs the lines, and
 * flood control's waits and the wait for a long reply happen on it, holding back only this client.
 *
 * <p>Threading: the thread running lines alone changes the registration state; the outbox's drain
 * renders and writes; the keepalive timer and others may end the session through {@link
 * SessionEnd}.
 */
final class IrcSession
    implements ManagedSession, LineHandOff.Lines, Outbox.Printer, Outbox.FailureListener {
  private static final Logger log = LoggerFactory.getLogger(IrcSession.class);
  private static final Duration FLUSH_ON_EXIT = Duration.ofSeconds(2);
  private static final Duration CLOSE_AFTER_ERROR = Duration.ofSeconds(2);

  /**
   * A reply this long (WHO, NAMES, LIST, CHATHISTORY on big channels) is written before the next
   * line is read: queries cost nothing in flood control, so without this a client that sends them
   * and does not read would pile up replies without bound.
   */
  private static final int LONG_REPLY_LINES = 50;

  private final IrcConnection connection;
  private final SessionServices services;
  private final IrcServerInfo server;
  private final IrcCommands commands;
  private final IrcPeople people;
  private final Outbox outbox;
  private final HeldUntilWelcome sink;
  private final SessionEnd end = new SessionEnd();
  private final FloodControl flood;
  private final Keepalive keepalive;
  private final IrcRenderer renderer;
  // What registering needs (the nick and user name asked, SASL): dropped at login, so that an idle
  // session does not keep it. Volatile: nick() reads it from other threads.
  private volatile Registration registration;
  private volatile Set<String> caps = Set.of();
  private volatile User user;
  private volatile long lastLine = System.nanoTime();
  private boolean loggedOut; // the session's thread only
  private volatile String ownIdent = "~"; // the user name this client shows, set at login

  IrcSession(
      IrcConnection connection,
      SessionServices services,
      IrcServerInfo server,
      IrcCommands commands,
      IrcPeople people) {
    this.connection = connection;
    this.people = people;
    this.services = services;
    this.server = server;
    this.commands = commands;
    this.outbox =
        // The session prints and hears of failures itself: an idle client keeps no method
        // references for them.
        new Outbox(services.settings().outboxLimit(), server.outputGather(), this, this);
    this.sink = new HeldUntilWelcome(outbox);
    this.flood = new FloodControl(services.settings(), services.chat(), outbox, connection);
    this.keepalive =
        new Keepalive(this, connection, outbox, end, services.settings(), services.idleTimeout());
    this.renderer = new IrcRenderer(server.name(), this);
    this.registration = new Registration(this);
    connection.setPingToken(server.name());
  }

  // ---- what handlers use

  IrcServerInfo server() {
    return server;
  }

  /** Who IRC users say they are, and who was here. */
  IrcPeople people() {
    return people;
  }

  ChatServer domain() {
    return services.chat();
  }

  SessionServices services() {
    return services;
  }

  IrcConnection connection() {
    return connection;
  }

  FloodControl flood() {
    return flood;
  }

  /** The logged-in user, or null while registering. */
  User user() {
    return user;
  }

  /** The domain as this user may ask it. */
  ChatApi chat() {
    // Made for each use, as the shell makes one per line: not kept by an idle session.
    User me = user;
    return me == null ? null : services.chat().forUser(me);
  }

  /** The client's nick as numerics address it: {@code *} before it has one. */
  String nick() {
    User me = user;
    if (me != null) {
      return me.nick();
    }
    Registration registering = registration;
    if (registering == null) {
      return user.nick(); // logged in meanwhile: the registration is dropped after the user is set
    }
    String asked = registering.nick();
    return asked == null ? "*" : asked;
  }

  /** The registration under way, or after login a fresh one that answers CAP and AUTHENTICATE. */
  Registration registration() {
    Registration registering = registration;
    return registering != null ? registering : new Registration(this);
  }

  /** The user name this client shows ({@code ~} and what USER gave). */
  String ownIdent() {
    return ownIdent;
  }

  Set<String> caps() {
    return caps;
  }

  boolean has(String cap) {
    return caps.contains(cap);
  }

  void setCaps(Set<String> enabled) {
    caps = Set.copyOf(enabled);
  }

  /** A fresh response addressed to this client. */
  Response response() {
    return new Response(server.name(), nick());
  }

  /** Sends a response after what the user has been sent so far. */
  void send(Response response) {
    IrcLines lines = response.toEvent();
    if (lines != null) {
      outbox.deliver(lines);
    }
  }

  /** Logs the user in: the domain is told, and from now on the user's events are sent. */
  void loggedIn(User who, Response welcome) {
    String ident = registration.userName();
    this.ownIdent = ident.equals("*") ? "~" + Masks.ident(who.nick()) : ident;
    people.arrived(who, new IrcPeople.Identity(ownIdent, registration.realName()));
    this.user = who;
    this.registration = null; // after the user: nick() finds one or the other
    renderer.startAs(who.nick()); // before any event is released to the drain
    this.lastLine = System.nanoTime(); // idle from here: registration time is not counted
    sink.release(welcome.toEvent());
    log.info("{} logged in as {}", connection, who.nick());
  }

  /** The sink the domain delivers this session's events to. */
  EventSink sink() {
    return sink;
  }

  /**
   * The session ends once {@code goodbye} (which should hold an ERROR line) is written: QUIT, or a
   * refused registration.
   */
  void quit(String reason, Response goodbye) {
    end.bye(reason);
    goodbye.closeAfter();
    logOut(reason); // the nick is free before the client reads its ERROR, as clients expect
  }

  /** Takes the user out of the domain, once: their channels see them quit. */
  private void logOut(String reason) {
    User me = user;
    if (me != null && !loggedOut) {
      loggedOut = true;
      people.leaving(me);
      services.chat().disconnect(me, sink, reason);
      if (me.isGone()) {
        people.left(me); // not while the account has other terminals, which still show as it
      }
    }
  }

  // ---- the session's life

  /** Over TLS: reads and runs lines on the caller's thread until the session ends. */
  @Override
  public void run() {
    if (!(connection instanceof StreamIrcConnection stream)) {
      throw new IllegalStateException(connection + " is read by the reactor: see start");
    }
    try {
      while (!end.leaving()) {
        String line = stream.readLine();
        if (line == null) {
          return;
        }
        take(line);
      }
    } catch (IOException e) {
      log.debug("{}: {}", connection, e.toString());
    } finally {
      end();
    }
  }

  /**
   * In the clear: starts reading {@code channel} through the reactor and returns at once; lines
   * then come to {@link #runLines}. {@code ended} runs once, when the session has ended.
   */
  void start(PlainIrcConnection channel, Runnable ended) {
    channel.start(new LineHandOff(this, channel, ended));
  }

  /** In the clear, on the thread the hand-off started: false when the session is to end. */
  @Override
  public boolean runLines(List<String> lines) {
    try {
      for (String line : lines) {
        if (end.leaving()) {
          break;
        }
        take(line);
      }
      return !end.leaving();
    } catch (RuntimeException | LinkageError | AssertionError e) {
      log.error("{} ({}): session failed", connection, nick(), e);
      return false;
    }
  }

  /** Runs one line the client sent; a line dropped as too long is answered. */
  private void take(String line) {
    if (IrcLineSplitter.tooLong(line)) {
      send(response().numeric("417", "Input line was too long"));
    } else {
      handle(line);
    }
  }

  private void handle(String line) {
    // Virtual threads are not preempted: a client pouring lines in must let the others run.
    Thread.yield();
    if (line.indexOf('\0') >= 0) {
      send(response().notice("Line dropped: it contained a NUL byte."));
      return;
    }
    IrcMessage message = IrcMessage.parse(line);
    if (message == null) {
      return;
    }
    if (bodyLength(line) > IrcConnection.MAX_BODY) {
      send(response().numeric("417", "Input line was too long"));
      return;
    }
    if (user != null && !message.command().equals("PING") && !message.command().equals("PONG")) {
      lastLine = System.nanoTime(); // a client answering pings is not therefore active
    }
    Response response = response();
    try {
      if (user == null) {
        ChatServer.actingThrough(
            connection.transport(), () -> commands.register(this, message, response));
      } else {
        ChatServer.actingThrough(
            connection.transport(), () -> commands.run(this, message, response));
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      log.error("{} ({}): line failed", connection, nick(), e);
      response.notice("That failed because of a server error; it has been logged.");
    }
    send(response);
    if (response.size() > LONG_REPLY_LINES) {
      awaitLongReply();
    }
  }

  /**
   * Waits until a long reply is written, up to a keepalive period; drops a client that reads not.
   */
  private void awaitLongReply() {
    Duration patience = services.settings().keepalive();
    try {
      if (!outbox.awaitEmpty(patience) && !outbox.isClosed()) {
        drop("not reading: a long reply waited " + patience.toSeconds() + " s", null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The bytes of a line after its tags: what RFC 1459's limit of 512 applies to. */
  private static int bodyLength(String line) {
    int from = 0;
    if (line.startsWith("@")) {
      int space = line.indexOf(' ');
      from = space < 0 ? line.length() : space + 1;
    }
    if (line.length() - from <= IrcConnection.MAX_BODY / 4) {
      return line.length() - from; // short enough in any encoding
    }
    return line.substring(from).getBytes(StandardCharsets.UTF_8).length;
  }

  /** The outbox's printer: a batch of events as IRC lines, in one write. */
  @Override
  public void print(List<ChatEvent> batch) throws IOException {
    if (batch.size() == 1) {
      byte[] shared = renderer.shared(batch.getFirst());
      if (shared != null) {
        connection.write(shared, shared.length); // a channel line alone: nothing to copy
        return;
      }
    }
    IrcOutput out = new IrcOutput(connection, batch.size() * 128);
    List<String> lines = new ArrayList<>(2);
    boolean farewell = false;
    for (ChatEvent event : batch) {
      byte[] shared = renderer.shared(event);
      if (shared != null) {
        out.add(shared);
      } else if (event instanceof IrcLines own) {
        for (String line : own.lines()) {
          out.line(line);
        }
        farewell |= own.farewell();
      } else {
        lines.clear();
        farewell |= renderer.render(event, lines);
        for (String line : lines) {
          out.line(line);
        }
      }
    }
    out.flush();
    if (farewell) {
      String reason = end.reason();
      drop(reason != null ? reason : "disconnected", null, false); // the ERROR line went above
    }
  }

  @Override
  public void drop(String reason, Throwable cause) {
    drop(reason, cause, cause == null);
  }

  /** The outbox gave up (its queue overflowed, or a write failed). */
  @Override
  public void failed(String reason, Throwable cause) {
    drop(reason, cause);
  }

  /** Ends the session; {@code tell}: an ERROR line says why first, if the client reads it. */
  private void drop(String reason, Throwable cause, boolean tell) {
    SessionEnd.Drop kind = end.drop(reason);
    if (kind == SessionEnd.Drop.ALREADY) {
      return;
    }
    User me = user;
    services.logDrop(log, connection, me == null ? null : me.nick(), reason, cause, kind);
    outbox.close();
    if (tell && connection.isOpen()) {
      // A client is told why it is dropped, as IRC servers do, unless it is not reading: the
      // connection is closed after a moment whatever the write does.
      Thread.ofVirtual().start(() -> lastError(reason));
      Thread.ofVirtual().start(this::closeSoon);
    } else {
      connection.close();
    }
  }

  private void lastError(String reason) {
    try {
      connection.writeLine("ERROR :Closing link: " + nick() + " (" + reason + ")");
    } catch (IOException e) {
      // gone already
    } finally {
      connection.close();
    }
  }

  private void closeSoon() {
    try {
      Thread.sleep(CLOSE_AFTER_ERROR);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }

  @Override
  public void tick(long now) {
    keepalive.tick(now);
  }

  @Override
  public boolean loggedIn() {
    return user != null;
  }

  @Override
  public boolean pingable() {
    return true; // every IRC client answers PING, registered or not
  }

  @Override
  public boolean awaitingLogin() {
    return user == null && !end.ending() && !end.dropped();
  }

  @Override
  public long idleNanos(long now) {
    if (user == null || end.ending()) {
      return -1;
    }
    return now - lastLine;
  }

  @Override
  public boolean evict(String reason) {
    long now = System.nanoTime();
    if (idleNanos(now) < 0 || !end.evict(reason, now)) {
      return false;
    }
    Response goodbye = response();
    goodbye.line("ERROR :Closing link: " + nick() + " (" + reason + ")");
    goodbye.closeAfter();
    send(goodbye);
    return true;
  }

  @Override
  public void lastWords() {
    end.lastWords();
  }

  @Override
  public void awaitOutput(Duration grace) {
    try {
      outbox.awaitEmpty(grace);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close(String reason) {
    end.close(reason);
    outbox.close();
    if (connection.isOpen()) {
      // IRC clients are told why the server closes them (shutdown): on threads of their own, so a
      // client that does not read holds up nobody, and closed within moments regardless
      Thread.ofVirtual().start(() -> lastError(reason));
      Thread.ofVirtual().start(this::closeSoon);
    }
  }

  /** Ends the session on the caller's thread: the user leaves, what is left is written, closed. */
  @Override
  public void end() {
    String given = end.reason();
    String reason = given == null ? "connection closed" : given;
    User me = user;
    flood.close(); // held-back lines go with the user, before the quit
    logOut(reason);
    if (connection.isOpen()) {
      awaitOutput(FLUSH_ON_EXIT);
    }
    outbox.close();
    connection.close();
    log.info("{} ({}) left: {}", connection, me == null ? "not logged in" : me.nick(), reason);
  }

  /**
   * The sink the domain is given at login: it holds what the domain tells the user while logging in
   * (channels joined again, missed mentions) until the welcome numerics are queued, which IRC
   * clients expect first.
   */
  private static final class HeldUntilWelcome implements EventSink {
    private final EventSink target;
    // Null once released: from then on every delivery passes straight on after one volatile read,
    // with no lock of its own (a channel line is delivered to each member through here).
    private volatile List<ChatEvent> held = new ArrayList<>();

    HeldUntilWelcome(EventSink target) {
      this.target = target;
    }

    @Override
    public void deliver(ChatEvent event) {
      if (held != null) {
        synchronized (this) {
          List<ChatEvent> holding = held;
          if (holding != null) {
            holding.add(event);
            return;
          }
        }
      }
      target.deliver(event);
    }

    /** Sends {@code first}, then everything held, and from now on passes events straight on. */
    void release(ChatEvent first) {
      List<ChatEvent> waiting;
      synchronized (this) {
        if (first != null) {
          target.deliver(first);
        }
        waiting = held;
        waiting.forEach(target::deliver);
        // Only now: a delivery that sees null passes on at once, and must come after these.
        held = null;
      }
    }
  }

  @Override
  public String toString() {
    return connection + " (" + nick() + ")";
  }

  /** When the session was made: for LUSERS and logs. */
  static Instant now() {
    return Instant.now();
  }
}
