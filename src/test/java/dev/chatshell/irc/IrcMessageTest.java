package dev.chatshell.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lines as clients send them, taken apart as RFC 1459/2812 and IRCv3 message-tags say. */
class IrcMessageTest {

  @Test
  void theVerbIsUpperCasedAndItsParametersSplitOnSpaces() {
    IrcMessage m = IrcMessage.parse("privmsg #chan hello");
    assertEquals("PRIVMSG", m.command());
    assertEquals(List.of("#chan", "hello"), m.params());
    assertEquals(Map.of(), m.tags());
  }

  @Test
  void theTrailingParameterKeepsItsSpacesAndColons() {
    IrcMessage m = IrcMessage.parse("PRIVMSG #chan :hello there :) a:b");
    assertEquals(List.of("#chan", "hello there :) a:b"), m.params());
  }

  @Test
  void anEmptyTrailingParameterIsAParameter() {
    assertEquals(List.of("#chan", ""), IrcMessage.parse("TOPIC #chan :").params());
  }

  @Test
  void runsOfSpacesSeparateLikeOne() {
    assertEquals(List.of("#a", "#b"), IrcMessage.parse("JOIN   #a    #b  ").params());
  }

  @Test
  void aSourceFromTheClientIsIgnored() {
    IrcMessage m = IrcMessage.parse(":someone!x@y NICK bob");
    assertEquals("NICK", m.command());
    assertEquals(List.of("bob"), m.params());
  }

  @Test
  void tagsAreUnescaped() {
    IrcMessage m =
        IrcMessage.parse(
            "@a=semi\\:colon;b=sp\\sace;c=back\\\\slash;d=cr\\rlf\\n;flag;e=;+client/x=1 :src"
                + " PRIVMSG #c :hi");
    assertEquals("semi;colon", m.tags().get("a"));
    assertEquals("sp ace", m.tags().get("b"));
    assertEquals("back\\slash", m.tags().get("c"));
    assertEquals("cr\rlf\n", m.tags().get("d"));
    assertEquals("", m.tags().get("flag"));
    assertEquals("", m.tags().get("e"));
    assertEquals("1", m.tags().get("+client/x"));
    assertEquals("PRIVMSG", m.command());
    assertEquals(List.of("#c", "hi"), m.params());
  }

  @Test
  void anUnknownEscapeIsTheCharacterAndATrailingBackslashIsDropped() {
    assertEquals("ab", IrcMessage.unescape("\\ab"));
    assertEquals("end", IrcMessage.unescape("end\\"));
  }

  @Test
  void escapingAndUnescapingRoundTrip() {
    String value = "a;b c\\d\re\nf";
    assertEquals("a\\:b\\sc\\\\d\\re\\nf", IrcMessage.escape(value));
    assertEquals(value, IrcMessage.unescape(IrcMessage.escape(value)));
  }

  @Test
  void atMostFifteenParametersTheLastTakingTheRest() {
    StringBuilder line = new StringBuilder("CMD");
    for (int i = 1; i <= 20; i++) {
      line.append(' ').append(i);
    }
    IrcMessage m = IrcMessage.parse(line.toString());
    assertEquals(IrcMessage.MAX_PARAMS, m.params().size());
    assertEquals("14", m.param(13));
    assertEquals("15 16 17 18 19 20", m.param(14));
  }

  @Test
  void fifteenParametersWithATrailingOneAreKeptAsSent() {
    StringBuilder line = new StringBuilder("CMD");
    for (int i = 1; i <= 14; i++) {
      line.append(' ').append(i);
    }
    IrcMessage m = IrcMessage.parse(line + " :last one");
    assertEquals(15, m.params().size());
    assertEquals("last one", m.param(14));
  }

  @Test
  void aLineWithoutAVerbIsNothing() {
    assertNull(IrcMessage.parse(""));
    assertNull(IrcMessage.parse("   "));
    assertNull(IrcMessage.parse("@tag=1"));
    assertNull(IrcMessage.parse("@tag=1 "));
    assertNull(IrcMessage.parse(":source.only"));
    assertNull(IrcMessage.parse("@t=1 :source "));
  }

  @Test
  void leadingSpacesAreSkipped() {
    IrcMessage m = IrcMessage.parse("  PING :x");
    assertEquals("PING", m.command());
    assertEquals(List.of("x"), m.params());
  }

  @Test
  void aParameterAskedBeyondTheCountGivesTheFallback() {
    IrcMessage m = IrcMessage.parse("PART #c");
    assertEquals("#c", m.param(0, "x"));
    assertEquals("x", m.param(1, "x"));
  }
}
