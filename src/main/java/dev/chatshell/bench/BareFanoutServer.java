package dev.chatshell.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The comparison point for fan-out: the simplest server that could carry a chat, with a virtual
 * thread per connection that writes each line straight to every socket in its channel. No telnet,
 * no shell, no queues: what is left is the cost of the sockets themselves. The first line a client
 * sends is {@code JOIN <channel>}; every later line goes to everyone in that channel, the sender
 * included.
 *
 * <p>Run in its own process by {@code chatshell bench --against baseline}, so that it has the same
 * open-file budget and cores as a chatshell server would.
 */
public final class BareFanoutServer {
  private static final int MAX_LINE = 65536;

  private final Map<String, List<OutputStream>> channels = new ConcurrentHashMap<>();
  private final ServerSocket listener;

  BareFanoutServer(InetAddress bind, int port) throws IOException {
    listener = new ServerSocket();
    listener.setReuseAddress(true);
    listener.bind(new InetSocketAddress(bind, port), 4096);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** {@code BareFanoutServer <port>}: listens on the loopback address until killed. */
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    BareFanoutServer server = new BareFanoutServer(InetAddress.getLoopbackAddress(), port);
    System.out.println("Listening on port " + server.port());
    server.serve();
  }

  void serve() throws IOException {
    while (!listener.isClosed()) {
      Socket socket = listener.accept();
      Thread.ofVirtual().name("bare").start(() -> session(socket));
    }
  }

  void close() throws IOException {
    listener.close();
  }

  private void session(Socket socket) {
    List<OutputStream> channel = null;
    OutputStream out = null;
    try (socket) {
      socket.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
      String join = readLine(in);
      if (join == null || !join.startsWith("JOIN ")) {
        return;
      }
      channel = channels.computeIfAbsent(join.substring(5), name -> new CopyOnWriteArrayList<>());
      channel.add(out);
      String line;
      while ((line = readLine(in)) != null) {
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        for (OutputStream member : channel) {
          synchronized (member) {
            try {
              member.write(bytes);
              member.flush();
            } catch (IOException e) {
              // that member is gone; its own thread removes it
            }
          }
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      if (channel != null) {
        channel.remove(out);
      }
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      if (b != '\r' && line.size() < MAX_LINE) {
        line.write(b);
      }
    }
  }
}
