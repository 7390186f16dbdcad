package dev.chatshell.shell;

import dev.chatshell.transport.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The keepalive checks of one session, about once a second: drops connections that never log in or
 * whose output has been stuck for a keepalive period, disconnects users idle past the limit, pings
 * silent telnet clients and drops those that do not answer in time.
 *
 * <p>Threading: {@link #tick} runs on the manager's keepalive timer thread, which alone owns {@link
 * #pingSent}. A ping is a write and may block, so it is sent from a short-lived thread of its own,
 * which only sets {@link #pingUnsupported} (or drops the session).
 */
public final class Keepalive {
  /** What the keepalive checks and acts on: one session, of any door. */
  public interface Watched {
    /** True once the user has logged in. */
    boolean loggedIn();

    /** True once the client can be pinged (its screen or protocol is set up). */
    boolean pingable();

    /**
     * How long a logged-in user has sent nothing, in nanoseconds; -1 for sessions never
     * disconnected for idling.
     */
    long idleNanos(long now);

    /** Disconnects a logged-in user for idling, telling them why; false when it was not idling. */
    boolean evict(String reason);

    /** Ends the session from any thread, with a reason fit to tell others. */
    void drop(String reason, Throwable cause);
  }

  // How long an idle session given notice may take to read it before it is closed regardless.
  private static final Duration EVICTION_GRACE = Duration.ofSeconds(2);

  private final Watched session;
  private final Connection connection;
  private final Outbox outbox;
  private final SessionEnd end;
  private final ShellSettings settings;
  private final Supplier<Duration> idleTimeout;
  private final long started = System.nanoTime();
  private long pingSent; // timer thread: when the unanswered ping was sent, or 0
  private volatile boolean pingUnsupported; // plain client: TCP keepalive watches it instead

  public Keepalive(
      Watched session,
      Connection connection,
      Outbox outbox,
      SessionEnd end,
      ShellSettings settings,
      Supplier<Duration> idleTimeout) {
    this.session = session;
    this.connection = connection;
    this.outbox = outbox;
    this.end = end;
    this.settings = settings;
    this.idleTimeout = idleTimeout;
  }

  public void tick(long now) {
    if (!session.loggedIn() && now - started > settings.loginTimeout().toNanos()) {
      session.drop("no login within " + settings.loginTimeout().toSeconds() + " s", null);
      return;
    }
    long evicted = end.evictedAt();
    if (evicted != 0) {
      if (now - evicted > EVICTION_GRACE.toNanos()) {
        session.drop(end.reason(), null); // its notice is stuck behind a client that does not read
      }
      return;
    }
    Duration idle = idleTimeout.get();
    if (!idle.isZero() && session.idleNanos(now) > idle.toNanos()) {
      session.evict("no line sent for " + span(idle));
      return;
    }
    long interval = settings.keepalive().toNanos();
    if (outbox.blockedFor(now) > interval) {
      session.drop(
          "not reading: output blocked for " + settings.keepalive().toSeconds() + " s", null);
      return;
    }
    long heard = connection.lastHeardNanos();
    if (pingSent != 0) {
      if (pingUnsupported || heard - pingSent >= 0) {
        pingSent = 0; // answered, or never to be
      } else if (now - pingSent > interval) {
        session.drop("ping timeout: no answer in " + settings.keepalive().toSeconds() + " s", null);
      }
      return;
    }
    if (!pingUnsupported && session.pingable() && now - heard > interval) {
      pingSent = now;
      // A ping is a write and may block on a client that does not read: never on the timer thread.
      Thread.ofVirtual().name("ping").start(this::ping);
    }
  }

  private void ping() {
    try {
      if (!connection.ping()) {
        pingUnsupported = true;
      }
    } catch (IOException e) {
      session.drop("connection lost", e);
    }
  }

  /** A stretch of time as a person says it: "40 seconds", "12 minutes", "3 hours". */
  public static String span(Duration time) {
    long seconds = time.toSeconds();
    long count = seconds < 120 ? seconds : seconds < 7200 ? seconds / 60 : seconds / 3600;
    String unit = seconds < 120 ? "second" : seconds < 7200 ? "minute" : "hour";
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
