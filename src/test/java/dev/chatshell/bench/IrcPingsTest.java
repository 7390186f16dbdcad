package dev.chatshell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The answers an IRC bench client gives to the server's PINGs. */
class IrcPingsTest {
  private final List<String> pongs = new ArrayList<>();
  private final IrcPings pings =
      new IrcPings(line -> pongs.add(new String(line, StandardCharsets.US_ASCII)));

  private void feed(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    pings.feed(bytes, 0, bytes.length);
  }

  @Test
  void answersAPingWithItsToken() {
    feed("PING :irc.example\r\n");
    assertEquals(List.of("PONG :irc.example\r\n"), pongs);
  }

  @Test
  void findsAPingSplitAcrossReadsAndAmongOtherLines() {
    feed(":a!b@c PRIVMSG #x :hello\r\nPI");
    feed("NG 12");
    feed("345\r");
    feed("\n:s 372 b1 :- motd\r\n");
    assertEquals(List.of("PONG 12345\r\n"), pongs);
  }

  @Test
  void ignoresPingInsideOtherLines() {
    feed(":a!b@c PRIVMSG #x :PING me\r\n:s NOTICE b1 :PING\r\nPINGS\r\n");
    assertEquals(List.of(), pongs);
  }

  @Test
  void acceptsBareLineFeeds() {
    feed("PING :one\nPING :two\n");
    assertEquals(List.of("PONG :one\r\n", "PONG :two\r\n"), pongs);
  }
}
