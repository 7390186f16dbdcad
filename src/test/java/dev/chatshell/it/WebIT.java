package dev.chatshell.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.Processes;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import dev.chatshell.testing.WebTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
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
}
