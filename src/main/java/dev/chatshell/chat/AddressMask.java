package dev.chatshell.chat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address, or a CIDR block of them ({@code 10.0.0.0/8}, {@code 2001:db8::/32}).
 * Only address literals are accepted, so parsing never looks a name up in DNS.
 */
public final class AddressMask {
  // Only these reach InetAddress, which takes them as literals: a dotted quad, or anything with a
  // colon (IPv6, perhaps with a dotted quad at its end). A name is never looked up.
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final byte[] network;
  private final int bits;
  private final String text;

  private AddressMask(byte[] network, int bits, String text) {
    this.network = network;
    this.bits = bits;
    this.text = text;
  }

  /** True when {@code typed} looks like an address or a CIDR block rather than a nick. */
  public static boolean looksLikeOne(String typed) {
    return typed.indexOf('/') >= 0
        || typed.indexOf(':') >= 0
        || typed.chars().filter(c -> c == '.').count() == 3;
  }

  /** Parses {@code 1.2.3.4}, {@code 1.2.0.0/16}, {@code ::1}, {@code 2001:db8::/32}. */
  public static AddressMask parse(String typed) {
    String address = typed;
    int slash = typed.indexOf('/');
    Integer prefix = null;
    if (slash >= 0) {
      address = typed.substring(0, slash);
      try {
        prefix = Integer.parseInt(typed.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw bad(typed);
      }
    }
    byte[] bytes = bytes(address);
    if (bytes == null) {
      throw bad(typed);
    }
    int bits = prefix == null ? bytes.length * 8 : prefix;
    if (bits < 0 || bits > bytes.length * 8) {
      throw bad(typed);
    }
    byte[] network = bytes.clone();
    for (int i = 0; i < network.length * 8; i++) {
      if (i >= bits) {
        network[i / 8] &= (byte) ~(0x80 >>> (i % 8));
      }
    }
    String text = format(network) + (bits == bytes.length * 8 ? "" : "/" + bits);
    return new AddressMask(network, bits, text);
  }

  /** True when {@code address} (a literal, as a peer address is) lies in this block. */
  public boolean contains(String address) {
    int scope = address.indexOf('%'); // a link-local peer's zone: not part of the address
    byte[] bytes = bytes(scope < 0 ? address : address.substring(0, scope));
    if (bytes == null || bytes.length != network.length) {
      return false;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((bytes[i / 8] & mask) != (network[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static byte[] bytes(String address) {
    boolean v4 = IPV4.matcher(address).matches();
    if (address.length() > 45 || !(v4 || IPV6.matcher(address).matches())) {
      return null;
    }
    if (v4) {
      for (String part : address.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return null; // never handed on: an invalid quad might be taken for a name
        }
      }
    }
    try {
      return InetAddress.getByName(address).getAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static String format(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // 4 or 16 bytes are always an address
    }
  }

  private static ChatException bad(String typed) {
    return new ChatException(
        ChatException.Reason.INVALID,
        Text.visible(typed) + " is not an address or a block such as 10.0.0.0/8 or 2001:db8::/32.",
        typed);
  }

  @Override
  public String toString() {
    return text;
  }
}
