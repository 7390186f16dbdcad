package dev.chatshell.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chatshell.chat.Ban;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** MODE +b masks as the domain's /BAN takes them, and bans shown back as masks. */
class MasksTest {

  @Test
  void aNickMaskIsANickBan() {
    assertEquals("bob", Masks.banTarget("bob!*@*"));
    assertEquals("bob", Masks.banTarget("bob!*"));
    assertEquals("bob", Masks.banTarget("bob"));
  }

  @Test
  void anAccountMaskIsAnAccountBan() {
    assertEquals("account:alice", Masks.banTarget("$a:alice"));
    assertEquals("account:alice", Masks.banTarget("~a:alice"));
  }

  @Test
  void anAddressMaskIsAnAddressBan() {
    assertEquals("1.2.3.4", Masks.banTarget("*!*@1.2.3.4"));
    assertEquals("10.0.0.0/8", Masks.banTarget("*!*@10.0.0.0/8"));
    assertEquals("2001:db8::/32", Masks.banTarget("*!*@2001:db8::/32"));
    assertEquals("1.2.3.4", Masks.banTarget("*@1.2.3.4"));
  }

  @Test
  void masksTheDomainCannotHoldAreRefused() {
    assertNull(Masks.banTarget("*!*@*"));
    assertNull(Masks.banTarget("*"));
    assertNull(Masks.banTarget("b*b"));
    assertNull(Masks.banTarget("b?b!*@*"));
    assertNull(Masks.banTarget("*!*@*.example.com"));
    assertNull(Masks.banTarget("*!*@10.0.0.?"));
    assertNull(Masks.banTarget("bob!*@1.2.3.4"), "a nick and an address at once");
  }

  @Test
  void bansAreShownAsMasks() {
    Instant now = Instant.EPOCH;
    assertEquals(
        "bob!*@*", Masks.of(new Ban("#c", Ban.Kind.NICK, "bob", "alice", null, now, null)));
    assertEquals(
        "$a:bob", Masks.of(new Ban("#c", Ban.Kind.ACCOUNT, "bob", "alice", null, now, null)));
    assertEquals(
        "*!*@10.0.0.0/8",
        Masks.of(new Ban("#c", Ban.Kind.MASK, "10.0.0.0/8", "alice", null, now, null)));
  }

  @Test
  void aBanShownAsAMaskIsTakenBackAsTheSameBan() {
    assertEquals("bob", Masks.banTarget(Masks.of(ban(Ban.Kind.NICK, "bob"))));
    assertEquals("account:bob", Masks.banTarget(Masks.of(ban(Ban.Kind.ACCOUNT, "bob"))));
    assertEquals("10.0.0.0/8", Masks.banTarget(Masks.of(ban(Ban.Kind.MASK, "10.0.0.0/8"))));
  }

  @Test
  void everyoneIsShownAsNickTildeIdentAtTheServer() {
    assertEquals("bob!~bob@chatshell", Masks.of("bob", "chatshell"));
    assertEquals("averylongnick!~averylongn@irc.example", Masks.of("averylongnick", "irc.example"));
  }

  private static Ban ban(Ban.Kind kind, String target) {
    return new Ban("#c", kind, target, "alice", null, Instant.EPOCH, null);
  }
}
