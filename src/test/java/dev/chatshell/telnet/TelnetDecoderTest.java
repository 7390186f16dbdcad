package dev.chatshell.telnet;

import static dev.chatshell.telnet.Bytes.ascii;
import static dev.chatshell.telnet.Bytes.bytes;
import static dev.chatshell.telnet.Bytes.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TelnetDecoderTest {
  private static final int IAC = 255;
  private static final int DONT = 254;
  private static final int DO = 253;
  private static final int WONT = 252;
  private static final int WILL = 251;
  private static final int SB = 250;
  private static final int SE = 240;
  private static final int NOP = 241;
  private static final int AYT = 246;
  private static final int NAWS = 31;
  private static final int TTYPE = 24;

  /** Records every handler event as text, copying sub-negotiation data (the buffer is reused). */
  private static final class Recorder implements TelnetDecoder.Handler {
    final List<String> events = new ArrayList<>();

    @Override
    public void option(int verb, int option) {
      events.add("option " + verb + " " + option);
    }

    @Override
    public void subnegotiation(int option, byte[] data, int length) {
      int[] values = new int[length];
      for (int i = 0; i < length; i++) {
        values[i] = data[i] & 0xFF;
      }
      events.add("sb " + option + " " + Arrays.toString(values));
    }

    @Override
    public void command(int command) {
      events.add("command " + command);
    }
  }

  private record Decoded(byte[] data, List<String> events) {}

  /** Feeds the chunks one after another to one decoder, as a connection would. */
  private static Decoded decode(List<byte[]> chunks) {
    TelnetDecoder decoder = new TelnetDecoder();
    Recorder recorder = new Recorder();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (byte[] chunk : chunks) {
      byte[] copy = chunk.clone();
      int n = decoder.decode(copy, 0, copy.length, recorder);
      data.write(copy, 0, n);
    }
    return new Decoded(data.toByteArray(), recorder.events);
  }

  private static Decoded decode(byte[] whole) {
    return decode(List.of(whole));
  }

  static Stream<Arguments> lineEnds() {
    return Stream.of(
        Arguments.of("CR LF", bytes('a', '\r', '\n', 'b')),
        Arguments.of("CR NUL", bytes('a', '\r', 0, 'b')),
        Arguments.of("bare LF", bytes('a', '\n', 'b')),
        Arguments.of("bare CR then data", bytes('a', '\r', 'b')));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lineEnds")
  void everyLineEndBecomesOneNewline(String name, byte[] input) {
    Decoded decoded = decode(input);
    assertArrayEquals(ascii("a\nb"), decoded.data());
    assertEquals(List.of(), decoded.events());
  }

  @Test
  void consecutiveLineEndsAreCountedOneEach() {
    assertArrayEquals(ascii("a\n\nb"), decode(ascii("a\r\n\r\nb")).data());
    assertArrayEquals(ascii("a\n\nb"), decode(ascii("a\r\rb")).data());
    assertArrayEquals(ascii("a\n\nb"), decode(ascii("a\n\nb")).data());
    assertArrayEquals(ascii("a\n\nb"), decode(bytes('a', '\r', 0, '\r', 0, 'b')).data());
  }

  static Stream<Arguments> streams() {
    return Stream.of(
        Arguments.of("text and line ends", ascii("hello\r\nworld\r\0bare\nlast\rx\r\n")),
        Arguments.of(
            "negotiation answers and text",
            concat(
                bytes(IAC, DO, 1, IAC, DO, 3, IAC, WILL, 3, IAC, WILL, NAWS),
                bytes(IAC, SB, NAWS, 0, 80, 0, 20, IAC, SE),
                bytes(IAC, WILL, TTYPE, IAC, SB, TTYPE, 0),
                ascii("XTERM"),
                bytes(IAC, SE),
                ascii("bob\r\n"))),
        Arguments.of(
            "escaped 255 in data and in a sub-negotiation",
            concat(
                bytes('a', IAC, IAC, 'b', '\r', '\n'),
                bytes(IAC, SB, NAWS, 0, IAC, IAC, IAC, IAC, 0, 20, IAC, SE),
                bytes(IAC, NOP, 'c', IAC, AYT, '\r', 0, IAC, WONT, 99, IAC, DONT, 98))),
        Arguments.of(
            "oversized and broken sub-negotiations",
            concat(
                bytes(IAC, SB, TTYPE, 0),
                ascii("x".repeat(TelnetDecoder.MAX_SUBNEGOTIATION + 10)),
                bytes(IAC, SE),
                ascii("ok\r\n"),
                bytes(IAC, SB, NAWS, 0, 80, IAC, WILL, 1),
                ascii("hi\n"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void decodingIsTheSameWholeByteByByteAndInEveryTwoWaySplit(String name, byte[] stream) {
    Decoded whole = decode(stream);

    List<byte[]> single = new ArrayList<>();
    for (byte b : stream) {
      single.add(new byte[] {b});
    }
    Decoded byteByByte = decode(single);
    assertArrayEquals(whole.data(), byteByByte.data(), "byte by byte");
    assertEquals(whole.events(), byteByByte.events(), "byte by byte");

    for (int cut = 0; cut <= stream.length; cut++) {
      Decoded split =
          decode(
              List.of(
                  Arrays.copyOfRange(stream, 0, cut),
                  Arrays.copyOfRange(stream, cut, stream.length)));
      assertArrayEquals(whole.data(), split.data(), "split at " + cut);
      assertEquals(whole.events(), split.events(), "split at " + cut);
    }
  }

  @Test
  void theExpectedEventsOfTheNegotiationStream() {
    Decoded decoded =
        decode(
            concat(
                bytes(IAC, DO, 1, IAC, WILL, NAWS),
                bytes(IAC, SB, NAWS, 0, 80, 0, 20, IAC, SE),
                bytes(IAC, SB, TTYPE, 0),
                ascii("XTERM"),
                bytes(IAC, SE),
                ascii("bob\r\n")));
    assertArrayEquals(ascii("bob\n"), decoded.data());
    assertEquals(
        List.of(
            "option 253 1",
            "option 251 31",
            "sb 31 [0, 80, 0, 20]",
            "sb 24 [0, 88, 84, 69, 82, 77]"),
        decoded.events());
  }

  @Test
  void crAtTheEndOfAChunkEndsTheLineAtOnceAndTheLfOfTheNextChunkIsNotASecondLine() {
    TelnetDecoder decoder = new TelnetDecoder();
    Recorder recorder = new Recorder();

    byte[] first = ascii("abc\r");
    int n = decoder.decode(first, 0, first.length, recorder);
    assertArrayEquals(ascii("abc\n"), Arrays.copyOf(first, n), "Enter must not wait for the LF");

    byte[] second = ascii("\ndef");
    n = decoder.decode(second, 0, second.length, recorder);
    assertArrayEquals(ascii("def"), Arrays.copyOf(second, n));

    byte[] third = bytes('\r');
    n = decoder.decode(third, 0, third.length, recorder);
    assertArrayEquals(ascii("\n"), Arrays.copyOf(third, n));

    byte[] fourth = bytes(0, 'g');
    n = decoder.decode(fourth, 0, fourth.length, recorder);
    assertArrayEquals(ascii("g"), Arrays.copyOf(fourth, n), "the NUL after CR is dropped");
  }

  @Test
  void doubledIacIsDataByte255() {
    Decoded decoded = decode(bytes('a', IAC, IAC, 'b', IAC, IAC));
    assertArrayEquals(bytes('a', 255, 'b', 255), decoded.data());
    assertEquals(List.of(), decoded.events());
  }

  @Test
  void optionVerbsReachTheHandler() {
    Decoded decoded =
        decode(bytes(IAC, WILL, 1, 'x', IAC, WONT, 3, IAC, DO, TTYPE, IAC, DONT, NAWS, 'y'));
    assertArrayEquals(ascii("xy"), decoded.data());
    assertEquals(
        List.of("option 251 1", "option 252 3", "option 253 24", "option 254 31"),
        decoded.events());
  }

  @Test
  void otherTwoByteCommandsReachTheHandlerAndLeaveNoData() {
    Decoded decoded = decode(bytes('a', IAC, NOP, 'b', IAC, AYT));
    assertArrayEquals(ascii("ab"), decoded.data());
    assertEquals(List.of("command 241", "command 246"), decoded.events());
  }

  @Test
  void nawsWithAnEscaped255IsUnescaped() {
    // width 255 (0x00FF) must be sent as 0, IAC IAC; height 0xFF14 has 255 as its high byte
    Decoded decoded = decode(bytes(IAC, SB, NAWS, 0, IAC, IAC, IAC, IAC, 20, IAC, SE, 'z'));
    assertArrayEquals(ascii("z"), decoded.data());
    assertEquals(List.of("sb 31 [0, 255, 255, 20]"), decoded.events());
  }

  @Test
  void subnegotiationOfExactlyTheLimitIsKept() {
    byte[] payload = ascii("y".repeat(TelnetDecoder.MAX_SUBNEGOTIATION));
    Decoded decoded = decode(concat(bytes(IAC, SB, TTYPE), payload, bytes(IAC, SE)));
    assertEquals(1, decoded.events().size());
    int[] expected = new int[payload.length];
    Arrays.fill(expected, 'y');
    assertEquals("sb 24 " + Arrays.toString(expected), decoded.events().get(0));
  }

  @Test
  void oversizedSubnegotiationIsDroppedWholeAndDecodingResumesAfterIacSe() {
    byte[] payload = ascii("x".repeat(TelnetDecoder.MAX_SUBNEGOTIATION + 1));
    Decoded decoded =
        decode(
            concat(
                bytes(IAC, SB, TTYPE, 0),
                payload,
                bytes(IAC, IAC, 'q'),
                bytes(IAC, SE),
                ascii("ok\r\n"),
                bytes(IAC, WILL, 1, IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE)));
    assertArrayEquals(ascii("ok\n"), decoded.data());
    assertEquals(List.of("option 251 1", "sb 31 [0, 80, 0, 24]"), decoded.events());
  }

  @Test
  void anOptionCommandInsideASubnegotiationDropsItAndIsHandled() {
    Decoded decoded = decode(concat(bytes(IAC, SB, NAWS, 0, 80, IAC, WILL, 1), ascii("hi\r\n")));
    assertArrayEquals(ascii("hi\n"), decoded.data());
    assertEquals(List.of("option 251 1"), decoded.events());
  }

  @Test
  void aTwoByteCommandInsideASubnegotiationDropsItAndIsHandled() {
    Decoded decoded =
        decode(concat(bytes(IAC, SB, TTYPE, 0, 'a', IAC, NOP), ascii("x"), bytes(IAC, SE)));
    // after the broken SB, "x" is data and the stray IAC SE is just a command
    assertArrayEquals(ascii("x"), decoded.data());
    assertEquals(List.of("command 241", "command 240"), decoded.events());
  }

  @Test
  void anIacBeforeANonCommandByteCannotSlipACarriageReturnOrNulThrough() {
    // Found by TelnetDecoderPropertiesTest: IAC CR used to pass a raw CR, IAC NUL a NUL.
    Decoded decoded = decode(concat(bytes('a', IAC, '\r', '\n', 'b', IAC, 0, 'c', IAC, 'x')));
    assertArrayEquals(ascii("a\nbcx"), decoded.data());
  }

  @Test
  void aLoneNulIsDropped() {
    Decoded decoded = decode(bytes('a', 0, 'b', 0, 0, '\n'));
    assertArrayEquals(ascii("ab\n"), decoded.data());
  }

  @Test
  void decodesInPlaceAtAnOffset() {
    byte[] buffer = concat(ascii("KEEP"), bytes('h', IAC, IAC, 'i', '\r', '\n'));
    int n = new TelnetDecoder().decode(buffer, 4, buffer.length - 4, new Recorder());
    assertEquals(4, n);
    assertArrayEquals(ascii("KEEP"), Arrays.copyOf(buffer, 4));
    assertArrayEquals(bytes('h', 255, 'i', '\n'), Arrays.copyOfRange(buffer, 4, 4 + n));
  }
}
