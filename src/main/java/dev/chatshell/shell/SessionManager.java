package dev.chatshell.shell;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandTable;
import dev.chatshell.transport.Connection;
import dev.chatshell.transport.ConnectionHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Session} for each connection a transport hands over, keeps the set of live sessions
 * for the keepalive timer and for shutdown, and hands each session what they all share (domain,
 * command table, settings: {@link SessionServices}).
 *
 * <p>Threading: sessions register from their own threads (or, for sessions without one, from their
 * door's); one platform timer thread sweeps them.
 */
public final class SessionManager implements ConnectionHandler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SessionManager.class);
  private final ChatServer chat;
  private final SessionServices services;
  private final Set<ManagedSession> sessions = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;
  private volatile boolean closing;
  private volatile Session console;
  private static final long ROOM_SPACING_NANOS = 1_000_000_000L;
  private long lastRoomMade; // guarded by this (makeRoom)
  private volatile Duration idleTimeout = Duration.ZERO;
  private volatile Duration idleWhenFull = Duration.ZERO;
  private volatile Consumer<String> stopper; // stops the whole server; null when nothing can
  // Lines about dropped sessions: one per session, the same kind at most once per half minute.
  private final LogLimiter drops = new LogLimiter(Duration.ofSeconds(30), System::nanoTime);

  public SessionManager(ChatServer chat, CommandTable commands, ShellSettings settings) {
    this.chat = chat;
    this.services =
        new SessionServices(
            chat, commands, settings, drops, () -> idleTimeout, this::requestShutdown);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("keepalive").daemon(true).factory());
    long period = Math.max(50, Math.min(1000, settings.keepalive().toMillis() / 4));
    timer.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void handle(Connection connection) {
    run(new Session(connection, services));
  }

  /**
   * Runs a session of any door on the caller's thread until it ends, swept by the keepalive timer,
   * counted, and ended at shutdown like every other.
   */
  public void run(ManagedSession session) {
    sessions.add(session);
    try {
      if (!closing) { // accepted just as the server began to shut down: nothing to serve
        session.run();
      }
    } finally {
      sessions.remove(session);
    }
  }

  /**
   * Takes on a session that runs without a thread of its own (plain IRC, served by a selector): it
   * is swept, counted and ended at shutdown like every other until {@link #unregister}, which the
   * session's door calls once it has ended. False when the server is shutting down: the session is
   * not to be served (and is not registered).
   */
  public boolean register(ManagedSession session) {
    sessions.add(session);
    if (closing) {
      sessions.remove(session);
      return false;
    }
    return true;
  }

  /** A session taken on with {@link #register} has ended. */
  public void unregister(ManagedSession session) {
    sessions.remove(session);
  }

  /**
   * Runs the server's own console as a session logged in as {@code nick}, a server operator, until
   * the operator leaves it. Blocks.
   */
  public void runConsole(Connection connection, String nick) {
    Session session = new Session(connection, services, nick);
    sessions.add(session);
    console = session;
    try {
      session.run();
    } finally {
      console = null;
      sessions.remove(session);
    }
  }

  /**
   * Shows a log line on the console, if one is open; returns false when there is none (the caller
   * then writes it elsewhere).
   */
  public boolean showOnConsole(String line) {
    Session session = console;
    return session != null && session.showLog(line);
  }

  private void sweep() {
    drops.flush();
    long now = System.nanoTime();
    for (ManagedSession session : sessions) {
      try {
        session.tick(now);
      } catch (Throwable e) {
        // One broken session must not stop the timer: that would end keepalive for everyone.
        log.error("keepalive check failed", e);
      }
    }
  }

  /**
   * Sets when logged-in sessions that send no line are disconnected: always after {@code timeout},
   * and, to make room for a newcomer when the server is full, after {@code whenFull} (zero: never).
   */
  public void setIdleLimits(Duration timeout, Duration whenFull) {
    this.idleTimeout = timeout;
    this.idleWhenFull = whenFull;
  }

  /**
   * The server is full: disconnects the logged-in session that has sent no line for longest, with a
   * notice, if it has been idle at least {@code idle.when-full-seconds}. One scan of the sessions,
   * only when a connection would be refused.
   */
  @Override
  public synchronized boolean makeRoom() {
    Duration least = idleWhenFull;
    if (least.isZero() || closing) {
      return false;
    }
    // A newcomer's session is registered a moment after it is let in: room is made at most once a
    // second, so a burst of connections cannot each push someone out before the first shows up.
    if (lastRoomMade != 0 && System.nanoTime() - lastRoomMade < ROOM_SPACING_NANOS) {
      return false;
    }
    // Someone who has not logged in takes nobody's place while another connection is still at the
    // nickname prompt: else a few connections that never log in would push every idle user out,
    // one each. Room is made again once that one logs in or times out.
    for (ManagedSession session : sessions) {
      if (session.awaitingLogin()) {
        return false;
      }
    }
    long now = System.nanoTime();
    while (true) {
      ManagedSession idlest = null;
      long longest = least.toNanos();
      for (ManagedSession session : sessions) {
        long idle = session.idleNanos(now);
        if (idle >= longest) {
          idlest = session;
          longest = idle;
        }
      }
      if (idlest == null) {
        return false;
      }
      String reason =
          "idle for " + Keepalive.span(Duration.ofNanos(longest)) + " while the server was full";
      if (idlest.evict(reason)) {
        lastRoomMade = System.nanoTime();
        return true;
      }
      // it became busy or was closed meanwhile: look again
    }
  }

  /**
   * Sets what stops the whole server (with a reason everyone is told), for /SHUTDOWN. It is run on
   * a thread of its own, since it closes the session that asked.
   */
  public void onShutdownRequest(Consumer<String> stopper) {
    this.stopper = stopper;
  }

  /** Stops the server at a user's request (a server operator's /SHUTDOWN). */
  private void requestShutdown(User by, String reason) {
    Consumer<String> stop = stopper;
    if (stop == null) {
      throw new ChatException(
          ChatException.Reason.UNSUPPORTED, "This server cannot be stopped from here.");
    }
    log.info("{} asked the server to shut down", by.nick());
    Thread.ofPlatform().name("shutdown-request").start(() -> stop.accept(reason));
  }

  /** True once the server has begun to shut down. */
  public boolean isClosing() {
    return closing;
  }

  /** What every session of this server shares: for the sessions of protocol doors (IRC). */
  public SessionServices services() {
    return services;
  }

  /** Live sessions, logged in or not. */
  public int sessionCount() {
    return sessions.size();
  }

  /**
   * Tells everyone the server is going down, gives their output up to {@code grace} to be written,
   * then closes every session. Users are removed from the domain all at once, so nobody is sent a
   * quit notice for each of the others on the way out.
   */
  public void shutdown(String reason, Duration grace) {
    closing = true;
    for (ManagedSession session : sessions) {
      session.lastWords(); // the notice below ends their screen: no prompt is drawn after it
    }
    chat.announce("The server is shutting down: " + reason + ". Goodbye!");
    List<Thread> waits = new ArrayList<>();
    for (ManagedSession session : sessions) {
      waits.add(Thread.ofVirtual().start(() -> session.awaitOutput(grace)));
    }
    for (Thread wait : waits) {
      try {
        wait.join(grace.plusSeconds(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    chat.disconnectAll();
    for (ManagedSession session : sessions) {
      session.close("server shutting down");
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
