package dev.chatshell.irc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLSocket;

/**
 * An IRC client on a blocking socket, read by its session's own thread: IRC over TLS, since the
 * JDK's TLS sockets block (an {@code SSLEngine} over the reactor would serve TLS clients without a
 * thread each too, at the price of a TLS state machine of our own: not done). Each such client
 * holds a virtual thread parked in its read, and a read buffer.
 *
 * <p>Threading: the session's thread reads; any thread writes, one whole write at a time under the
 * write lock.
 */
final class StreamIrcConnection extends IrcConnection {
  private final Socket underneath; // the TCP socket under TLS, or the socket itself
  private final InputStream in;
  private final OutputStream out;
  private final boolean tls;
  private final Object writeLock = new Object();
  private final ByteBuffer buffer = ByteBuffer.allocate(1024).flip(); // empty, ready to read from
  private final IrcLineSplitter lines = new IrcLineSplitter();

  /**
   * @param underneath the TCP socket {@code socket} runs over (itself when in the clear): closing
   *     it ends the connection at once, whatever state a TLS exchange is in
   */
  StreamIrcConnection(Socket socket, Socket underneath) throws IOException {
    super(socket.getInetAddress().getHostAddress(), socket.getPort());
    this.underneath = underneath;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.tls = socket instanceof SSLSocket;
  }

  /**
   * The next line the client sent, without its end; {@code null} when the client has gone; for a
   * line over the limits, which was read to its end and dropped, see {@link
   * IrcLineSplitter#tooLong}. Only the session's thread reads.
   */
  String readLine() throws IOException {
    while (true) {
      String line = lines.next(buffer);
      if (line != null) {
        return line;
      }
      int read = in.read(buffer.array(), 0, buffer.capacity());
      if (read < 0) {
        peerClosed();
        return null;
      }
      heard();
      buffer.limit(read).position(0);
    }
  }

  @Override
  void write(byte[] bytes, int length) throws IOException {
    synchronized (writeLock) {
      out.write(bytes, 0, length);
      out.flush();
    }
  }

  @Override
  public boolean encrypted() {
    return tls;
  }

  @Override
  public boolean isOpen() {
    return notClosed() && !underneath.isClosed();
  }

  @Override
  public void close() {
    peerClosed();
    try {
      underneath.close();
    } catch (IOException e) {
      // closing a socket that is going anyway
    }
  }
}
