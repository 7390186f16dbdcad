package dev.chatshell.it;

import static dev.chatshell.it.ChatIT.login;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.config.Setting;
import dev.chatshell.server.ChatshellServer;
import dev.chatshell.testing.TestClient;
import dev.chatshell.testing.TestServer;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile and broken clients: none of them harms anyone else (SPEC §5). */
class AbuseIT {

  @Test
  void linesOverTheLimitAreRefusedWithAClearError() throws Exception {
    try (ChatshellServer server = TestServer.start();
        TestClient plain = TestClient.plain(server.port());
        TestClient telnet = TestClient.telnet(server.port(), "xterm", 80, 24)) {
      login(plain, "plain");
      login(telnet, "term");
      plain.send("/join #long");
      plain.expect("You created #long");
      telnet.send("/join #long");
      telnet.expect("Members:");
      plain.send("x".repeat(5000));
      plain.expect("Error: Line too long: at most 4096 bytes; it was not sent.");
      plain.send("still here");
      telnet.expect("<plain> still here");

      telnet.type("y".repeat(5000));
      telnet.send("");
      telnet.expect("Error: Line too long");
      telnet.send("me too");
      plain.expect("<term> me too");
      assertFalse(plain.text().contains("yyyyy"), "the long line went nowhere");
    }
  }

  @Test
  void escapeSequencesAndControlCharactersNeverReachAnotherTerminal() throws Exception {
    try (ChatshellServer server = TestServer.start();
        TestClient mallory = TestClient.plain(server.port());
        TestClient victim = TestClient.telnet(server.port(), "xterm-256color", 80, 24)) {
      login(mallory, "mallory");
      login(victim, "victim");
      mallory.send("/join #esc");
      mallory.expect("You created #esc");
      victim.send("/join #esc");
      victim.expect("Members: ~mallory victim");
      mallory.send("\u001B[2J\u001B]0;owned\u0007 bell\u0008\u009B31m \u202Eevil");
      // Backspace is applied to the line in line mode (it erased the l), never passed on.
      victim.expect("<mallory> ^[[2J^[]0;owned^G bel<U+009B>31m <U+202E>evil");
      mallory.send("/msg victim \u001B[31mred");
      victim.expect("*mallory* ^[[31mred");
      String raw = new String(victim.raw(), StandardCharsets.UTF_8);
      assertFalse(raw.contains("\u001B[2J"), "clear-screen never passed on");
      assertFalse(raw.contains("\u001B]0;"), "title change never passed on");
      assertFalse(raw.contains("\u202E"), "direction override never passed on");
    }
  }

  /**
   * Issue 12 G: zero-width characters, tag characters, Hangul fillers and stacked combining marks
   * sent by one user reach another user's terminal only as visible marks (or cut), never raw; and
   * channels named with invisible characters or a Cyrillic lookalike are refused.
   */
  @Test
  void invisibleCharactersAndMarkStacksNeverReachAnotherTerminal() throws Exception {
    try (ChatshellServer server = TestServer.start();
        TestClient mallory = TestClient.plain(server.port());
        TestClient victim = TestClient.telnet(server.port(), "xterm-256color", 80, 24)) {
      login(mallory, "mallory");
      login(victim, "victim");
      mallory.send("/join #\u3164");
      mallory.expect("Error: A channel name cannot contain control or invisible characters");
      mallory.send("/join #\u0430dmin");
      mallory.expect("Error: A channel name cannot mix scripts (Latin with Cyrillic");
      mallory.send("/join #inv");
      mallory.expect("You created #inv");
      victim.send("/join #inv");
      victim.expect("Members: ~mallory victim");
      String tags = "\udb40\udc41\udb40\udc42";
      mallory.send("ad\u200bmin " + tags + " x\u3164y Z" + "\u0301\u0300".repeat(30) + " end");
      victim.expect(
          "<mallory> ad<U+200B>min <U+E0041><U+E0042> x<U+3164>y Z\u0301\u0300\u0301 end");
      mallory.send("/topic \u2060hidden\ufeff");
      victim.expect("set the topic of #inv: <U+2060>hidden<U+FEFF>");
      String raw = new String(victim.raw(), StandardCharsets.UTF_8);
      assertTrue(
          raw.codePoints().noneMatch(cp -> cp == 0x200B || cp == 0x3164 || cp == 0x2060),
          "no zero-width space, filler or word joiner passed on");
      assertTrue(raw.codePoints().noneMatch(cp -> cp >= 0xE0000), "no tag character passed on");
      assertFalse(raw.contains("\u0301\u0300\u0301\u0300"), "no stack of 4 marks passed on");
    }
  }

