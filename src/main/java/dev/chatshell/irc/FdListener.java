package dev.chatshell.irc;

import dev.chatshell.transport.ConnectionLimits;
import dev.chatshell.transport.OncePer;
import dev.chatshell.transport.SocketListener;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain IRC's listening socket on Linux, a raw one: accepts clients as raw non-blocking sockets for
 * the {@link EpollReactor}, under the same limits and with the same socket options as the {@link
 * SocketListener} every other door uses (which this replaces for plain IRC only, because its
 * sockets are the JDK's). A client over a limit gets its line, and the reactor drains and closes
 * it.
 *
 * <p>One platform thread blocks in {@code accept4} (a virtual thread would hold its carrier there);
 * each accepted client is then set up on a virtual thread of its own, as the other doors do.
 */
final class FdListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FdListener.class);

  /** What the door does with an accepted client. */
  interface Door {
    /**
     * Serves {@code connection}, registered with the reactor, on a virtual thread of its own; from
     * then on the door closes it and calls {@link ConnectionLimits#release} for {@code address}
     * when the client has left. When it throws, the listener does both.
     */
    void serve(FdIrcConnection connection, InetAddress address) throws IOException;

    /** The line a client refused for {@code reason} is sent (no CR LF). */
    String refusal(String reason);
  }

  private final String name;
  private final InetAddress bind;
  private final int port;
  private final ConnectionLimits limits;
  private final EpollReactor reactor;
  private final Door door;
  private final OncePer refusalLog = new OncePer(Duration.ofSeconds(1));
  private final OncePer acceptFailures = new OncePer(Duration.ofSeconds(1));
  private volatile boolean closed; // set under this
  private int fd = -1;
  private int boundPort;

  FdListener(
      String name,
      InetAddress bind,
      int port,
      ConnectionLimits limits,
      EpollReactor reactor,
      Door door) {
    this.name = name;
    this.bind = bind;
    this.port = port;
    this.limits = limits;
    this.reactor = reactor;
    this.door = door;
  }

  /** Binds the port and starts accepting. */
  void start() throws IOException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment slot = Posix.errnoSlot(arena);
      // As the JDK binds the other doors: a wildcard address (0.0.0.0 included) on an IPv6 socket
      // that takes IPv4 clients too, unless the machine has no IPv6.
      InetAddress address = bind;
      boolean six = bind instanceof Inet6Address;
      if (bind.isAnyLocalAddress()) {
        fd = Posix.socket(slot, Posix.AF_INET6, Posix.SOCK_STREAM | Posix.SOCK_CLOEXEC);
        six = fd >= 0;
        address = six ? InetAddress.getByAddress(new byte[16]) : bind;
      }
      if (fd < 0) {
        fd =
            Posix.socket(
                slot, six ? Posix.AF_INET6 : Posix.AF_INET, Posix.SOCK_STREAM | Posix.SOCK_CLOEXEC);
      }
      if (fd < 0) {
        throw Posix.failure("socket", Posix.errno(slot));
      }
      try {
        Posix.setOption(fd, Posix.SOL_SOCKET, Posix.SO_REUSEADDR, 1);
        if (six && address.isAnyLocalAddress()) {
          Posix.setOption(fd, Posix.IPPROTO_IPV6, Posix.IPV6_V6ONLY, 0); // IPv4 clients too
        }
        // Accepted sockets inherit these on Linux: the same as SocketListener sets on each.
        Posix.setOption(fd, Posix.IPPROTO_TCP, Posix.TCP_NODELAY, 1);
        Posix.setOption(fd, Posix.SOL_SOCKET, Posix.SO_KEEPALIVE, 1);
        Posix.setOption(fd, Posix.IPPROTO_TCP, Posix.TCP_KEEPIDLE, 30);
        Posix.setOption(fd, Posix.IPPROTO_TCP, Posix.TCP_KEEPINTVL, 10);
        Posix.setOption(fd, Posix.IPPROTO_TCP, Posix.TCP_KEEPCNT, 3);
        Posix.bind(fd, address, port);
        if (Posix.listen(slot, fd, SocketListener.BACKLOG) < 0) {
          throw Posix.failure("listen", Posix.errno(slot));
        }
        boundPort = Posix.localPort(fd);
      } catch (IOException e) {
        Posix.close(slot, fd);
        fd = -1;
        throw e;
      }
    }
    Thread.ofPlatform().name(name + "-acceptor").daemon(true).start(this::acceptLoop);
    log.info("Listening for {} on {}:{}", name, bind.getHostAddress(), boundPort);
  }

  /** The port actually bound (useful when 0 was asked). */
  int port() {
    return boundPort;
  }

  /**
   * Stops accepting; open connections are left to their sessions. Shutting the socket down wakes
   * the acceptor (a close would not, on Linux), which then closes it.
   */
  @Override
  public synchronized void close() {
    if (closed || fd < 0) {
      return;
    }
    closed = true;
    Posix.shutdown(fd, Posix.SHUT_RDWR);
  }

  private void acceptLoop() {
    Arena arena = Arena.ofConfined();
    MemorySegment slot = Posix.errnoSlot(arena);
    MemorySegment peer = arena.allocate(Posix.SOCKADDR_SIZE, 8);
    MemorySegment length = arena.allocate(4, 4);
    while (!closed) {
      int client = Posix.accept(slot, fd, peer, length);
      if (client < 0) {
        int errno = Posix.errno(slot);
        if (!closed && errno != Posix.EINTR && errno != Posix.ECONNABORTED) {
          // Usually out of file descriptors: wait a little instead of spinning, log once a second.
          if (acceptFailures.tryAcquire()) {
            log.warn("{} accept failed: {}", name, Posix.failure("accept", errno).getMessage());
          }
          pause(SocketListener.ACCEPT_BACKOFF);
        }
        continue;
      }
      try {
        admit(client, Posix.address(peer), Posix.port(peer));
      } catch (Throwable e) {
        // Whatever it is (even an Error), the acceptor goes on: its end would leave the port
        // bound with nobody accepting. admit() has closed the client unless it failed before
        // anything took the socket over.
        log.error("{}: cannot take a client", name, e);
      }
    }
    synchronized (this) {
      Posix.close(slot, fd); // after close() has shut it down: the number is not reused before
    }
    arena.close();
  }

  /**
   * Counts {@code client} in and hands it over, or refuses it. Once the reactor has it, only a
   * close of the connection may close the socket (the reactor closes it): a raw close here could
   * hit a number the kernel has given to someone else by then.
   */
  private void admit(int client, InetAddress address, int clientPort) {
    String refusal;
    try {
      refusal = limits.reserve(address);
    } catch (Throwable e) {
      closeRaw(client);
      throw e;
    }
    if (refusal != null) {
      if (refusalLog.tryAcquire()) {
        log.info("Refused {} ({}): {}", address.getHostAddress(), name, refusal);
      }
      refuse(client, door.refusal(refusal));
      return;
    }
    FdIrcConnection connection;
    try {
      connection = new FdIrcConnection(client, address.getHostAddress(), clientPort, reactor);
    } catch (Throwable e) {
      closeRaw(client);
      limits.release(address);
      throw e;
    }
    if (!reactor.register(connection)) {
      limits.release(address); // stopped: the reactor closed the socket
      return;
    }
    try {
      Thread.ofVirtual()
          .name(name + "-" + address.getHostAddress() + ":" + clientPort)
          .start(() -> serve(connection, address));
    } catch (Throwable e) {
      connection.close();
      limits.release(address);
      throw e;
    }
  }

  private static void closeRaw(int fd) {
    try (Arena arena = Arena.ofConfined()) {
      Posix.close(Posix.errnoSlot(arena), fd);
    }
  }

  private void serve(FdIrcConnection connection, InetAddress address) {
    try {
      door.serve(connection, address);
    } catch (IOException e) {
      log.info("Connection from {} ({}) failed: {}", address.getHostAddress(), name, e.toString());
      connection.close();
      limits.release(address);
    } catch (Throwable e) {
      log.error("Session of {} ({}) crashed", address.getHostAddress(), name, e);
      connection.close();
      limits.release(address);
    }
  }

  /**
   * Tells a refused client why (its line fits an empty socket's buffer, so a non-blocking send puts
   * it all out), shuts the sending side, and leaves the rest to the reactor, so that the line is
   * not lost to a reset if the client had sent something.
   */
  private void refuse(int client, String line) {
    byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
    Posix.send(client, bytes, 0, bytes.length, new int[1]);
    Posix.shutdown(client, Posix.SHUT_WR);
    reactor.refuse(client);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
