package dev.chatshell.irc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain IRC client on a raw non-blocking socket, served by the {@link EpollReactor}: what it
 * costs while idle is this object, its line splitter and a lock; the socket is an {@code int}.
 *
 * <p>The file descriptor is closed by the reactor alone, after it has stopped watching it, and
 * every other call on it (a send, a change of what the reactor watches) is made under this object's
 * lock while it is not {@link #closing}. So no call can reach a number the kernel has meanwhile
 * given to another client.
 *
 * <p>Threading: the reactor thread reads and owns the {@link IrcLineSplitter}; any thread writes,
 * one whole write at a time under the write lock (a writer waiting for the socket parks holding it,
 * but never holding this object's lock); any thread may close.
 */
final class FdIrcConnection extends PlainIrcConnection {
  private static final Logger log = LoggerFactory.getLogger(FdIrcConnection.class);

  private final int fd;
  private final EpollReactor reactor;
  private final IrcLineSplitter lines = new IrcLineSplitter();
  private final Object writeLock = new Object();
  private int watching; // the epoll events asked for; 0: not in the epoll set. Guarded by this
  private volatile boolean closing; // closed on our side; the reactor closes the fd. Set under this
  private volatile Input input; // set once by start; close() on another thread reads it

  /** {@code fd}: an accepted non-blocking socket, now this connection's to close. */
  FdIrcConnection(int fd, String address, int port, EpollReactor reactor) {
    super(address, port);
    this.fd = fd;
    this.reactor = reactor;
  }

  int fd() {
    return fd;
  }

  @Override
  void start(Input input) {
    this.input = input;
    if (closing) {
      // Closed before it was started (a shutdown between the session's registration and here):
      // close() may not have known whom to tell.
      input.closed();
      return;
    }
    resumeReading();
  }

  @Override
  void resumeReading() {
    watch(Posix.EPOLLIN, 0);
  }

  /** Adds and removes events the reactor watches the socket for; nothing once closing. */
  private synchronized void watch(int add, int remove) {
    if (closing) {
      return;
    }
    int now = (watching | add) & ~remove;
    if (now == watching) {
      return;
    }
    try {
      reactor.watch(fd, watching, now);
      watching = now;
    } catch (IOException e) {
      // Only a kernel out of memory refuses: this client cannot be served, the others go on.
      log.warn("{}: {}", this, e.toString());
      Thread.ofVirtual().start(this::close); // not here: the caller may be the reactor
    }
  }

  /**
   * The reactor's part, on its thread: the kernel says {@code events} happened on the socket.
   * {@code buffer} is the reactor's read buffer (backed by {@code bytes}).
   */
  void ready(int events, byte[] bytes, ByteBuffer buffer) {
    int asked;
    synchronized (this) {
      if (closing) {
        return;
      }
      asked = watching;
    }
    boolean failed = (events & (Posix.EPOLLERR | Posix.EPOLLHUP)) != 0;
    if ((asked & Posix.EPOLLOUT) != 0 && ((events & Posix.EPOLLOUT) != 0 || failed)) {
      watch(0, Posix.EPOLLOUT); // once: the writer asks again if it must
      writable();
    }
    if ((asked & Posix.EPOLLIN) != 0 && ((events & Posix.EPOLLIN) != 0 || failed)) {
      readable(bytes, buffer);
    }
  }

  /**
   * Reads what has come, cuts it into lines, and hands any whole lines on (reading stops until they
   * have been run). Part of a line is kept here until the rest comes.
   */
  private void readable(byte[] bytes, ByteBuffer buffer) {
    int[] errno = new int[1];
    int read = Posix.read(fd, bytes, errno);
    if (read < 0 && (errno[0] == Posix.EAGAIN || errno[0] == Posix.EINTR)) {
      return; // nothing after all
    }
    List<String> got = List.of();
    boolean gone = read <= 0; // end of stream, or reset by the peer
    if (gone) {
      peerClosed();
    } else {
      heard();
      buffer.clear().limit(read);
      got = lines.all(buffer);
      if (got.isEmpty()) {
        return; // only part of a line so far
      }
    }
    watch(0, Posix.EPOLLIN);
    input.received(got, gone);
  }

  @Override
  void write(byte[] bytes, int length) throws IOException {
    synchronized (writeLock) {
      int[] errno = new int[1];
      int from = 0;
      while (from < length) {
        long sent;
        synchronized (this) {
          if (closing) {
            throw new IOException("connection closed");
          }
          sent = Posix.send(fd, bytes, from, length, errno);
        }
        if (sent >= 0) {
          from += (int) sent;
        } else if (errno[0] == Posix.EAGAIN) {
          awaitWritable();
        } else if (errno[0] != Posix.EINTR) {
          throw Posix.failure("send", errno[0]);
        }
      }
    }
  }

  @Override
  void watchWritable() {
    watch(Posix.EPOLLOUT, 0);
  }

  @Override
  boolean closedHere() {
    return closing; // close() sets it before it unparks
  }

  @Override
  public boolean isOpen() {
    return notClosed() && !closing;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    peerClosed();
    reactor.closeLater(this);
    writable(); // a writer parked on it fails at its next send
    Input told = input;
    if (told != null) {
      told.closed();
    }
  }

  /**
   * The reactor's part, on its thread, after {@link #close}: stops watching the socket and says
   * which events were watched, so that the reactor can close the fd.
   */
  synchronized int stopWatching() {
    int was = watching;
    watching = 0;
    return was;
  }
}
