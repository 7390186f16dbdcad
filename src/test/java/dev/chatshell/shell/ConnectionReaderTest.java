package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.jline.utils.NonBlockingReader;
import org.junit.jupiter.api.Test;

class ConnectionReaderTest {
  /** Reads characters (blocking) until end of input. */
  private static String readAll(ConnectionReader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    int c;
    while ((c = reader.read(0L)) != NonBlockingReader.EOF) {
      assertTrue(c >= 0, "a blocking read never expires, got " + c);
      text.append((char) c);
    }
    return text.toString();
  }

  @Test
  void utf8SequencesSplitAcrossReadsAreJoined() throws IOException {
    ScriptedConnection connection =
        new ScriptedConnection()
            .bytes(0xC3)
            .bytes(0xA9) // é
            .bytes(0xE2, 0x82)
            .bytes(0xAC) // €
            .bytes(0xF0)
            .bytes(0x9F, 0x98)
            .bytes(0x80, '!'); // 😀 then !
    assertEquals("é€\uD83D\uDE00!", readAll(new ConnectionReader(connection)));
  }

  @Test
  void invalidBytesBecomeReplacementCharacters() throws IOException {
    ScriptedConnection connection = new ScriptedConnection().bytes(0xFF, 'a', 0xC3, 'b', 0x80);
    assertEquals("\uFFFDa\uFFFDb\uFFFD", readAll(new ConnectionReader(connection)));
  }

  @Test
  void aSequenceCutShortByTheEndBecomesAReplacementCharacter() throws IOException {
    ScriptedConnection connection = new ScriptedConnection().bytes('a', 0xE2, 0x82);
    String text = readAll(new ConnectionReader(connection));
    assertTrue(text.matches("a\uFFFD+"), "got " + text.codePoints().boxed().toList());
  }

  @Test
  void nothingWithinTheTimeoutIsReadExpiredNotEnd() throws IOException {
    ScriptedConnection connection = new ScriptedConnection().endless();
    ConnectionReader reader = new ConnectionReader(connection);
    assertEquals(NonBlockingReader.READ_EXPIRED, reader.peek(20L));
    assertEquals(NonBlockingReader.READ_EXPIRED, reader.readBuffered(new char[8], 0, 8, 20L));
    assertTrue(
        connection.timeouts.stream().allMatch(t -> t > 0 && t <= 20),
        "the connection is asked to wait at most what is left: " + connection.timeouts);
  }

  /** JLine polls for keys with 100 ms reads: an idle session must not wake ten times a second. */
  @Test
  void aReadThatIsNotAPeekWaitsForTheKeyWhateverTheTimeout() throws IOException {
    ScriptedConnection connection = new ScriptedConnection().pause().chunk("k");
    ConnectionReader reader = new ConnectionReader(connection);
    assertEquals('k', reader.read(100L));
    assertTrue(
        connection.timeouts.stream().allMatch(t -> t == 0),
        "the connection is asked to wait as long as it takes: " + connection.timeouts);
  }

  @Test
  void aPeekThatCameBackEmptyKeepsWaitingUntilTheDeadline() throws IOException {
    ScriptedConnection connection = new ScriptedConnection().pause().pause().chunk("x");
    ConnectionReader reader = new ConnectionReader(connection);
    assertEquals('x', reader.peek(5_000L));
  }

  @Test
  void timeoutOfZeroWaitsAsLongAsItTakes() throws IOException {
    ScriptedConnection connection = new ScriptedConnection().chunk("z");
    ConnectionReader reader = new ConnectionReader(connection);
    assertEquals('z', reader.read(0L));
    assertEquals(0L, connection.timeouts.get(0));
  }

  @Test
  void endOfInputIsEofEveryTime() throws IOException {
    ConnectionReader reader = new ConnectionReader(new ScriptedConnection().chunk("a"));
    assertEquals('a', reader.read());
    assertEquals(NonBlockingReader.EOF, reader.read(0L));
    assertEquals(NonBlockingReader.EOF, reader.read(100L));
    assertEquals(NonBlockingReader.EOF, reader.peek(100L));
    assertEquals(-1, reader.read());
  }

  @Test
  void peekDoesNotConsume() throws IOException {
    ConnectionReader reader = new ConnectionReader(new ScriptedConnection().chunk("xy"));
    assertEquals('x', reader.peek(100L));
    assertEquals('x', reader.peek(100L));
    assertEquals(2, reader.available());
    assertEquals('x', reader.read(100L));
    assertEquals('y', reader.peek(100L));
    assertEquals('y', reader.read(100L));
    assertEquals(NonBlockingReader.EOF, reader.read(100L));
  }

  @Test
  void readBufferedGivesWhatIsDecoded() throws IOException {
    ConnectionReader reader =
        new ConnectionReader(new ScriptedConnection().chunk("héllo").chunk(" world"));
    char[] buffer = new char[16];
    int n = reader.readBuffered(buffer, 0, buffer.length, 0L);
    assertEquals("héllo", new String(buffer, 0, n));
    n = reader.readBuffered(buffer, 0, 3, 0L);
    assertEquals(" wo", new String(buffer, 0, n));
    assertEquals(0, reader.readBuffered(buffer, 0, 0, 0L));
    n = reader.readBuffered(buffer, 0, buffer.length, 0L);
    assertEquals("rld", new String(buffer, 0, n));
    assertEquals(NonBlockingReader.EOF, reader.readBuffered(buffer, 0, buffer.length, 0L));
  }

  @Test
  void longInputLargerThanTheInternalBuffersIsReadWhole() throws IOException {
    String text = "ü".repeat(500) + "end";
    ScriptedConnection connection = new ScriptedConnection().chunk(text);
    assertEquals(text, readAll(new ConnectionReader(connection)));
  }
}
