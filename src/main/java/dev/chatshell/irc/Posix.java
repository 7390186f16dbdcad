package dev.chatshell.irc;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The Linux system calls plain IRC is served with (sockets, epoll, eventfd), called through the
 * JDK's foreign function interface. Why not the JDK's channels: each channel brings a dozen objects
 * (the channel, its locks, its socket adaptor, two addresses, a selection key and the selector's
 * map entry), about 740 bytes of heap for every idle client; a file descriptor in an {@code int}
 * costs four.
 *
 * <p>Calls that cannot block (every one on a non-blocking socket, epoll_ctl, shutdown) are linked
 * as critical, so that they read and write Java arrays in place and need no native memory; those
 * that block (epoll_wait, accept4 on the listening socket, close) are not, as a critical call holds
 * up the garbage collector for as long as it runs. {@code errno} is captured by each call, into
 * memory of the caller's own.
 *
 * <p>Only on Linux, on x86-64 and AArch64 (whose {@code struct epoll_event} layouts this knows):
 * {@link #AVAILABLE} says whether it can be used; elsewhere the door falls back on the JDK's
 * channels ({@link IrcReactor}).
 */
final class Posix {
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int SOCK_STREAM = 1;
  static final int SOCK_NONBLOCK = 0x800;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int SOL_SOCKET = 1;
  static final int SO_REUSEADDR = 2;
  static final int SO_KEEPALIVE = 9;
  static final int IPPROTO_TCP = 6;
  static final int IPPROTO_IPV6 = 41;
  static final int IPV6_V6ONLY = 26;
  static final int TCP_NODELAY = 1;
  static final int TCP_KEEPIDLE = 4;
  static final int TCP_KEEPINTVL = 5;
  static final int TCP_KEEPCNT = 6;
  static final int EPOLL_CTL_ADD = 1;
  static final int EPOLL_CTL_DEL = 2;
  static final int EPOLL_CTL_MOD = 3;
  static final int EPOLLIN = 0x1;
  static final int EPOLLOUT = 0x4;
  static final int EPOLLERR = 0x8;
  static final int EPOLLHUP = 0x10;
  static final int EPOLLRDHUP = 0x2000;
  static final int MSG_DONTWAIT = 0x40;
  static final int MSG_NOSIGNAL = 0x4000;
  static final int SHUT_WR = 1;
  static final int SHUT_RDWR = 2;
  static final int EINTR = 4;
  static final int EAGAIN = 11;
  static final int ECONNABORTED = 103;

  /** Bytes of {@code struct epoll_event}: packed on x86-64 (data at 4), padded elsewhere. */
  static final long EPOLL_EVENT_SIZE;

  /** Where {@code epoll_event.data} is in it. */
  static final long EPOLL_DATA_OFFSET;

  /** Enough for a {@code struct sockaddr_in6}, the larger of the two families. */
  static final int SOCKADDR_SIZE = 28;

  /** Whether these calls can be used here; when false, no other member may be. */
  static final boolean AVAILABLE;

  /** Why they cannot, for the log; null when they can. */
  static final String UNAVAILABLE_BECAUSE;

  private static final ValueLayout.OfShort PORT = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);

  private static final MethodHandle SOCKET;
  private static final MethodHandle SETSOCKOPT;
  private static final MethodHandle BIND;
  private static final MethodHandle LISTEN;
  private static final MethodHandle GETSOCKNAME;
  private static final MethodHandle ACCEPT4;
  private static final MethodHandle EPOLL_CREATE1;
  private static final MethodHandle EPOLL_CTL;
  private static final MethodHandle EPOLL_WAIT;
  private static final MethodHandle EVENTFD;
  private static final MethodHandle READ;
  private static final MethodHandle WRITE;
  private static final MethodHandle SEND;
  private static final MethodHandle SHUTDOWN;
  private static final MethodHandle CLOSE;
  private static final MethodHandle STRERROR;

  static {
    String arch = System.getProperty("os.arch", "");
    boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
    boolean arm = arch.equals("aarch64");
    EPOLL_EVENT_SIZE = x86 ? 12 : 16;
    EPOLL_DATA_OFFSET = x86 ? 4 : 8;
    MethodHandle[] handles = new MethodHandle[16];
    String why = null;
    if (!linux || !(x86 || arm)) {
      why = "not Linux on x86-64 or AArch64";
    } else {
      try {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        Linker.Option critical = Linker.Option.critical(true);
        int i = 0;
        handles[i++] = link(linker, libc, "socket", of(JAVA_INT, JAVA_INT, JAVA_INT), errno);
        handles[i++] =
            link(
                linker,
                libc,
                "setsockopt",
                of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT),
                errno,
                critical);
        handles[i++] = link(linker, libc, "bind", of(JAVA_INT, ADDRESS, JAVA_INT), errno, critical);
        handles[i++] = link(linker, libc, "listen", of(JAVA_INT, JAVA_INT), errno);
        handles[i++] =
            link(linker, libc, "getsockname", of(JAVA_INT, ADDRESS, ADDRESS), errno, critical);
        handles[i++] =
            link(linker, libc, "accept4", of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT), errno);
        handles[i++] = link(linker, libc, "epoll_create1", of(JAVA_INT), errno);
        handles[i++] =
            link(
                linker,
                libc,
                "epoll_ctl",
                of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS),
                errno,
                critical);
        handles[i++] =
            link(linker, libc, "epoll_wait", of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), errno);
        handles[i++] = link(linker, libc, "eventfd", of(JAVA_INT, JAVA_INT), errno);
        handles[i++] =
            link(
                linker,
                libc,
                "read",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
                errno,
                critical);
        handles[i++] =
            link(
                linker,
                libc,
                "write",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG),
                errno,
                critical);
        handles[i++] =
            link(
                linker,
                libc,
                "send",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT),
                errno,
                critical);
        handles[i++] = link(linker, libc, "shutdown", of(JAVA_INT, JAVA_INT), errno, critical);
        handles[i++] = link(linker, libc, "close", of(JAVA_INT), errno);
        handles[i] =
            linker.downcallHandle(
                libc.find("strerror").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT));
      } catch (RuntimeException | LinkageError e) {
        why = e.toString();
      }
    }
    SOCKET = handles[0];
    SETSOCKOPT = handles[1];
    BIND = handles[2];
    LISTEN = handles[3];
    GETSOCKNAME = handles[4];
    ACCEPT4 = handles[5];
    EPOLL_CREATE1 = handles[6];
    EPOLL_CTL = handles[7];
    EPOLL_WAIT = handles[8];
    EVENTFD = handles[9];
    READ = handles[10];
    WRITE = handles[11];
    SEND = handles[12];
    SHUTDOWN = handles[13];
    CLOSE = handles[14];
    STRERROR = handles[15];
    UNAVAILABLE_BECAUSE = why;
    AVAILABLE = why == null;
  }

  private Posix() {}

  /** An {@code int f(int, ...)}: every call here but read, write and send returns an int. */
  private static FunctionDescriptor of(MemoryLayout... arguments) {
    return FunctionDescriptor.of(JAVA_INT, arguments);
  }

  private static MethodHandle link(
      Linker linker,
      SymbolLookup libc,
      String name,
      FunctionDescriptor type,
      Linker.Option... options) {
    return linker.downcallHandle(libc.find(name).orElseThrow(), type, options);
  }

  /**
   * Where a call that is not critical leaves its {@code errno}: native memory, one per thread that
   * makes such calls (the reactor's, the acceptor's), kept for the thread's life.
   */
  static MemorySegment errnoSlot(Arena arena) {
    return arena.allocate(Linker.Option.captureStateLayout());
  }

  static int errno(MemorySegment slot) {
    return slot.get(JAVA_INT, 0);
  }

  /** A system call failed: an IOException saying which and why. */
  static IOException failure(String call, int errno) {
    String text;
    try {
      MemorySegment message = (MemorySegment) STRERROR.invokeExact(errno);
      text = message.reinterpret(256).getString(0);
    } catch (Throwable e) {
      text = "errno " + errno;
    }
    return new IOException(call + ": " + text);
  }

  // Every call below returns what the system call returns: -1 on failure, with errno in the slot
  // (or in the array passed), or throws an IOException when it says so.

  static int socket(MemorySegment slot, int family, int type) {
    try {
      return (int) SOCKET.invokeExact(slot, family, type, 0);
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  /** Sets an int socket option. */
  static void setOption(int fd, int level, int name, int value) throws IOException {
    int[] errno = new int[1];
    int result;
    try {
      result =
          (int)
              SETSOCKOPT.invokeExact(
                  MemorySegment.ofArray(errno),
                  fd,
                  level,
                  name,
                  MemorySegment.ofArray(new int[] {value}),
                  4);
    } catch (Throwable e) {
      throw unexpected(e);
    }
    if (result < 0) {
      throw failure("setsockopt", errno[0]);
    }
  }

  /** Binds {@code fd} to {@code address}:{@code port}. */
  static void bind(int fd, InetAddress address, int port) throws IOException {
    byte[] sockaddr = sockaddr(address, port);
    int[] errno = new int[1];
    int result;
    try {
      result =
          (int)
              BIND.invokeExact(
                  MemorySegment.ofArray(errno),
                  fd,
                  MemorySegment.ofArray(sockaddr),
                  sockaddr.length);
    } catch (Throwable e) {
      throw unexpected(e);
    }
    if (result < 0) {
      // As the JDK words it: "Address already in use", which the server's start-up reports.
      throw new BindException(failure("bind", errno[0]).getMessage().substring("bind: ".length()));
    }
  }

  static int listen(MemorySegment slot, int fd, int backlog) {
    try {
      return (int) LISTEN.invokeExact(slot, fd, backlog);
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  /** The port {@code fd} is bound to. */
  static int localPort(int fd) throws IOException {
    byte[] sockaddr = new byte[SOCKADDR_SIZE];
    int[] length = {SOCKADDR_SIZE};
    int[] errno = new int[1];
    int result;
    try {
      result =
          (int)
              GETSOCKNAME.invokeExact(
                  MemorySegment.ofArray(errno),
                  fd,
                  MemorySegment.ofArray(sockaddr),
                  MemorySegment.ofArray(length));
    } catch (Throwable e) {
      throw unexpected(e);
    }
    if (result < 0) {
      throw failure("getsockname", errno[0]);
    }
    return port(MemorySegment.ofArray(sockaddr));
  }

  /**
   * Accepts a connection on a blocking listening socket, as a non-blocking socket; its peer's
   * address goes into {@code peer} ({@link #SOCKADDR_SIZE} bytes of native memory, with its length
   * at {@code length}).
   */
  static int accept(MemorySegment slot, int fd, MemorySegment peer, MemorySegment length) {
    length.set(JAVA_INT, 0, SOCKADDR_SIZE);
    try {
      return (int) ACCEPT4.invokeExact(slot, fd, peer, length, SOCK_NONBLOCK | SOCK_CLOEXEC);
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  static int epollCreate(MemorySegment slot) {
    try {
      return (int) EPOLL_CREATE1.invokeExact(slot, SOCK_CLOEXEC); // EPOLL_CLOEXEC has its value
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  /** Adds, changes or removes ({@code op}) what {@code epoll} watches {@code fd} for. */
  static void epollControl(int epoll, int op, int fd, int events, long data) throws IOException {
    long[] event = new long[2]; // 16 bytes, 8-aligned: either layout fits
    MemorySegment segment = MemorySegment.ofArray(event);
    segment.set(JAVA_INT, 0, events);
    segment.set(JAVA_LONG_UNALIGNED, EPOLL_DATA_OFFSET, data);
    int[] errno = new int[1];
    int result;
    try {
      result = (int) EPOLL_CTL.invokeExact(MemorySegment.ofArray(errno), epoll, op, fd, segment);
    } catch (Throwable e) {
      throw unexpected(e);
    }
    if (result < 0) {
      throw failure("epoll_ctl", errno[0]);
    }
  }

  /** Waits for events into {@code events} (native memory, {@code max} of them). */
  static int epollWait(MemorySegment slot, int epoll, MemorySegment events, int max, int millis) {
    try {
      return (int) EPOLL_WAIT.invokeExact(slot, epoll, events, max, millis);
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  static int eventMask(MemorySegment events, int i) {
    return events.get(JAVA_INT, i * EPOLL_EVENT_SIZE);
  }

  static long eventData(MemorySegment events, int i) {
    return events.get(JAVA_LONG_UNALIGNED, i * EPOLL_EVENT_SIZE + EPOLL_DATA_OFFSET);
  }

  static int eventFd(MemorySegment slot) {
    try {
      return (int) EVENTFD.invokeExact(slot, 0, SOCK_NONBLOCK | SOCK_CLOEXEC); // EFD_ same values
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  /**
   * Reads into {@code buffer}: the count, 0 at end of stream, -1 with errno in {@code errno[0]}.
   */
  static int read(int fd, byte[] buffer, int[] errno) {
    try {
      return (int)
          (long)
              READ.invokeExact(
                  MemorySegment.ofArray(errno),
                  fd,
                  MemorySegment.ofArray(buffer),
                  (long) buffer.length);
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  /** Adds one to an eventfd's count (waking whoever waits for it); never blocks. */
  static void poke(int eventFd) {
    try {
      long ignored =
          (long)
              WRITE.invokeExact(
                  MemorySegment.ofArray(new int[1]),
                  eventFd,
                  MemorySegment.ofArray(new long[] {1}),
                  8L);
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  /** Empties an eventfd's count (a non-blocking read of its 8 bytes). */
  static void drain(int eventFd) {
    try {
      long ignored =
          (long)
              READ.invokeExact(
                  MemorySegment.ofArray(new int[1]),
                  eventFd,
                  MemorySegment.ofArray(new long[1]),
                  8L);
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  /**
   * Sends what a non-blocking socket takes of {@code bytes[from..to)}, never raising SIGPIPE: the
   * count, -1 with errno in {@code errno[0]}.
   */
  static long send(int fd, byte[] bytes, int from, int to, int[] errno) {
    try {
      return (long)
          SEND.invokeExact(
              MemorySegment.ofArray(errno),
              fd,
              MemorySegment.ofArray(bytes).asSlice(from, to - from),
              (long) (to - from),
              MSG_NOSIGNAL | MSG_DONTWAIT);
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  static void shutdown(int fd, int how) {
    try {
      int ignored = (int) SHUTDOWN.invokeExact(MemorySegment.ofArray(new int[1]), fd, how);
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  /**
   * Closes {@code fd}; a failure (even EINTR) still frees the number on Linux, so none is retried.
   */
  static void close(MemorySegment slot, int fd) {
    try {
      int ignored = (int) CLOSE.invokeExact(slot, fd);
    } catch (Throwable e) {
      throw unexpected(e);
    }
  }

  /** A {@code struct sockaddr_in} or {@code sockaddr_in6}, as bytes. */
  static byte[] sockaddr(InetAddress address, int port) {
    boolean six = address instanceof Inet6Address;
    byte[] bytes = new byte[six ? SOCKADDR_SIZE : 16];
    MemorySegment segment = MemorySegment.ofArray(bytes);
    segment.set(JAVA_SHORT.withByteAlignment(1), 0, (short) (six ? AF_INET6 : AF_INET));
    segment.set(PORT.withByteAlignment(1), 2, (short) port);
    byte[] raw = address.getAddress();
    MemorySegment.copy(raw, 0, segment, ValueLayout.JAVA_BYTE, six ? 8 : 4, raw.length);
    if (six) {
      segment.set(JAVA_INT.withByteAlignment(1), 24, ((Inet6Address) address).getScopeId());
    }
    return bytes;
  }

  /** The port in a sockaddr. */
  static int port(MemorySegment sockaddr) {
    return Short.toUnsignedInt(sockaddr.get(PORT.withByteAlignment(1), 2));
  }

  /**
   * The address in a sockaddr: IPv4, or IPv6 (an IPv4 client of a dual-stack socket comes as {@code
   * ::ffff:a.b.c.d}, which the JDK gives back as the IPv4 address it is).
   */
  static InetAddress address(MemorySegment sockaddr) throws UnknownHostException {
    int family = sockaddr.get(JAVA_SHORT.withByteAlignment(1), 0);
    byte[] raw = new byte[family == AF_INET6 ? 16 : 4];
    MemorySegment.copy(
        sockaddr, ValueLayout.JAVA_BYTE, family == AF_INET6 ? 8 : 4, raw, 0, raw.length);
    return InetAddress.getByAddress(raw);
  }

  private static IllegalStateException unexpected(Throwable e) {
    if (e instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("native call failed", e);
  }
}
