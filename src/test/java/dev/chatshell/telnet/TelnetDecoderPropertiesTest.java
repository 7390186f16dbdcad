package dev.chatshell.telnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile byte streams against the telnet decoder (issue 12, K): whatever arrives, in whatever
 * chunks, nothing escapes, the data out is bounded by the data in and holds no CR or NUL, and the
 * result does not depend on how the stream was split. The number of tries comes from the build
 * ({@code -Djqwik.tries=...}, see RELIABILITY.md).
 */
class TelnetDecoderPropertiesTest {

  /** What the decoder reported: data bytes and protocol events, in order. */
  private static final class Recorder implements TelnetDecoder.Handler {
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    final List<String> events = new ArrayList<>();

    @Override
    public void option(int verb, int option) {
      assertTrue(verb >= 251 && verb <= 254, "verb " + verb);
      assertTrue(option >= 0 && option <= 255, "option " + option);
      events.add("option " + verb + " " + option);
    }

    @Override
    public void subnegotiation(int option, byte[] payload, int length) {
      assertTrue(length >= 0 && length <= TelnetDecoder.MAX_SUBNEGOTIATION, "length " + length);
      events.add("sb " + option + " " + Arrays.toString(Arrays.copyOf(payload, length)));
    }

    @Override
    public void command(int command) {
      assertTrue(command >= 240 && command <= 249, "command " + command);
      events.add("command " + command);
    }
  }

  @Property
  void splittingTheStreamChangesNothing(
      @ForAll("telnetStreams") byte[] stream, @ForAll("cuts") List<Integer> cuts) {
    Recorder whole = decode(stream, List.of());
    Recorder split = decode(stream, cuts);
    assertArrayEquals(whole.data.toByteArray(), split.data.toByteArray());
    assertEquals(whole.events, split.events);
  }

  @Property
  void dataIsBoundedAndHasNoCarriageReturnOrNul(
      @ForAll("telnetStreams") byte[] stream, @ForAll("cuts") List<Integer> cuts) {
    byte[] data = decode(stream, cuts).data.toByteArray();
    assertTrue(data.length <= stream.length);
    for (byte b : data) {
      assertTrue(b != '\r' && b != 0, "byte " + (b & 0xFF) + " passed through");
    }
  }

  @Property
  void plainTextPassesUnchanged(
      @ForAll("plainText") byte[] text, @ForAll("cuts") List<Integer> cuts) {
    assertArrayEquals(text, decode(text, cuts).data.toByteArray());
  }

  /** Decodes {@code stream} in chunks ending at the given cut points (taken modulo its length). */
  private static Recorder decode(byte[] stream, List<Integer> cuts) {
    Recorder recorder = new Recorder();
    TelnetDecoder decoder = new TelnetDecoder();
    int[] ends =
        cuts.stream()
            .mapToInt(c -> stream.length == 0 ? 0 : Math.floorMod(c, stream.length))
            .sorted()
            .toArray();
    int from = 0;
    for (int end : ends) {
      from = feed(decoder, stream, from, end, recorder);
    }
    feed(decoder, stream, from, stream.length, recorder);
    return recorder;
  }

  private static int feed(TelnetDecoder decoder, byte[] stream, int from, int to, Recorder out) {
    if (to <= from) {
      return from;
    }
    byte[] chunk = Arrays.copyOfRange(stream, from, to);
    int n = decoder.decode(chunk, 0, chunk.length, out);
    assertTrue(n >= 0 && n <= chunk.length, "decoded " + n + " of " + chunk.length);
    out.data.write(chunk, 0, n);
    return to;
  }

  @Provide
  Arbitrary<byte[]> telnetStreams() {
    return HostileBytes.telnetStreams();
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 10_000).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<byte[]> plainText() {
    return Arbitraries.bytes()
        .filter(b -> b != '\r' && b != '\n' && b != 0 && b != (byte) 255)
        .array(byte[].class)
        .ofMaxSize(300);
  }
}