  @Test
  void invalidUtf8BecomesReplacementCharacters() throws Exception {
    try (ChatshellServer server = TestServer.start();
        TestClient sender = TestClient.plain(server.port());
        TestClient reader = TestClient.plain(server.port())) {
      login(sender, "sender");
      login(reader, "reader");
      sender.send("/join #utf");
      sender.expect("You created #utf");
      reader.send("/join #utf");
      reader.expect("Members:");
      // A lone lead byte, a byte that never occurs in UTF-8, a stray continuation byte. (0xFF
      // never occurs in UTF-8 either, but it is telnet's IAC and read as such.)
      byte[] broken = {
        'c', 'a', 'f', (byte) 0xC3, ' ', (byte) 0xFE, (byte) 0x80, ' ', 'o', 'k', '\n'
      };
      sender.sendRaw(broken);
      reader.expect("<sender> caf\uFFFD \uFFFD\uFFFD ok");
      sender.send("caf\u00E9 \u2713");
      reader.expect("<sender> caf\u00E9 \u2713");
    }
  }

  @Test
  void aClientThatStopsReadingIsDroppedAndSlowsNobody() throws Exception {
    Map<Setting, String> settings =
        Map.of(
            Setting.OUTBOX_LINES, "1000",
            Setting.FLOOD_RATE, "2000",
            Setting.FLOOD_BURST, "50",
            Setting.FLOOD_QUEUE_LINES, "100000"); // the talker's lines wait, none is dropped
    try (ChatshellServer server = TestServer.start(settings);
        TestClient talker = TestClient.plain(server.port());
        TestClient listener = TestClient.plain(server.port());
        Socket lazy = new Socket()) {
      login(talker, "talker");
      login(listener, "listener");
      talker.send("/join #firehose");
      talker.expect("You created #firehose");
      listener.send("/join #firehose");
      listener.expect("Members:");
      lazy.setReceiveBufferSize(4096);
      lazy.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
      OutputStream out = lazy.getOutputStream();
      out.write("lazy\n/join #firehose\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      listener.expect("lazy has joined #firehose");
      String filler = "z".repeat(1000);
      String dropped =
          "lazy has quit (output queue full (1000 lines waiting): the client is not reading)";
      // Send at 2000 lines/s until the lazy client's socket buffers and its queue are full,
      // however large this machine's TCP buffers are.
      int sent = 0;
      while (!listener.text().contains(dropped)) {
        assertTrue(sent < 40_000, "the lazy client was never dropped");
        for (int i = 0; i < 500; i++, sent++) {
          talker.send(sent + " " + filler);
        }
        // Paced by the channel: flood control holds the talker's lines and lets them out at its
        // rate, so the next batch goes once this one has come back to the talker.
        talker.expect("<talker> " + (sent - 1) + " " + filler, Duration.ofSeconds(30));
      }
      listener.expect(dropped, Duration.ofSeconds(30));
      listener.expect((sent - 1) + " " + filler, Duration.ofSeconds(30)); // nothing lost
      talker.send("/who");
      talker.expect("#firehose (2): ~talker listener");
    }
  }

  @Test
  void floodingIsWarnedThenDelayedButNothingIsLost() throws Exception {
    Map<Setting, String> settings = Map.of(Setting.FLOOD_RATE, "5", Setting.FLOOD_BURST, "3");
    try (ChatshellServer server = TestServer.start(settings);
        TestClient flooder = TestClient.plain(server.port());
        TestClient listener = TestClient.plain(server.port())) {
      login(flooder, "flooder");
      login(listener, "listener");
      flooder.send("/join #flood");
      flooder.expect("You created #flood");
      listener.send("/join #flood");
      listener.expect("Members:");
      Thread.sleep(1000); // let the bucket fill up again
      long start = System.nanoTime();
      for (int i = 1; i <= 10; i++) {
        flooder.send("line " + i);
      }
      flooder.expect("Error: You are sending too fast");
      for (int i = 1; i <= 10; i++) {
        listener.expect("<flooder> line " + i);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      // 3 lines at once, then 5 per second: the last of 10 cannot arrive before 1.4 s.
      assertTrue(seconds >= 1.3, "lines were delayed, took " + seconds + " s");
    }
  }
}
