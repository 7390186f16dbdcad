package dev.chatshell.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One churning client: a plain-mode connection (like a script or a bot, the cheapest kind for both
 * ends) that sends a line and waits for the server's answer to it, noting when the answer arrived.
 * Unlike the measured members it keeps the text it receives, to find its answers in.
 *
 * <p>One thread at a time sends and waits; the {@link Reactor}'s thread feeds it.
 */
final class ChurnClient implements AutoCloseable {
  /** Every error the server shows starts so. */
  private static final String ERROR = "Error: ";

  /** The start of the error flood control shows once when it starts holding lines back. */
  private static final String FLOOD_WARNING = "You are sending too fast";

  private final String name;
  private final ClientStream stream;
  private SocketChannel socket;
  private volatile SocketWriter writer;
  private volatile boolean closed;
  private long answeredAt; // guarded by stream

  ChurnClient(String name) {
    this.name = name;
    this.stream = new ClientStream(false, -1, 100, 40, "dumb", this::reply, (sent, sender) -> {});
  }

  /** Connects from {@code local}; returns at the nickname prompt. */
  void open(InetAddress local, InetSocketAddress server, Reactor reactor, long timeoutNanos)
      throws IOException, InterruptedException {
    socket = SocketChannel.open();
    socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    socket.bind(new InetSocketAddress(local, 0));
    socket.connect(server);
    socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
    writer = new SocketWriter(socket, () -> closed, () -> closed = true);
    synchronized (stream) {
      stream.expect("Nickname: ");
    }
    reactor.register(socket, reader());
    if (!await(System.nanoTime() + timeoutNanos)) {
      throw new IOException(name + ": no nickname prompt; " + seen());
    }
  }

  /**
   * Logs in as a guest ({@code password} null) or to an account; returns when the welcome arrived,
   * in {@link System#nanoTime()}.
   */
  long logIn(String nick, String password, long timeoutNanos)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    if (password != null) {
      expectAnswer("Password: ");
      send(nick);
      if (!await(deadline) || failed("Password: ")) {
        throw new IOException(name + ": no password prompt; " + seen());
      }
      nick = password;
    }
    expectAnswer("Welcome, ", "Nickname: ");
    send(nick);
    if (!await(deadline) || failed("Welcome, ")) {
      throw new IOException(name + ": not logged in; " + seen());
    }
    return answered();
  }

  /**
   * Sends {@code line} and waits for one of {@code success} (or an error); returns when the answer
   * arrived, in {@link System#nanoTime()}, or -1 when it was an error or did not come in time.
   */
  long request(String line, long timeoutNanos, String... success) throws InterruptedException {
    expectAnswer(success);
    send(line);
    long deadline = System.nanoTime() + timeoutNanos;
    while (await(deadline)) {
      synchronized (stream) {
        if (!failed(success)) {
          return answeredAt;
        }
        if (!onlyFloodWarning()) {
          return -1;
        }
        // Flood control holds the line back and says so first: the answer is still to come.
        // (Under the stream's lock, so an answer cannot slip in before the text is cleared.)
        expectAnswer(success);
      }
    }
    return -1;
  }

  /** True when all that came is flood control's warning (an error line of its own). */
  private boolean onlyFloodWarning() {
    String text = stream.recentText();
    return text.contains(FLOOD_WARNING) && text.indexOf(ERROR) == text.lastIndexOf(ERROR);
  }

  /** What came since the last request, for error messages. */
  String seen() {
    synchronized (stream) {
      String text = stream.recentText();
      return "last seen: "
          + text.substring(Math.max(0, text.length() - 200)).replaceAll("\\p{Cntrl}", "?");
    }
  }

  /** Sends /BYE and waits (a little) for the server to close the connection. */
  void leave(long timeoutNanos) throws InterruptedException {
    send("/BYE");
    long deadline = System.nanoTime() + timeoutNanos;
    synchronized (stream) {
      while (!closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        stream.wait(Math.max(1, left / 1_000_000));
      }
    }
    close();
  }

  boolean isOpen() {
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

  private void expectAnswer(String... wanted) {
    String[] all = new String[wanted.length + 1];
    System.arraycopy(wanted, 0, all, 0, wanted.length);
    all[wanted.length] = ERROR;
    synchronized (stream) {
      stream.expect(all);
      answeredAt = 0;
    }
  }

  private boolean await(long deadline) throws InterruptedException {
    synchronized (stream) {
      while (!stream.found()) {
        long left = deadline - System.nanoTime();
        if (closed || left <= 0) {
          return false;
        }
        stream.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /** True when the answer that came is none of {@code success} (an error, or another prompt). */
  private boolean failed(String... success) {
    synchronized (stream) {
      String text = stream.recentText();
      for (String wanted : success) {
        if (text.contains(wanted)) {
          return false;
        }
      }
      return true;
    }
  }

  private long answered() {
    synchronized (stream) {
      return answeredAt;
    }
  }

  private Reactor.Reader reader() {
    return new Reactor.Reader() {
      @Override
      public void read(byte[] bytes, int length) {
        synchronized (stream) {
          stream.feed(bytes, 0, length);
          if (stream.found()) {
            if (answeredAt == 0) {
              answeredAt = System.nanoTime(); // on arrival: the waiting thread may wake later
            }
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

  private void send(String line) {
    writer.send((line + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private void reply(byte[] bytes) {
    writer.answer(bytes);
  }
}
