package dev.chatshell.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One simulated IRC user, the same for chatshell's IRC door and for any other IRC server: a socket
 * from its own loopback address, registered with {@code NICK}/{@code USER} (no CAP, no password, as
 * the simplest client does), in one channel, answering the server's {@code PING}s. What arrives is
 * read by a {@link Reactor} and goes through the same {@link ClientStream} as a telnet member's,
 * which waits for the login steps' numerics and picks the markers out of the {@code PRIVMSG} lines.
 */
final class IrcBenchSession implements Member {
  private final int index;
  private final String nick;
  private final String channel;
  private final byte[] privmsg; // "PRIVMSG <channel> :"
  private SocketChannel socket;
  private volatile SocketWriter writer;
  private ClientStream stream;
  private IrcPings pings;
  private volatile boolean closed;

  IrcBenchSession(int index, String channel) {
    this.index = index;
    this.nick = "b" + index;
    this.channel = channel;
    this.privmsg = ("PRIVMSG " + channel + " :").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Connects from {@code local}, registers and joins; returns once the server has sent the end of
   * the channel's names (366), so the member is in. Throws when a step does not complete.
   */
  void open(
      InetAddress local,
      InetSocketAddress server,
      Reactor reactor,
      ClientStream.Deliveries deliveries)
      throws IOException, InterruptedException {
    // Not character mode: an IRC server sends no telnet commands, and none is ever answered.
    stream = new ClientStream(false, index, 100, 40, "irc", bytes -> {}, deliveries);
    pings = new IrcPings(line -> writer.answer(line));
    socket = SocketChannel.open();
    socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    socket.bind(new InetSocketAddress(local, 0));
    socket.connect(server);
    socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
    writer = new SocketWriter(socket, () -> closed, () -> closed = true);
    // 001 is the welcome; a refusal is a numeric addressed to this client (its nick, or "*"
    // before it has one), or ERROR before the server closes the connection. Each text ends the
    // wait; a refusal then fails the login with the server's own words.
    String[] refusals = refusals("432", "433", "403", "405", "471", "473", "474", "475");
    synchronized (stream) {
      stream.expect(with(refusals, " 001 " + nick + " "));
    }
    reactor.register(socket, reader());
    sendRaw(
        ("NICK " + nick + "\r\nUSER " + nick + " 0 * :chatshell bench\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    await();
    requireNot(refusals);
    synchronized (stream) {
      stream.expect(with(refusals, " 366 " + nick + " "));
    }
    sendRaw(("JOIN " + channel + "\r\n").getBytes(StandardCharsets.US_ASCII));
    await();
    requireNot(refusals);
    synchronized (stream) {
      stream.stopKeepingText();
    }
  }

  /** What a refusal of this client looks like for each numeric, and ERROR. */
  private String[] refusals(String... numerics) {
    List<String> texts = new ArrayList<>();
    for (String numeric : numerics) {
      texts.add(" " + numeric + " " + nick + " ");
      texts.add(" " + numeric + " * ");
    }
    texts.add("ERROR :");
    return texts.toArray(String[]::new);
  }

  private static String[] with(String[] texts, String more) {
    String[] all = Arrays.copyOf(texts, texts.length + 1);
    all[texts.length] = more;
    return all;
  }

  /** Fails the login when the text that ended the wait was one of {@code refusals}. */
  private void requireNot(String... refusals) throws IOException {
    String seen;
    synchronized (stream) {
      seen = stream.recentText();
    }
    for (String refusal : refusals) {
      if (seen.contains(refusal)) {
        int at = seen.lastIndexOf(refusal);
        int end = seen.indexOf('\n', at);
        throw new IOException(
            nick
                + ": refused: "
                + seen.substring(Math.max(0, at - 40), end < 0 ? seen.length() : end).strip());
      }
    }
  }

  private Reactor.Reader reader() {
    return new Reactor.Reader() {
      @Override
      public void read(byte[] bytes, int length) {
        pings.feed(bytes, 0, length);
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
    return Plan.Door.IRC;
  }

  /** Says {@code text} in the member's channel, as a client does with what its user types there. */
  @Override
  public void send(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[privmsg.length + body.length + 2];
    System.arraycopy(privmsg, 0, line, 0, privmsg.length);
    System.arraycopy(body, 0, line, privmsg.length, body.length);
    line[line.length - 2] = '\r';
    line[line.length - 1] = '\n';
    sendRaw(line);
  }

  private void sendRaw(byte[] bytes) {
    writer.send(bytes);
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
