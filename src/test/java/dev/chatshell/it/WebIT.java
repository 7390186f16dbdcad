package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatApi;
import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.Processes;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import dev.chatshell.testing.WebTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The browser door in the whole server, with a WebSocket client speaking the page's framing next to
 * telnet users: the same shell, the same channels, and the refusals a browser needs.
 */
class WebIT {
  private static ChatshellServer start(Map<Setting, String> more) throws Exception {
    Map<Setting, String> settings = new EnumMap<>(Setting.class);
    settings.put(Setting.HTTP_PORT, String.valueOf(Processes.freePort()));
    settings.putAll(more);
    return TestServer.start(settings);
  }

  private static void login(WebTestClient page, String nick) throws Exception {
    page.expect("Nickname: ");
    page.send(nick);
    page.expect("Welcome, " + nick + "!");
  }

  @Test
  void aPageAndATelnetUserChatInOneChannel() throws Exception {
    try (ChatshellServer server = start(Map.of());
        TestClient tia = TestClient.telnet(server.port(), "xterm", 80, 24);
        WebTestClient pat =
            WebTestClient.connect(
                server.httpPort(), WebTestClient.origin(server.httpPort()), 100, 30)) {
      login(pat, "pat");
      ChatIT.login(tia, "tia");
      tia.send("/join #web");
      tia.expect("You created #web");
      pat.send("/join #web");
      pat.expect("You joined #web");
      tia.expect("pat has joined #web");
      pat.send("hello from the page");
      tia.expect("<pat> hello from the page");
      tia.send("hello from telnet");
      pat.expect("<tia> hello from telnet");
      pat.send("/who");
      pat.expect("~tia pat");
    }
  }

  @Test
  void thePageAndItsFilesAreServedAndNothingElse() throws Exception {
    try (ChatshellServer server = start(Map.of())) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.httpPort();
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("xterm.js"), page.body());
      String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), csp);
      for (String path : new String[] {"/xterm.js", "/addon-fit.js", "/app.js", "/xterm.css"}) {
        assertEquals(
            200,
            http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode(),
            path);
      }
      for (String path :
          new String[] {"/etc/passwd", "/web/index.html", "/index.html/", "/pom.xml"}) {
        assertEquals(
            404,
            http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode(),
            path);
      }
      // A path that climbs out is refused before it reaches the page's handler (Jetty: 400).
      int climbing =
          http.send(
                  HttpRequest.newBuilder(URI.create(base + "/%2e%2e/pom.xml")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      assertTrue(climbing == 400 || climbing == 404, "climbing out: " + climbing);
    }
  }

  @Test
  void aWebSocketFromAnotherSiteIsRefused() throws Exception {
    try (ChatshellServer server = start(Map.of())) {
      Exception refused =
          assertThrows(
              Exception.class,
              () -> WebTestClient.connect(server.httpPort(), "https://evil.example", 80, 24));
      assertTrue(String.valueOf(refused).contains("403"), String.valueOf(refused));
      assertThrows(Exception.class, () -> WebTestClient.connect(server.httpPort(), null, 80, 24));
    }
  }

  @Test
  void aMessageThatIsNotTheFramingOrTooBigClosesOnlyThatPage() throws Exception {
    try (ChatshellServer server = start(Map.of());
        WebTestClient good =
            WebTestClient.connect(
                server.httpPort(), WebTestClient.origin(server.httpPort()), 80, 24)) {
      login(good, "good");
      try (WebTestClient odd =
          WebTestClient.connect(
              server.httpPort(), WebTestClient.origin(server.httpPort()), 80, 24)) {
        odd.expect("Nickname: ");
        odd.sendRaw(ByteBuffer.wrap(new byte[] {9, 1, 2}));
        assertEquals(1002, odd.awaitClose(Duration.ofSeconds(10)));
      }
      try (WebTestClient huge =
          WebTestClient.connect(
              server.httpPort(), WebTestClient.origin(server.httpPort()), 80, 24)) {
        huge.expect("Nickname: ");
        try {
          huge.sendRaw(ByteBuffer.allocate(10 << 20));
        } catch (Exception e) {
          // the server may close before the whole message is out
        }
        assertEquals(1009, huge.awaitClose(Duration.ofSeconds(10)));
      }
      good.send("/who");
      good.expect("good");
    }
  }

  /**
   * A page that stops reading (a tab in the background, a phone gone to sleep) while its channel
   * talks: its writer blocks, its session's bounded outbox fills, and it is dropped as any client
   * that reads nothing; the others go on.
   */
  @Test
  void aPageThatStopsReadingIsDroppedAndTheOthersGoOn() throws Exception {
    try (ChatshellServer server = start(Map.of(Setting.OUTBOX_LINES, "20"));
        TestClient tia = TestClient.plain(server.port());
        Socket lazy = rawPage(server.httpPort())) {
      ChatIT.login(tia, "tia");
      java.util.Queue<Object> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
      ChatApi talker = server.chat().forUser(server.chat().connect("talker", "test", seen::add));
      talker.join("#busy");
      OutputStream out = lazy.getOutputStream();
      out.write(frame(new byte[] {1, 0, 80, 0, 24}));
      out.write(frame(data("lazy\r")));
      Thread.sleep(500);
      out.write(frame(data("/join #busy\r")));
      for (int i = 0; i < 200 && seen.stream().noneMatch(e -> e.toString().contains("lazy")); i++) {
        Thread.sleep(20); // until the talker is told lazy joined
      }
      assertTrue(seen.stream().anyMatch(e -> e.toString().contains("lazy")), "lazy joined");
      // talks faster than the page reads: the session of the page that reads nothing fills up
      for (int i = 0; i < 2000 && !left(seen, "lazy"); i++) {
        talker.say("line " + i + " " + "x".repeat(200));
      }
      for (int i = 0; i < 200 && !left(seen, "lazy"); i++) {
        Thread.sleep(50);
      }
      assertTrue(left(seen, "lazy"), "the page that reads nothing was dropped: " + seen);
      tia.send("/join #busy");
      tia.expect("You joined #busy");
      tia.send("still here");
      tia.expect("<tia> still here");
    }
  }

  private static boolean left(java.util.Queue<Object> seen, String nick) {
    return seen.stream()
        .anyMatch(e -> e.toString().contains(nick) && e.toString().toLowerCase().contains("quit"));
  }

  /** A WebSocket from the page's origin on a plain socket, opened and never read from again. */
  private static Socket rawPage(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setReceiveBufferSize(4096);
    String key = java.util.Base64.getEncoder().encodeToString(new byte[16]);
    socket
        .getOutputStream()
        .write(
            ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                    + key
                    + "\r\nSec-WebSocket-Version: 13\r\nOrigin: "
                    + WebTestClient.origin(port)
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed during the upgrade: " + head);
      }
      head.append((char) b);
    }
    assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
    return socket;
  }

  private static byte[] data(String keys) {
    byte[] bytes = keys.getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, message, 1, bytes.length);
    return message;
  }

  /** A client's binary frame (masked, as clients must), for messages under 126 bytes. */
  private static byte[] frame(byte[] payload) {
    byte[] mask = {1, 2, 3, 4};
    byte[] frame = new byte[2 + 4 + payload.length];
    frame[0] = (byte) 0x82;
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    return frame;
  }
}
