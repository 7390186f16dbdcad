package dev.chatshell.telnet;

import java.io.ByteArrayOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generated input for the telnet property tests: byte streams made mostly of the pieces telnet is
 * built from (IAC and its commands, option negotiations for the options we handle and others,
 * sub-negotiations well and badly framed, every kind of line end), mixed with random bytes, so that
 * the generator reaches the decoder's and the negotiation's states rather than only data.
 */
final class HostileBytes {
  private static final int IAC = 255;

  private HostileBytes() {}

  static Arbitrary<byte[]> telnetStreams() {
    return piece().list().ofMaxSize(60).map(HostileBytes::join);
  }

  private static Arbitrary<byte[]> piece() {
    Arbitrary<Integer> option = Arbitraries.of(0, 1, 3, 6, 24, 31, 34, 39, 255);
    Arbitrary<Integer> verb = Arbitraries.of(251, 252, 253, 254);
    Arbitrary<byte[]> negotiation =
        verb.flatMap(v -> option.map(o -> new byte[] {(byte) IAC, (byte) (int) v, (byte) (int) o}));
    Arbitrary<byte[]> command = Arbitraries.integers().between(0, 255).map(c -> bytes(IAC, c));
    Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
    Arbitrary<byte[]> subnegotiation =
        option.flatMap(
            o ->
                payload.flatMap(
                    p ->
                        Arbitraries.of(bytes(IAC, 240), bytes(), bytes(IAC), bytes(IAC, 251))
                            .map(end -> join(bytes(IAC, 250, o), p, end))));
    Arbitrary<byte[]> naws =
        Arbitraries.integers()
            .between(0, 65_535)
            .list()
            .ofSize(2)
            .map(
                wh ->
                    bytes(
                        IAC,
                        250,
                        31,
                        wh.get(0) >> 8,
                        wh.get(0) & 0xFF,
                        wh.get(1) >> 8,
                        wh.get(1) & 0xFF,
                        IAC,
                        240));
    Arbitrary<byte[]> ttype =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .ofMaxLength(50)
            .map(name -> join(bytes(IAC, 250, 24, 0), ascii(name), bytes(IAC, 240)));
    Arbitrary<byte[]> lineEnd =
        Arbitraries.of(bytes('\r', '\n'), bytes('\r', 0), bytes('\r'), bytes('\n'), bytes(0));
    Arbitrary<byte[]> text = Arbitraries.strings().ofMaxLength(20).map(HostileBytes::utf8);
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(20);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, negotiation),
        net.jqwik.api.Tuple.of(2, command),
        net.jqwik.api.Tuple.of(2, subnegotiation),
        net.jqwik.api.Tuple.of(2, naws),
        net.jqwik.api.Tuple.of(2, ttype),
        net.jqwik.api.Tuple.of(2, lineEnd),
        net.jqwik.api.Tuple.of(3, text),
        net.jqwik.api.Tuple.of(3, random));
  }

  static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static byte[] join(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] join(java.util.List<byte[]> parts) {
    return join(parts.toArray(byte[][]::new));
  }
}
