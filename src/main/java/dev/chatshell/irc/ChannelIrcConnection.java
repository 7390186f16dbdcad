package dev.chatshell.irc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * A plain IRC client on a non-blocking JDK channel served by the {@link IrcReactor}, where the raw
 * sockets of {@link FdIrcConnection} cannot be used (not Linux): no thread waits for its lines and
 * no buffer is kept for it between lines (the reactor reads into its own buffer; only an unfinished
 * line is kept, by the {@link IrcLineSplitter}).
 *
 * <p>Threading: the reactor thread reads and owns the {@link IrcLineSplitter}; any thread writes,
 * one whole write at a time under the write lock; any thread may close.
 */
final class ChannelIrcConnection extends PlainIrcConnection {
  private final SocketChannel channel;
  private final IrcReactor reactor;
  private final SelectionKey key;
  private final IrcLineSplitter lines = new IrcLineSplitter();
  private final Object writeLock = new Object();
  private volatile Input input; // set once by start; close() on another thread reads it

  /**
   * Registers {@code channel} (non-blocking) with the reactor; nothing is read until {@link
   * #start}.
   */
  ChannelIrcConnection(SocketChannel channel, IrcReactor reactor) throws IOException {
    super(channel.socket().getInetAddress().getHostAddress(), channel.socket().getPort());
    this.channel = channel;
    this.reactor = reactor;
    this.key = reactor.register(channel, this);
  }

  @Override
  void start(Input input) {
    this.input = input;
    if (!channel.isOpen()) {
      // Closed before it was started (a shutdown between the session's registration and here):
      // close() did not know whom to tell, and the cancelled key will never be read.
      input.closed();
      return;
    }
    resumeReading();
  }

  @Override
  void resumeReading() {
    reactor.interested(key, SelectionKey.OP_READ);
  }

  /**
   * The reactor's part, on its thread: reads what has come into the reactor's {@code buffer}, cuts
   * it into lines, and hands any whole lines on (reading stops until they have been run). Part of a
   * line is kept here until the rest comes.
   */
  void readable(ByteBuffer buffer) {
    buffer.clear();
    int read;
    try {
      read = channel.read(buffer);
    } catch (IOException e) {
      read = -1; // reset by the peer, or closed by us meanwhile: gone either way
    }
    if (read == 0) {
      return;
    }
    List<String> got = List.of();
    boolean gone = read < 0;
    if (gone) {
      peerClosed();
    } else {
      heard();
      buffer.flip();
      got = lines.all(buffer);
      if (got.isEmpty()) {
        return; // only part of a line so far
      }
    }
    try {
      key.interestOpsAnd(~SelectionKey.OP_READ);
    } catch (CancelledKeyException e) {
      gone = true; // closed meanwhile: the session ends after what was read
    }
    input.received(got, gone);
  }

  @Override
  void write(byte[] bytes, int length) throws IOException {
    synchronized (writeLock) {
      ByteBuffer out = ByteBuffer.wrap(bytes, 0, length);
      channel.write(out); // throws once the connection is closed
      while (out.hasRemaining()) {
        awaitWritable();
        channel.write(out);
      }
    }
  }

  @Override
  void watchWritable() {
    reactor.interested(key, SelectionKey.OP_WRITE);
  }

  @Override
  boolean closedHere() {
    return !channel.isOpen(); // close() closes the channel before it unparks
  }

  @Override
  public boolean isOpen() {
    return notClosed() && channel.isOpen();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (!channel.isOpen()) {
        return;
      }
      peerClosed();
      try {
        channel.close(); // cancels the key: the reactor forgets the client
      } catch (IOException e) {
        // closing a socket that is going anyway
      }
    }
    // A registered channel's socket is really closed only when the selector drops its cancelled
    // key, at its next select: wake it, or the socket stays open (half closed) while all is quiet.
    reactor.wakeup();
    writable(); // a writer parked on it fails at its next write
    Input told = input;
    if (told != null) {
      told.closed();
    }
  }
}
