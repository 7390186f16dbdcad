package dev.chatshell.telnet;

import static dev.chatshell.telnet.Bytes.ascii;
import static dev.chatshell.telnet.Bytes.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TelnetOutputTest {
  private final ByteArrayOutputStream socket = new ByteArrayOutputStream();
  private final TelnetOutput out = new TelnetOutput(socket);

  private byte[] sent(String text) throws IOException {
    out.write(ascii(text));
    out.flush();
    return socket.toByteArray();
  }

  @Test
  void newlineBecomesCrLf() throws IOException {
    assertArrayEquals(bytes('a', '\r', '\n', 'b', '\r', '\n'), sent("a\nb\n"));
  }

  @Test
  void crLfIsSentAsOneCrLf() throws IOException {
    assertArrayEquals(bytes('a', '\r', '\n', 'b'), sent("a\r\nb"));
  }

  @Test
  void crLfSplitAcrossWritesIsStillOneCrLf() throws IOException {
    out.write('a');
    out.write('\r');
    out.write('\n');
    out.flush();
    assertArrayEquals(bytes('a', '\r', '\n'), socket.toByteArray());
  }

  @Test
  void loneCrBecomesCrNul() throws IOException {
    assertArrayEquals(bytes('a', '\r', 0, 'b'), sent("a\rb"));
  }

  @Test
  void crAtTheEndIsCompletedWithNulOnFlush() throws IOException {
    assertArrayEquals(bytes('a', '\r', 0), sent("a\r"));
  }

  @Test
  void twoCrsThenLfAreCrNulThenCrLf() throws IOException {
    assertArrayEquals(bytes('\r', 0, '\r', '\n'), sent("\r\r\n"));
  }

  @Test
  void byte255IsDoubled() throws IOException {
    out.write(bytes('a', 255, 'b'));
    out.write(255);
    out.flush();
    assertArrayEquals(bytes('a', 255, 255, 'b', 255, 255), socket.toByteArray());
  }

  @Test
  void byte255IsNotDoubledWhenEscapingIsOff() throws IOException {
    out.setEscapeIac(false);
    out.write(bytes('a', 255, 'b', '\n'));
    out.flush();
    assertArrayEquals(bytes('a', 255, 'b', '\r', '\n'), socket.toByteArray());
  }

  @Test
  void nothingReachesTheSocketBeforeFlush() throws IOException {
    out.write(ascii("hello\nworld\r"));
    out.write('!');
    assertEquals(0, socket.size());
    out.flush();
    assertArrayEquals(ascii("hello\r\nworld\r\0!"), socket.toByteArray());
  }

  @Test
  void commandIsWrittenRawAndSentAtOnce() throws IOException {
    out.command(bytes(255, 253, 6, 255, 250, 24, 1, 255, 240));
    assertArrayEquals(bytes(255, 253, 6, 255, 250, 24, 1, 255, 240), socket.toByteArray());
  }

  @Test
  void commandFollowsTextAlreadyWrittenInOrder() throws IOException {
    out.write(ascii("hi\r"));
    assertEquals(0, socket.size());
    out.command(bytes(255, 253, 6));
    assertArrayEquals(bytes('h', 'i', '\r', 0, 255, 253, 6), socket.toByteArray());
  }

  @Test
  void utf8TextPassesUnchanged() throws IOException {
    byte[] text = "héllo €".getBytes(StandardCharsets.UTF_8);
    out.write(text);
    out.flush();
    assertArrayEquals(text, socket.toByteArray());
  }
}
