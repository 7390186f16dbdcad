package dev.chatshell.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One simulated user: a socket from its own loopback address, read by a {@link Reactor} that
 * answers telnet like a real client and counts the markers it receives, and the login steps of
 * either a chatshell server (nickname prompt, welcome, /JOIN) or the bare baseline (one JOIN line).
 */
final class BenchSession implements Member {
  /** What the session is for: measured receivers, or one of the two troublemakers. */
  enum Role {
    MEMBER,
    STALLED,
    FLOODER
  }

  final int index;
  final String nick;
  final String channel;
  final boolean character;
  final Role role;
  private SocketChannel socket;
  private volatile SocketWriter writer;
  private Reactor reactor;
  private ClientStream stream;
  private volatile boolean closed;

  BenchSession(int index, String channel, boolean character, Role role) {
    this.index = index;
    this.nick = "b" + index;
    this.channel = channel;
    this.character = character;
    this.role = role;
  }

  /**
   * Connects from {@code local} and logs in; returns once the session is in its channel. Throws
   * when a step does not complete.
   */
  void open(
      InetAddress local,
      InetSocketAddress server,
      Target target,
      Reactor reactor,
      ClientStream.Deliveries deliveries)
      throws IOException, InterruptedException {
    this.reactor = reactor;
    stream =
        new ClientStream(
            character, index, 100, 40, "xterm-256color", this::reply, deliveries::delivered);
    socket = SocketChannel.open();
    socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    if (role == Role.STALLED) {
      // A small window, as on a slow link: on loopback the kernel would otherwise soak up
      // megabytes, minutes of chat, before the server saw that this client does not read.
      socket.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
    }
    socket.bind(new InetSocketAddress(local, 0));
    socket.connect(server);
    socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
    writer = new SocketWriter(socket, () -> closed, () -> closed = true);
    if (target == Target.BASELINE) {
      reactor.register(socket, reader());
      send("JOIN " + channel);
      return;
    }
    synchronized (stream) {
      stream.expect("Nickname: ");
    }
    reactor.register(socket, reader());
    await();
    step(nick, "Welcome, ");
    step("/JOIN " + channel, "You joined " + channel, "You created " + channel);
    synchronized (stream) {
      stream.stopKeepingText();
    }
  }

  private Reactor.Reader reader() {
    return new Reactor.Reader() {
      @Override
      public void read(byte[] bytes, int length) {
        synchronized (stream) {
          stream.feed(bytes, 0, length);
          if (stream.found()) {
            stream.notifyAll();
          }
        }
      }

      @Override
      public void ended() {
        closed = true;
        synchronized (stream) {
          stream.notifyAll();
        }
      }
    };
  }

  /** Sends a line, then waits for one of {@code wanted}. */
  private void step(String line, String... wanted) throws IOException, InterruptedException {
    synchronized (stream) {
      stream.expect(wanted);
    }
    send(line);
    await();
  }

  private void await() throws IOException, InterruptedException {
    stream.awaitFound(nick, () -> closed, "connection");
  }

  @Override
  public int index() {
    return index;
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public Plan.Door door() {
    return Plan.Door.TELNET;
  }

  /** Stops reading for good, keeping the connection open: a client that went to sleep. */
  void stall() {
    reactor.stopReading(socket);
  }

  /** Sends one line as the user would type it, CR LF as telnet clients do. */
  @Override
  public void send(String line) {
    sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private void sendRaw(byte[] bytes) {
    writer.send(bytes);
  }

  private void reply(byte[] bytes) {
    writer.answer(bytes);
  }

  @Override
  public boolean isOpen() {
    return !closed;
  }

  @Override
  public void close() {
    closed = true;
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
