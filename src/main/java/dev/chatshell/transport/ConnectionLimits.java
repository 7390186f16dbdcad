package dev.chatshell.transport;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The limits on connections in total and per address, counted across every door (telnet and SSH
 * share one instance, so a client cannot double its share by using both). A door asks {@link
 * #reserve} when a client connects and {@link #release} when it goes; a refused client is told the
 * reason in one line.
 *
 * <p>Thread-safe: doors call it from their accepting threads.
 */
public final class ConnectionLimits {
  private final int maxConnections;
  private final int maxPerAddress;
  private final ConnectionHandler handler;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

  /**
   * @param handler asked to make room (see {@link ConnectionHandler#makeRoom}) when the server is
   *     full
   */
  public ConnectionLimits(int maxConnections, int maxPerAddress, ConnectionHandler handler) {
    this.maxConnections = maxConnections;
    this.maxPerAddress = maxPerAddress;
    this.handler = handler;
  }

  /** Connections currently counted in, over all doors. */
  public int connections() {
    return total.get();
  }

  /**
   * Counts a connection from {@code client} in and returns {@code null}, or returns why it cannot
   * be (nothing counted). The address is checked first, so that a full server makes room (the
   * handler may close its idlest session) only for a newcomer it will then admit. While the
   * sessions given notice close, the total may exceed the limit by them.
   */
  public String reserve(InetAddress client) {
    InetAddress address = limitKey(client);
    boolean[] admitted = {false};
    // compute() is atomic per key: counting in and out can never lose an update or an entry.
    perAddress.compute(
        address,
        (a, n) -> {
          int count = n == null ? 0 : n;
          admitted[0] = count < maxPerAddress;
          return admitted[0] ? count + 1 : n;
        });
    if (!admitted[0]) {
      return "too many connections from your address (at most " + maxPerAddress + ")";
    }
    if (total.incrementAndGet() > maxConnections && !handler.makeRoom()) {
      total.decrementAndGet();
      perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
      return "the server is full (" + maxConnections + " connections)";
    }
    return null;
  }

  /** Counts out a connection that {@link #reserve} counted in. */
  public void release(InetAddress client) {
    total.decrementAndGet();
    perAddress.computeIfPresent(limitKey(client), (a, n) -> n <= 1 ? null : n - 1);
  }

  /**
   * What the per-address limit counts: the IPv4 address, or the /64 an IPv6 address is in (one host
   * usually owns a whole /64, so counting single addresses would limit nothing).
   */
  public static InetAddress limitKey(InetAddress address) {
    if (address instanceof Inet6Address v6 && !v6.isIPv4CompatibleAddress()) {
      byte[] bytes = address.getAddress();
      Arrays.fill(bytes, 8, 16, (byte) 0);
      try {
        return InetAddress.getByAddress(bytes);
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e); // 16 bytes are always a valid address
      }
    }
    return address;
  }
}
