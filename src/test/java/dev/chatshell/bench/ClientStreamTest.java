package dev.chatshell.bench;

import static dev.chatshell.telnet.Telnet.DO;
import static dev.chatshell.telnet.Telnet.DONT;
import static dev.chatshell.telnet.Telnet.ECHO;
import static dev.chatshell.telnet.Telnet.IAC;
import static dev.chatshell.telnet.Telnet.NAWS;
import static dev.chatshell.telnet.Telnet.SB;
import static dev.chatshell.telnet.Telnet.SE;
import static dev.chatshell.telnet.Telnet.SGA;
import static dev.chatshell.telnet.Telnet.TIMING_MARK;
import static dev.chatshell.telnet.Telnet.TTYPE;
import static dev.chatshell.telnet.Telnet.TTYPE_IS;
import static dev.chatshell.telnet.Telnet.TTYPE_SEND;
import static dev.chatshell.telnet.Telnet.WILL;
import static dev.chatshell.telnet.Telnet.WONT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bench client's view of the server's bytes: telnet answers as netkit telnet (character mode)
 * or nc (plain) would give them, markers found wherever they are, and waiting for a prompt.
 */
class ClientStreamTest {
  private static final int SELF = 7;

  private final List<byte[]> replies = new ArrayList<>();
  private final List<String> deliveries = new ArrayList<>();

  private ClientStream stream(boolean character) {
    return new ClientStream(
        character,
        SELF,
        300,
        40,
        "xterm-256color",
        replies::add,
        (sent, sender) -> deliveries.add(sent + "/" + sender));
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void feed(ClientStream stream, byte[] bytes) {
    stream.feed(bytes, 0, bytes.length);
  }

  private static void feed(ClientStream stream, String text) {
    feed(stream, ascii(text));
  }

  /** Feeds one byte per call, as a server that flushes every byte would arrive. */
  private static void feedByteByByte(ClientStream stream, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      stream.feed(bytes, i, 1);
    }
  }

