package dev.chatshell.web;

import java.net.InetAddress;
import java.util.List;

/**
 * The address a page's connection is counted and banned by: the TCP peer's, or, when the peer is a
 * proxy the configuration trusts, the client it names in {@code X-Forwarded-For}. Only trusted
 * proxies are believed: anyone can send the header, and believing it would let a client pick the
 * address its limits and bans are counted against.
 */
final class ClientAddress {
  private ClientAddress() {}

  /**
   * The client: walking {@code X-Forwarded-For} from the right (each proxy appends the address it
   * got the request from), the first address that is not a trusted proxy.
   *
   * @throws IllegalArgumentException when a trusted proxy sent an entry that is not an address
   */
  static InetAddress of(InetAddress peer, String forwardedFor, List<InetAddress> trusted) {
    if (forwardedFor == null || !trusted.contains(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    InetAddress client = peer;
    for (int i = hops.length - 1; i >= 0 && trusted.contains(client); i--) {
      String hop = hops[i].strip();
      if (hop.startsWith("[") && hop.endsWith("]")) {
        hop = hop.substring(1, hop.length() - 1);
      }
      client = InetAddress.ofLiteral(hop);
    }
    return client;
  }
}
