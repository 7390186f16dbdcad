package dev.chatshell.telnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.transport.TerminalInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile byte streams against option negotiation (issue 12, K): a {@link TelnetConnection} reads a
 * generated stream, in generated chunks, through negotiation and then as data. Nothing escapes; the
 * window size and terminal type stay within their bounds; what the server writes back is only
 * well-formed telnet commands, and at most a few bytes for each byte received, so no sequence of
 * options sets off a negotiation loop or an amplification.
 *
 * <p>The socket is a stand-in (the boundary): {@code TelnetConnectionTest} covers real sockets.
 */
class TelnetNegotiationPropertiesTest {
  private static final int IAC = 255;
  private static final int OFFER_BYTES = 15; // WILL ECHO, WILL SGA, DO SGA, DO NAWS, DO TTYPE

  @Property
  void negotiationStaysBoundedAndWellFormed(
      @ForAll("telnetStreams") byte[] stream, @ForAll("chunkSizes") List<Integer> chunks)
      throws IOException {
    ScriptedSocket socket = new ScriptedSocket(stream, chunks);
    TelnetConnection connection = new TelnetConnection(socket, Duration.ofMillis(50));
    TerminalInfo terminal = connection.awaitTerminal();
    byte[] buffer = new byte[64];
    long data = 0;
    int n;
    while ((n = connection.read(buffer, 0, buffer.length, 0)) >= 0) {
      data += n;
    }
    assertTrue(data <= stream.length, "more data out than in");

    int columns = terminal.columns();
    int rows = terminal.rows();
    assertTrue(
        columns == 0
            || (columns >= TerminalInfo.MIN_COLUMNS && columns <= TerminalInfo.MAX_COLUMNS),
        "columns " + columns);
    assertTrue(
        rows == 0 || (rows >= TerminalInfo.MIN_ROWS && rows <= TerminalInfo.MAX_ROWS),
        "rows " + rows);
    String type = terminal.type();
    assertTrue(type == null || type.matches("[A-Za-z0-9._+-]{1,40}"), "type " + type);

    byte[] written = socket.written.toByteArray();
    assertTrue(
        written.length <= OFFER_BYTES + 3L * stream.length,
        written.length + " bytes written for " + stream.length + " received");
    assertWellFormedCommands(written);
  }

  /** Only {@code IAC WILL|WONT|DO|DONT option} and {@code IAC SB TTYPE SEND IAC SE}. */
  private static void assertWellFormedCommands(byte[] out) {
    int i = 0;
    while (i < out.length) {
      assertEquals(IAC, out[i] & 0xFF, "data byte written during negotiation at " + i);
      assertTrue(i + 2 < out.length, "truncated command at " + i);
      int verb = out[i + 1] & 0xFF;
      if (verb >= 251 && verb <= 254) {
        i += 3;
      } else {
        assertEquals(250, verb, "unknown command " + verb);
        assertTrue(i + 5 < out.length, "truncated sub-negotiation");
        assertEquals(24, out[i + 2] & 0xFF);
        assertEquals(1, out[i + 3] & 0xFF);
        assertEquals(IAC, out[i + 4] & 0xFF);
        assertEquals(240, out[i + 5] & 0xFF);
        i += 6;
      }
    }
  }

  @Provide
  Arbitrary<byte[]> telnetStreams() {
    return HostileBytes.telnetStreams();
  }

  @Provide
  Arbitrary<List<Integer>> chunkSizes() {
    return Arbitraries.integers().between(1, 600).list().ofMinSize(1).ofMaxSize(8);
  }

  /**
   * A socket whose input is a fixed stream, handed out in the given chunk sizes (cycled), then end
   * of stream; its output is recorded. Timeouts never fire: the stream is all there.
   */
  private static final class ScriptedSocket extends Socket {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final InputStream in;
    private boolean closed;

    ScriptedSocket(byte[] stream, List<Integer> chunks) {
      this.in =
          new InputStream() {
            private int at;
            private int next;

            @Override
            public int read() {
              byte[] one = new byte[1];
              return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
              if (at >= stream.length) {
                return -1;
              }
              int chunk = chunks.get(next++ % chunks.size());
              int n = Math.min(Math.min(len, chunk), stream.length - at);
              System.arraycopy(stream, at, b, off, n);
              at += n;
              return n;
            }
          };
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }

    @Override
    public OutputStream getOutputStream() {
      return written;
    }

    @Override
    public InetAddress getInetAddress() {
      return InetAddress.getLoopbackAddress();
    }

    @Override
    public int getPort() {
      return 50_000;
    }

    @Override
    public void setSoTimeout(int timeout) {}

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
