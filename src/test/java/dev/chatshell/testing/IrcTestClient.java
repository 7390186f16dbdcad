package dev.chatshell.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A raw IRC client for integration tests: sends lines as written, keeps every line received (and
 * every byte), answers the server's PINGs, and waits for a line matching a pattern after what
 * earlier waits consumed. A failed wait shows everything received, so a test failure says what the
 * server did instead.
 */
public final class IrcTestClient implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Socket socket;
  private final OutputStream out;
  private final List<String> lines = new ArrayList<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final Object sendLock = new Object();
  private final Thread reader;
  private volatile boolean answerPings = true;
  private volatile boolean closedByServer;
  private int consumed;

  private IrcTestClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.reader = Thread.ofVirtual().name("irc-test-client").start(this::readLoop);
  }

  /** A plain IRC connection to 127.0.0.1:{@code port}. */
  public static IrcTestClient connect(int port) throws IOException {
    return new IrcTestClient(new Socket(InetAddress.getByName("127.0.0.1"), port));
  }

  /** A plain IRC connection coming from the loopback address {@code from} (any 127.x.y.z). */
  public static IrcTestClient connectFrom(String from, int port) throws IOException {
    return new IrcTestClient(
        new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0));
  }

  /** An IRC connection over TLS, trusting whatever certificate the server shows (self-signed). */
  public static IrcTestClient connectTls(int port) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
    SSLSocket socket =
        (SSLSocket)
            context.getSocketFactory().createSocket(InetAddress.getByName("127.0.0.1"), port);
    socket.startHandshake();
    return new IrcTestClient(socket);
  }

  /** Connects and registers as {@code nick}, waiting for the end of the welcome (376 or 422). */
  public static IrcTestClient registered(int port, String nick) throws IOException {
    IrcTestClient client = connect(port);
    client.register(nick);
    return client;
  }

  /** NICK and USER, then waits for 001 and the end of the MOTD. */
  public void register(String nick) throws IOException {
    send("NICK " + nick);
    send("USER " + nick + " 0 * :Test " + nick);
    await(" 001 " + Pattern.quote(nick) + " ");
    await(" (376|422) ");
  }

  /** Sends {@code line} with CR LF. */
  public void send(String line) throws IOException {
    sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  public void sendRaw(byte[] bytes) throws IOException {
    synchronized (sendLock) {
      out.write(bytes);
      out.flush();
    }
  }

  /** Stops answering PING (a client that hangs). */
  public void stopAnsweringPings() {
    answerPings = false;
  }

  /**
   * Waits up to 10 s for a line after the last one consumed that matches {@code regex} (found
   * anywhere in it); consumes up to it and returns it.
   */
  public String await(String regex) {
    return await(regex, WAIT);
  }

  public synchronized String await(String regex, Duration timeout) {
    Pattern pattern = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    int from = consumed;
    while (true) {
      for (int i = from; i < lines.size(); i++) {
        Matcher matcher = pattern.matcher(lines.get(i));
        if (matcher.find()) {
          consumed = i + 1;
          return lines.get(i);
        }
      }
      from = lines.size();
      long left = deadline - System.nanoTime();
      if (!reader.isAlive()) {
        throw new AssertionError(
            "The connection closed before a line matched /" + regex + "/; got:\n" + transcript());
      }
      if (left <= 0) {
        throw new AssertionError(
            "No line matched /" + regex + "/ within " + timeout + "; got:\n" + transcript());
      }
      try {
        wait(Math.max(1, Math.min(100, left / 1_000_000)));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** The lines received after the last consumed one, up to and including the one matching. */
  public synchronized List<String> awaitAll(String regex) {
    int from = consumed;
    await(regex);
    return List.copyOf(lines.subList(from, consumed));
  }

  /** True when a line matching {@code regex} arrives within {@code timeout}; fails nothing. */
  public boolean sees(String regex, Duration timeout) {
    try {
      await(regex, timeout);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  /** True when a line received so far (consumed or not) matches {@code regex}. */
  public synchronized boolean saw(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return lines.stream().anyMatch(line -> pattern.matcher(line).find());
  }

  /** Every line received so far. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /** Every byte received so far. */
  public synchronized byte[] raw() {
    return received.toByteArray();
  }

  /** Waits for the server to close the connection; true when it did. */
  public boolean awaitClosed(Duration timeout) throws InterruptedException {
    reader.join(timeout);
    return closedByServer;
  }

  private synchronized String transcript() {
    StringBuilder text = new StringBuilder();
    int first = Math.max(0, lines.size() - 80);
    for (int i = first; i < lines.size(); i++) {
      text.append(i < consumed ? "  (seen) " : "  ").append(lines.get(i)).append('\n');
    }
    return text.append(closedByServer ? "  [closed by the server]\n" : "").toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private void readLoop() {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        List<String> complete = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          if (b == '\n') {
            byte[] bytes = line.toByteArray();
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\r') {
              length--;
            }
            complete.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
            line.reset();
          } else {
            line.write(b);
          }
        }
        for (String text : complete) {
          if (text.startsWith("PING ") && answerPings) {
            send("PONG " + text.substring(5));
          }
        }
        synchronized (this) {
          received.write(buffer, 0, n);
          lines.addAll(complete);
          notifyAll();
        }
      }
      closedByServer = true;
    } catch (IOException e) {
      closedByServer = !socket.isClosed() || closedByServer;
    }
    synchronized (this) {
      notifyAll();
    }
  }

  /** Trusts every certificate: the test server's is self-signed, made on first start. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