  /** All replies so far, in one array. */
  private byte[] replied() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    replies.forEach(out::writeBytes);
    return out.toByteArray();
  }

  // ---- character mode ----

  @Test
  void characterModeAcceptsEcho() {
    feed(stream(true), bytes(IAC, WILL, ECHO));
    assertEquals(1, replies.size());
    assertArrayEquals(bytes(IAC, DO, ECHO), replies.get(0));
  }

  @Test
  void characterModeAcceptsSuppressGoAheadFromTheServer() {
    feed(stream(true), bytes(IAC, WILL, SGA));
    assertEquals(1, replies.size());
    assertArrayEquals(bytes(IAC, DO, SGA), replies.get(0));
  }

  @Test
  void characterModeOffersSuppressGoAheadWhenAsked() {
    feed(stream(true), bytes(IAC, DO, SGA));
    assertEquals(1, replies.size());
    assertArrayEquals(bytes(IAC, WILL, SGA), replies.get(0));
  }

  /**
   * chatshell's opening: each option is negotiated per direction (RFC 1143), so WILL SGA and DO SGA
   * each want their answer, as netkit telnet gives them.
   */
  @Test
  void characterModeAnswersChatshellsWholeOpening() {
    feed(
        stream(true),
        bytes(IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, SGA, IAC, DO, NAWS, IAC, DO, TTYPE));
    assertEquals(6, replies.size());
    assertArrayEquals(bytes(IAC, DO, ECHO), replies.get(0));
    assertArrayEquals(bytes(IAC, DO, SGA), replies.get(1));
    assertArrayEquals(bytes(IAC, WILL, SGA), replies.get(2));
    assertArrayEquals(bytes(IAC, WILL, NAWS), replies.get(3));
    assertArrayEquals(bytes(IAC, SB, NAWS, 0x01, 0x2C, 0x00, 0x28, IAC, SE), replies.get(4));
    assertArrayEquals(bytes(IAC, WILL, TTYPE), replies.get(5));
  }

  @Test
  void characterModeSendsItsWindowSizeAfterAgreeingToNaws() {
    ClientStream stream = stream(true);
    feed(stream, bytes(IAC, DO, NAWS));
    assertEquals(2, replies.size());
    assertArrayEquals(bytes(IAC, WILL, NAWS), replies.get(0));
    // 300 columns = 0x012C, 40 rows = 0x0028
    assertArrayEquals(bytes(IAC, SB, NAWS, 0x01, 0x2C, 0x00, 0x28, IAC, SE), replies.get(1));
  }

  @Test
  void characterModeGivesItsTerminalTypeWhenAsked() {
    ClientStream stream = stream(true);
    feed(stream, bytes(IAC, DO, TTYPE));
    assertEquals(1, replies.size());
    assertArrayEquals(bytes(IAC, WILL, TTYPE), replies.get(0));
    feed(stream, bytes(IAC, SB, TTYPE, TTYPE_SEND, IAC, SE));
    assertEquals(2, replies.size());
    byte[] expected =
        concat(bytes(IAC, SB, TTYPE, TTYPE_IS), ascii("xterm-256color"), bytes(IAC, SE));
    assertArrayEquals(expected, replies.get(1));
    // asked again (servers cycle through the list): answered again
    feedByteByByte(stream, bytes(IAC, SB, TTYPE, TTYPE_SEND, IAC, SE));
    assertEquals(3, replies.size());
    assertArrayEquals(expected, replies.get(2));
  }

  @Test
  void characterModeRefusesOptionsItDoesNotKnow() {
    ClientStream stream = stream(true);
    feed(stream, bytes(IAC, DO, ECHO, IAC, WILL, NAWS, IAC, DO, 39, IAC, WILL, 200));
    assertEquals(4, replies.size());
    assertArrayEquals(bytes(IAC, WONT, ECHO), replies.get(0));
    assertArrayEquals(bytes(IAC, DONT, NAWS), replies.get(1));
    assertArrayEquals(bytes(IAC, WONT, 39), replies.get(2));
    assertArrayEquals(bytes(IAC, DONT, 200), replies.get(3));
  }

  @Test
  void wontAndDontAreNotAnswered() {
    ClientStream stream = stream(true);
    feed(stream, bytes(IAC, WONT, ECHO, IAC, DONT, SGA));
    assertTrue(replies.isEmpty());
  }

  @Test
  void anOptionIsAnsweredOnlyOnce() {
    ClientStream stream = stream(true);
    feed(stream, bytes(IAC, DO, NAWS));
    feed(stream, bytes(IAC, DO, NAWS, IAC, DONT, NAWS, IAC, DO, NAWS));
    feed(stream, bytes(IAC, WILL, ECHO, IAC, WILL, ECHO));
    assertEquals(3, replies.size(), "WILL NAWS, the window size, DO ECHO");
    assertArrayEquals(bytes(IAC, DO, ECHO), replies.get(2));
  }

  @Test
  void timingMarkIsAlwaysAnsweredInCharacterMode() {
    ClientStream stream = stream(true);
    for (int i = 0; i < 3; i++) {
      feed(stream, bytes(IAC, DO, TIMING_MARK));
    }
    assertEquals(3, replies.size());
    for (byte[] reply : replies) {
      assertArrayEquals(bytes(IAC, WILL, TIMING_MARK), reply);
    }
  }

  @Test
  void negotiationSplitAcrossReadsIsUnderstood() {
    ClientStream stream = stream(true);
    feedByteByByte(
        stream,
        concat(
            ascii("Hi"),
            bytes(IAC, WILL, ECHO, IAC, DO, NAWS, IAC, SB, TTYPE, TTYPE_SEND, IAC, SE),
            ascii("!")));
    assertEquals(4, replies.size());
    assertArrayEquals(bytes(IAC, DO, ECHO), replies.get(0));
    assertArrayEquals(bytes(IAC, WILL, NAWS), replies.get(1));
    assertArrayEquals(bytes(IAC, SB, NAWS, 0x01, 0x2C, 0x00, 0x28, IAC, SE), replies.get(2));
    assertArrayEquals(
        concat(bytes(IAC, SB, TTYPE, TTYPE_IS), ascii("xterm-256color"), bytes(IAC, SE)),
        replies.get(3));
    assertEquals("Hi!", stream.recentText());
  }

  // ---- plain mode ----

  @Test
  void plainModeRefusesEverything() {
    ClientStream stream = stream(false);
    feed(stream, bytes(IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, NAWS, IAC, DO, TTYPE));
    assertEquals(4, replies.size());
    assertArrayEquals(bytes(IAC, DONT, ECHO), replies.get(0));
    assertArrayEquals(bytes(IAC, DONT, SGA), replies.get(1));
    assertArrayEquals(bytes(IAC, WONT, NAWS), replies.get(2));
    assertArrayEquals(bytes(IAC, WONT, TTYPE), replies.get(3));
  }

  @Test
  void plainModeWillNotSuppressGoAheadOrEcho() {
    feed(stream(false), bytes(IAC, DO, SGA));
    feed(stream(false), bytes(IAC, DO, ECHO));
    assertEquals(2, replies.size());
    assertArrayEquals(bytes(IAC, WONT, SGA), replies.get(0));
    assertArrayEquals(bytes(IAC, WONT, ECHO), replies.get(1));
  }

  @Test
  void plainModeSendsNoTerminalTypeAndNoWindowSize() {
    ClientStream stream = stream(false);
    feed(stream, bytes(IAC, SB, TTYPE, TTYPE_SEND, IAC, SE));
    assertTrue(replies.isEmpty());
    feed(stream, bytes(IAC, DO, NAWS, IAC, DO, NAWS));
    assertEquals(1, replies.size());
    assertArrayEquals(bytes(IAC, WONT, NAWS), replies.get(0));
  }

  @Test
  void timingMarkIsAlwaysRefusedInPlainMode() {
    ClientStream stream = stream(false);
    feed(stream, bytes(IAC, DO, TIMING_MARK, IAC, DO, TIMING_MARK));
    assertEquals(2, replies.size());
    assertArrayEquals(bytes(IAC, WONT, TIMING_MARK), replies.get(0));
    assertArrayEquals(bytes(IAC, WONT, TIMING_MARK), replies.get(1));
  }

  // ---- data ----

  @Test
  void doubledIacIsOneDataByte() {
    ClientStream stream = stream(true);
    feed(stream, concat(ascii("a"), bytes(IAC, IAC), ascii("b")));
    assertEquals("a\u00ffb", stream.recentText());
    assertTrue(replies.isEmpty());
  }

  @Test
  void commandsAndSubnegotiationsAreNotText() {
    ClientStream stream = stream(true);
    feed(
        stream,
        concat(
            ascii("one"),
            bytes(IAC, 241), // NOP
            ascii("two"),
            bytes(IAC, WILL, ECHO),
            bytes(IAC, SB, NAWS, 1, 2, IAC, IAC, 3, IAC, SE),
            ascii("three")));
    assertEquals("onetwothree", stream.recentText());
  }

  // ---- markers ----

  @Test
  void messageIsTheMarkerPaddedToTheLength() {
    String message = ClientStream.message(123456789L, 42, 64);
    assertEquals(64, message.length());
    assertTrue(message.startsWith("bench@123456789@42@x"), message);
    assertEquals("bench@123456789@42@" + "x".repeat(64 - 19), message);
    // never cut short when the marker is longer than asked
    assertEquals("bench@1@2@", ClientStream.message(1, 2, 5));
  }

  @Test
  void markerIsFound() {
    ClientStream stream = stream(true);
    feed(stream, "<b3> " + ClientStream.message(1234567890123L, 3, 64) + "\r\n");
    assertEquals(List.of("1234567890123/3"), deliveries);
  }

  @Test
  void markerSplitByteByByteIsFound() {
    ClientStream stream = stream(true);
    feedByteByByte(stream, ascii("<b12> " + ClientStream.message(98765, 12, 48) + "\r\n"));
    assertEquals(List.of("98765/12"), deliveries);
  }

  @Test
  void markerInEscapeSequencesAndTextIsFound() {
    ClientStream stream = stream(true);
    String line =
        "\r\u001b[2K\u001b[1;34m12:00 \u001b[0m<\u001b[33mb4\u001b[0m> \u001b[1m"
            + ClientStream.message(555, 4, 60)
            + "\u001b[0m trailing text\r\n\u001b[36m#bench-0>\u001b[0m ";
    feed(stream, line);
    assertEquals(List.of("555/4"), deliveries);
  }

  @Test
  void severalMarkersInOneReadAreAllFound() {
    ClientStream stream = stream(true);
    feed(
        stream,
        "<b1> "
            + ClientStream.message(10, 1, 48)
            + "\r\n<b2> "
            + ClientStream.message(20, 2, 48)
            + "\r\n"
            + ClientStream.message(30, 3, 48));
    assertEquals(List.of("10/1", "20/2", "30/3"), deliveries);
  }

  @Test
  void markerAfterPartialFakesIsFound() {
    ClientStream stream = stream(true);
    feed(stream, "benc" + ClientStream.message(11, 1, 48));
    feed(stream, "bench@12x" + ClientStream.message(22, 2, 48));
    feed(stream, "bench@12@" + ClientStream.message(33, 3, 48));
    feed(stream, "bbench@@ bench@5@@" + ClientStream.message(44, 4, 48));
    assertEquals(List.of("11/1", "22/2", "33/3", "44/4"), deliveries);
  }

  @Test
  void incompleteMarkersAreNotDeliveries() {
    ClientStream stream = stream(true);
    feed(stream, "bench@ bench@12 bench@12@ bench@12@3 bench@@3@ bench@x@3@ Bench@1@2@\r\n");
    assertTrue(deliveries.isEmpty(), deliveries.toString());
  }

  @Test
  void ownMarkersAreIgnored() {
    ClientStream stream = stream(true);
    feed(stream, ClientStream.message(100, SELF, 48) + "\r\n" + ClientStream.message(200, 70, 48));
    assertEquals(List.of("200/70"), deliveries);
  }

  @Test
  void markersAreFoundWhenTextIsNoLongerKept() {
    ClientStream stream = stream(false);
    stream.stopKeepingText();
    feedByteByByte(stream, ascii("x " + ClientStream.message(77, 8, 64)));
    assertEquals(List.of("77/8"), deliveries);
    assertEquals("", stream.recentText());
  }

  @Test
  void markerWithDoubledIacNearbyIsFound() {
    ClientStream stream = stream(true);
    feed(stream, concat(bytes(IAC, IAC), ascii(ClientStream.message(9, 1, 48)), bytes(IAC, IAC)));
    assertEquals(List.of("9/1"), deliveries);
  }

  // ---- waiting for text ----

  @Test
  void expectedTextIsFound() {
    ClientStream stream = stream(true);
    stream.expect("Nickname: ");
    feed(stream, "Welcome to chatshell\r\n");
    assertFalse(stream.found());
    feed(stream, "Nickname: ");
    assertTrue(stream.found());
  }

  @Test
  void expectedTextSplitAcrossReadsIsFound() {
    ClientStream stream = stream(true);
    stream.expect("You joined #bench-0", "You created #bench-0");
    feed(stream, "You cre");
    feed(stream, "ated #ben");
    assertFalse(stream.found());
    feedByteByByte(stream, ascii("ch-0\r\n"));
    assertTrue(stream.found());
  }

  @Test
  void expectedTextIsFoundAfterMuchOtherText() {
    ClientStream stream = stream(true);
    stream.expect("Welcome, b1");
    StringBuilder noise = new StringBuilder();
    while (noise.length() < 20_000) {
      noise.append("the quick brown fox jumps over the lazy dog; ");
    }
    feed(stream, noise.toString());
    assertFalse(stream.found());
    String text = stream.recentText();
    assertTrue(text.length() <= 8192, "text kept: " + text.length());
    assertTrue(noise.toString().endsWith(text), "the latest text is kept");
    feed(stream, "Welc");
    feed(stream, "ome, b1!");
    assertTrue(stream.found());
    assertTrue(stream.recentText().endsWith("Welcome, b1!"), stream.recentText());
  }

  @Test
  void expectingAgainForgetsWhatWasFound() {
    ClientStream stream = stream(true);
    stream.expect("Nickname: ");
    feed(stream, "Nickname: ");
    assertTrue(stream.found());
    stream.expect("Welcome, ");
    assertFalse(stream.found());
    assertEquals("", stream.recentText());
    feed(stream, "Nickname: ");
    assertFalse(stream.found(), "text from before expect() does not count");
    feed(stream, "Welcome, ");
    assertTrue(stream.found());
  }

  @Test
  void stopKeepingTextForgetsAndStopsWatching() {
    ClientStream stream = stream(true);
    stream.expect("Nickname: ");
    feed(stream, "some text");
    assertEquals("some text", stream.recentText());
    stream.stopKeepingText();
    assertEquals("", stream.recentText());
    feed(stream, "Nickname: and more");
    assertEquals("", stream.recentText());
    assertFalse(stream.found());
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
