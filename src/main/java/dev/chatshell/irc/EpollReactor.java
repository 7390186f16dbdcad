package dev.chatshell.irc;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves plain IRC connections on Linux from one thread waiting in {@code epoll_wait}, on raw
 * sockets ({@link FdIrcConnection}). It does what the {@link IrcReactor} does on the JDK's
 * selector, without its objects: an idle client is an {@code int} in the kernel's epoll set and a
 * slot in this reactor's table, not a channel, a selection key and their locks and addresses (about
 * 740 bytes of heap a client, measured).
 *
 * <p>The reactor reads whichever client has sent something into one buffer of its own and hands
 * whole lines to the session, which runs them on a virtual thread that ends when they are done (see
 * {@link IrcReactor} for why one thread is enough). Other threads change what a socket is watched
 * for directly ({@code epoll_ctl} may be called from any thread), so nothing waits for this thread
 * but closing: a socket is closed here alone, after it has left the epoll set, and only between two
 * waits, so that no event read in one wait can name a number the kernel has given to someone else.
 *
 * <p>It also finishes refusing clients over the limits: the listener sends them their line and
 * hands them here to be drained and closed within {@link #REFUSAL_TIME}, as no thread may block on
 * a raw socket.
 */
final class EpollReactor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EpollReactor.class);

  /** One read's worth: several lines of a busy client; what is read is run before more is read. */
  private static final int READ_BUFFER = 8 * 1024;

  private static final int EVENTS_PER_WAIT = 256;
  private static final long WAKE = -1; // the eventfd's tag; sockets are tagged with their fd
  private static final long REFUSED = 1L << 32; // tag bit of a refused client being drained
  private static final Duration LINGER = Duration.ofSeconds(10);
  private static final Duration CLOSING_TURN = Duration.ofMillis(100);
  private static final Duration AFTER_FAILURE = Duration.ofMillis(100);

  /** How long a refused client is given to read its line before it is closed. */
  static final Duration REFUSAL_TIME = Duration.ofSeconds(2);

  /** Refused clients drained at once; beyond, they are closed without a word. */
  static final int MAX_REFUSING = 64;

  private final int epoll;
  private final int wake;
  private final byte[] bytes = new byte[READ_BUFFER]; // the reactor thread's only
  private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
  private final Queue<FdIrcConnection> toClose = new ConcurrentLinkedQueue<>();
  private final Queue<Refused> newlyRefused = new ConcurrentLinkedQueue<>();
  private final List<Refused> refusing = new ArrayList<>(); // the reactor thread's only
  private final AtomicInteger refusals = new AtomicInteger();
  private final Object tableLock = new Object();
  private FdIrcConnection[] byFd = new FdIrcConnection[1024]; // guarded by tableLock
  private int served; // connections in the table; guarded by tableLock
  private boolean stopped; // the fds above are closed; guarded by tableLock
  private volatile boolean closing;
  private volatile long closedAt;

  private record Refused(int fd, long deadline) {}

  EpollReactor(String name) throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment slot = Posix.errnoSlot(arena);
      epoll = Posix.epollCreate(slot);
      if (epoll < 0) {
        throw Posix.failure("epoll_create1", Posix.errno(slot));
      }
      wake = Posix.eventFd(slot);
      if (wake < 0) {
        int errno = Posix.errno(slot);
        Posix.close(slot, epoll);
        throw Posix.failure("eventfd", errno);
      }
    }
    try {
      Posix.epollControl(epoll, Posix.EPOLL_CTL_ADD, wake, Posix.EPOLLIN, WAKE);
    } catch (IOException e) {
      closeFd(wake);
      closeFd(epoll);
      throw e;
    }
    Thread.ofPlatform().name(name).daemon(true).start(this::loop);
  }

  /**
   * Takes {@code connection} on (its socket not yet watched: see {@link #watch}); false when the
   * reactor has stopped, and the socket has then been closed.
   */
  boolean register(FdIrcConnection connection) {
    int fd = connection.fd();
    synchronized (tableLock) {
      if (!stopped) {
        if (fd >= byFd.length) {
          byFd = Arrays.copyOf(byFd, Math.max(fd + 1, byFd.length * 2));
        }
        byFd[fd] = connection;
        served++;
        return true;
      }
    }
    closeFd(fd);
    return false;
  }

  /** Watches {@code fd} for {@code after} instead of {@code before} (0: not in the set). */
  void watch(int fd, int before, int after) throws IOException {
    int op =
        before == 0 ? Posix.EPOLL_CTL_ADD : after == 0 ? Posix.EPOLL_CTL_DEL : Posix.EPOLL_CTL_MOD;
    Posix.epollControl(epoll, op, fd, after, fd);
  }

  /** {@code connection} was closed: its socket is closed at the reactor's next turn. */
  void closeLater(FdIrcConnection connection) {
    synchronized (tableLock) {
      if (!stopped) {
        toClose.add(connection);
        Posix.poke(wake);
        return;
      }
    }
    connection.stopWatching();
    closeFd(connection.fd()); // the reactor has gone: nothing else reads or watches it
  }

  /**
   * Drains and closes a refused client, whose line has been sent and whose sending side is shut; or
   * closes it at once when {@link #MAX_REFUSING} are already being drained.
   */
  void refuse(int fd) {
    if (refusals.incrementAndGet() <= MAX_REFUSING) {
      synchronized (tableLock) {
        if (!stopped) {
          newlyRefused.add(new Refused(fd, System.nanoTime() + REFUSAL_TIME.toNanos()));
          Posix.poke(wake);
          return;
        }
      }
    }
    refusals.decrementAndGet();
    closeFd(fd);
  }

  private static void closeFd(int fd) {
    try (Arena arena = Arena.ofConfined()) {
      Posix.close(Posix.errnoSlot(arena), fd);
    }
  }

  private void loop() {
    Arena arena = Arena.ofConfined();
    MemorySegment slot = Posix.errnoSlot(arena);
    MemorySegment events = arena.allocate(Posix.EPOLL_EVENT_SIZE * EVENTS_PER_WAIT, 8);
    boolean failing = false;
    while (true) {
      try {
        if (closing && (nothingLeft() || System.nanoTime() - closedAt > LINGER.toNanos())) {
          break;
        }
        int ready = Posix.epollWait(slot, epoll, events, EVENTS_PER_WAIT, timeout());
        if (ready < 0 && Posix.errno(slot) != Posix.EINTR) {
          throw Posix.failure("epoll_wait", Posix.errno(slot));
        }
        for (int i = 0; i < ready; i++) {
          dispatch(Posix.eventMask(events, i), Posix.eventData(events, i), slot);
        }
        closePending(slot);
        takeRefused();
        expireRefused(slot);
        failing = false;
      } catch (Throwable e) {
        // Whatever it is (even an Error), the reactor goes on: its end would end every plain IRC
        // client. Logged once per run of failures, and a pause so that a wait failing at once
        // each time does not take a core.
        if (!failing) {
          log.error("IRC reactor: a turn failed", e);
        }
        failing = true;
        pause();
      }
    }
    closeAll(slot);
    arena.close();
  }

  private boolean nothingLeft() {
    synchronized (tableLock) {
      return served == 0 && refusing.isEmpty() && newlyRefused.isEmpty();
    }
  }

  /** Milliseconds to wait: for ever, unless a refused client or the closing has a deadline. */
  private int timeout() {
    if (closing) {
      return (int) CLOSING_TURN.toMillis();
    }
    if (refusing.isEmpty()) {
      return -1;
    }
    long soonest = Long.MAX_VALUE;
    for (Refused refused : refusing) {
      soonest = Math.min(soonest, refused.deadline());
    }
    return (int) Math.max(1, (soonest - System.nanoTime()) / 1_000_000 + 1);
  }

  private void dispatch(int mask, long data, MemorySegment slot) {
    if (data == WAKE) {
      Posix.drain(wake);
    } else if ((data & REFUSED) != 0) {
      drainRefused((int) data, slot);
    } else {
      FdIrcConnection connection;
      synchronized (tableLock) {
        int fd = (int) data;
        connection = fd < byFd.length ? byFd[fd] : null;
      }
      if (connection != null) {
        try {
          connection.ready(mask, bytes, buffer);
        } catch (Throwable e) {
          // One broken connection must not stop the reactor: that would stop every plain IRC
          // client. An Error too (out of memory reading, or starting the thread that runs the
          // lines): this client is closed and the others are still served.
          log.error("{}: reading failed", connection, e);
          closeAfterFailure(connection);
        }
      }
    }
  }

  private static void closeAfterFailure(FdIrcConnection connection) {
    try {
      connection.close();
    } catch (Throwable e) {
      log.error("{}: closing failed", connection, e);
    }
  }

  /** Closes the sockets of connections closed since the last turn, out of the set first. */
  private void closePending(MemorySegment slot) {
    FdIrcConnection connection;
    while ((connection = toClose.poll()) != null) {
      int fd = connection.fd();
      if (connection.stopWatching() != 0) {
        try {
          Posix.epollControl(epoll, Posix.EPOLL_CTL_DEL, fd, 0, 0);
        } catch (IOException e) {
          // closing the fd takes it out of the set anyway
        }
      }
      synchronized (tableLock) {
        if (fd < byFd.length && byFd[fd] == connection) {
          byFd[fd] = null;
          served--;
        }
      }
      Posix.close(slot, fd);
    }
  }

  private void takeRefused() {
    Refused refused;
    while ((refused = newlyRefused.poll()) != null) {
      refusing.add(refused);
      try {
        Posix.epollControl(
            epoll, Posix.EPOLL_CTL_ADD, refused.fd(), Posix.EPOLLIN, REFUSED | refused.fd());
      } catch (IOException e) {
        // not watched: closed at its deadline all the same
        log.debug("watching a refused client: {}", e.toString());
      }
    }
  }

  /** Reads and drops what a refused client sends; closes it once it has closed its side. */
  private void drainRefused(int fd, MemorySegment slot) {
    int[] errno = new int[1];
    int read;
    int reads = 0;
    do {
      read = Posix.read(fd, bytes, errno);
    } while (read > 0 && ++reads < 4); // a few buffers a turn: it must not keep the reactor
    if (read > 0 || read < 0 && errno[0] == Posix.EAGAIN) {
      return; // still there: it has until its deadline
    }
    for (int i = 0; i < refusing.size(); i++) {
      if (refusing.get(i).fd() == fd) {
        closeRefused(refusing.remove(i), slot);
        return;
      }
    }
  }

  private void expireRefused(MemorySegment slot) {
    if (refusing.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    for (int i = refusing.size() - 1; i >= 0; i--) {
      if (now - refusing.get(i).deadline() >= 0) {
        closeRefused(refusing.remove(i), slot);
      }
    }
  }

  private void closeRefused(Refused refused, MemorySegment slot) {
    try {
      // Out of the set first: a close alone leaves it there if a copy of the fd lives on.
      Posix.epollControl(epoll, Posix.EPOLL_CTL_DEL, refused.fd(), 0, 0);
    } catch (IOException e) {
      // not in the set (its ADD failed)
    }
    Posix.close(slot, refused.fd());
    refusals.decrementAndGet();
  }

  private static void pause() {
    try {
      Thread.sleep(AFTER_FAILURE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the reactor once the clients it serves have gone. Called after the server's shutdown has
   * told every session why and closed it: their last ERROR lines may still need the reactor to be
   * written. Those still here after {@link #LINGER} (which only a fault would leave) are closed
   * then.
   */
  @Override
  public void close() {
    closedAt = System.nanoTime();
    closing = true;
    synchronized (tableLock) {
      if (!stopped) {
        Posix.poke(wake);
      }
    }
  }

  /**
   * On the reactor thread: closes what is left, then the reactor's own fds. Once stopped, a
   * connection closed from elsewhere closes its own socket, as nothing here reads it any more.
   */
  private void closeAll(MemorySegment slot) {
    List<FdIrcConnection> left = new ArrayList<>();
    synchronized (tableLock) {
      stopped = true;
      for (FdIrcConnection connection : byFd) {
        if (connection != null) {
          left.add(connection);
        }
      }
    }
    for (FdIrcConnection connection : left) {
      closeAfterFailure(connection);
    }
    closePending(slot); // those closed before: their fds are still open
    refusing.addAll(newlyRefused);
    for (Refused refused : refusing) {
      closeRefused(refused, slot);
    }
    refusing.clear();
    Posix.close(slot, wake);
    Posix.close(slot, epoll);
  }
}
