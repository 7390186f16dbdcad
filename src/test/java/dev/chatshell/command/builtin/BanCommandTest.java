package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.Ban;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.FakeContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /BAN, /UNBAN and /BANS as typed: durations, reasons, places, and the lists shown. */
class BanCommandTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  private final ChatServer server = ChatTestSupport.server(Clock.fixed(T0, ZoneOffset.UTC), 50);
  private final CommandTable commands = new CommandTable(BuiltinCommands.all());

  private FakeContext connect(String nick) {
    return new FakeContext(server, commands, nick);
  }

  private List<Ban> bansOf(FakeContext who) {
    return server.bans(who.user(), null);
  }

  // ---- BanCommand.duration ----

  @Test
  void durationsInMinutesHoursDaysAndWeeks() {
    assertEquals(Duration.ofMinutes(30), BanCommand.duration("30m"));
    assertEquals(Duration.ofHours(2), BanCommand.duration("2h"));
    assertEquals(Duration.ofDays(7), BanCommand.duration("7d"));
    assertEquals(Duration.ofDays(28), BanCommand.duration("4w"));
    assertEquals(Duration.ofMinutes(1), BanCommand.duration("1m"));
    assertEquals(Duration.ofDays(3650), BanCommand.duration("3650d"));
    assertEquals(Duration.ofDays(3650), BanCommand.duration("87600h"));
    assertEquals(Duration.ofDays(521 * 7), BanCommand.duration("521w"));
    assertEquals(Duration.ofMinutes(90), BanCommand.duration("090m"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0m", "0h", "0d", "0w", "000000m", "3651d", "87601h", "522w", "999999d"})
  void durationsOfNothingOrOverTenYearsAreRefused(String word) {
    ChatException refused = assertThrows(ChatException.class, () -> BanCommand.duration(word));

    assertEquals(
        "A ban lasts from 1m to 3650d; leave the duration out for good.", refused.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"forever", "m", "h2", "spam", "-", "x30m"})
  void wordsThatDoNotStartWithADigitAreNotDurations(String word) {
    assertNull(BanCommand.duration(word));
  }

  /** Issue 12: a mistyped duration became the reason of a permanent ban. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "30", "30s", "2x", "2y", "99x", "-5m", "1.5h", ".5h", "10mn", "3months", "\uFF12h"
      })
  void wordsThatLookLikeANumberButAreNoDurationAreRefused(String word) {
    ChatException refused = assertThrows(ChatException.class, () -> BanCommand.duration(word));

    assertEquals(
        word
            + " is not a duration: write 30m, 2h, 7d or 4w (also \"10 minutes\", \"2 hours\", \"1"
            + " day\", \"3 weeks\"), at most 3650d; leave it out to ban for good. Nobody was"
            + " banned.",
        refused.getMessage());
  }

  @Test
  void aNumberThenAUnitWordIsADurationOfTwoWords() {
    assertEquals(
        new BanCommand.Timing(Duration.ofMinutes(10), 2), BanCommand.timing("10", "minutes"));
    assertEquals(new BanCommand.Timing(Duration.ofHours(2), 2), BanCommand.timing("2", "Hours"));
    assertEquals(new BanCommand.Timing(Duration.ofDays(1), 2), BanCommand.timing("1", "day"));
    assertEquals(new BanCommand.Timing(Duration.ofDays(21), 2), BanCommand.timing("3", "weeks"));
    assertEquals(new BanCommand.Timing(Duration.ofMinutes(5), 1), BanCommand.timing("5min", "x"));
    assertEquals(new BanCommand.Timing(null, 0), BanCommand.timing("spam", "10"));
    assertThrows(ChatException.class, () -> BanCommand.timing("2", "years"));
    assertThrows(ChatException.class, () -> BanCommand.timing("30", "spam"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/ban bob 30", "/ban bob 2y", "/ban bob 99x flood", "/ban bob 30 spam"})
  void aMistypedDurationBansNobodyAndSaysTheAcceptedForms(String line) {
    FakeContext alice = connect("alice").run("/JOIN #c");
    FakeContext bob = connect("bob").run("/JOIN #c");

    alice.run(line);

    assertEquals(1, alice.errors().size());
    assertTrue(alice.errors().get(0).contains("is not a duration: write 30m, 2h, 7d or 4w"));
    assertTrue(server.channel("#c").contains(bob.user()));
    assertEquals(List.of(), bansOf(alice));
  }

  @Test
  void tenMinutesIsTheDurationNotTheReason() {
    FakeContext alice = connect("alice").run("/JOIN #c");
    connect("yyy").run("/JOIN #c");

    alice.run("/ban yyy 10 minutes cool down");

    assertEquals(List.of(), alice.errors());
    assertEquals(
        List.of(
            new Ban(
                "#c",
                Ban.Kind.NICK,
                "yyy",
                "alice",
                "cool down",
                T0,
                T0.plus(Duration.ofMinutes(10)))),
        bansOf(alice));
  }

  /** Found by review: "for 2 hours" was the reason of a ban for good. */
  @Test
  void forTwoHoursIsTheDurationToo() {
    FakeContext alice = connect("alice").run("/JOIN #c");
    connect("yyy").run("/JOIN #c");

    alice.run("/ban yyy for 2 hours flooding");

    assertEquals(List.of(), alice.errors());
    assertEquals(
        List.of(
            new Ban(
                "#c", Ban.Kind.NICK, "yyy", "alice", "flooding", T0, T0.plus(Duration.ofHours(2)))),
        bansOf(alice));
  }

  @Test
  void aMistypedDurationLeavesAnEarlierBanAsItWas() {
    FakeContext alice = connect("alice").run("/JOIN #c");
    alice.run("/ban carol 30m");

    alice.run("/ban carol 99x");

    assertEquals(
        List.of(
            new Ban(
                "#c", Ban.Kind.NICK, "carol", "alice", null, T0, T0.plus(Duration.ofMinutes(30)))),
        bansOf(alice));
  }

  @Test
  void aDurationTooLongToWriteInSixDigitsIsRefusedNotTakenForTheReason() {
    // The manual: "a number with m, h, d or w (minutes to weeks, at most 3650d)". A longer number
    // is still a duration, too long; it must not silently become a permanent ban's reason.
    assertThrows(ChatException.class, () -> BanCommand.duration("5256001m")); // 3650d and 1m
    assertThrows(ChatException.class, () -> BanCommand.duration("10000000d"));
  }

  // ---- /BAN ----

  @Test
  void aDurationThenTheReason() {
    FakeContext alice = connect("alice").run("/JOIN #c");
    FakeContext bob = connect("bob").run("/JOIN #c").clear();

    alice.run("/ban bob 2h spamming  links");

    assertEquals(List.of(), alice.errors());
    assertFalse(server.channel("#c").contains(bob.user()));
    assertEquals(
        List.of(
            new Ban(
                "#c",
                Ban.Kind.NICK,
                "bob",
                "alice",
                "spamming  links",
                T0,
                T0.plus(Duration.ofHours(2)))),
        bansOf(alice));
    assertTrue(
        bob.inbox()
            .texts()
            .contains(
                "You were banned from #c by alice (spamming  links), until 2025-06-01 14:00 UTC."),
        bob.inbox().texts().toString());
  }

  @Test
  void foreverIsNotADurationButTheStartOfTheReason() {
    FakeContext alice = connect("alice").run("/JOIN #c");
    connect("bob").run("/JOIN #c");

    alice.run("/BAN bob forever spamming");

    assertEquals(List.of(), alice.errors());
    assertEquals(
        List.of(new Ban("#c", Ban.Kind.NICK, "bob", "alice", "forever spamming", T0, null)),
        bansOf(alice));
  }

  @Test
  void withoutDurationOrReasonTheBanIsForGood() {
    FakeContext alice = connect("alice").run("/JOIN #c");

    alice.run("/ban account:bob");

    assertEquals(List.of(), alice.errors());
    assertEquals(
        List.of(new Ban("#c", Ban.Kind.ACCOUNT, "bob", "alice", null, T0, null)), bansOf(alice));
  }

  @Test
  void aBadDurationIsAnErrorAndNobodyIsBanned() {
    FakeContext alice = connect("alice").run("/JOIN #c");
    FakeContext bob = connect("bob").run("/JOIN #c");

    alice.run("/ban bob 0m oops");
    alice.run("/ban bob 3651d oops");

    assertEquals(
        List.of(
            "A ban lasts from 1m to 3650d; leave the duration out for good.",
            "A ban lasts from 1m to 3650d; leave the duration out for good."),
        alice.errors());
    assertTrue(server.channel("#c").contains(bob.user()));
    assertEquals(List.of(), bansOf(alice));
  }

  @Test
  void aNamedChannelIsTheOneBannedFrom() {
    FakeContext alice = connect("alice").run("/JOIN #c").run("/JOIN #d");
    FakeContext bob = connect("bob").run("/JOIN #c").run("/JOIN #d");

    alice.run("/ban #c bob 1d flooding");

    assertEquals(List.of(), alice.errors());
    assertFalse(server.channel("#c").contains(bob.user()));
    assertTrue(server.channel("#d").contains(bob.user()));
    assertEquals(
        List.of(
            new Ban(
                "#c", Ban.Kind.NICK, "bob", "alice", "flooding", T0, T0.plus(Duration.ofDays(1)))),
        server.bans(alice.user(), "#c"));
  }

  @Test
  void aMissingTargetIsAUsageError() {
    FakeContext alice = connect("alice").run("/JOIN #c").run("/BAN");
    alice.run("/BAN #c");

    assertEquals(
        List.of(
            "Missing nick, account:name or address to ban. Usage: /BAN [#channel|*] <target>"
                + " [duration] [reason]",
            "Missing nick, account:name or address to ban. Usage: /BAN [#channel|*] <target>"
                + " [duration] [reason]"),
        alice.errors());
  }

  @Test
  void isRefusedToMembersBeforeItRuns() {
    connect("alice").run("/JOIN #c");
    FakeContext bob = connect("bob").run("/JOIN #c");
    FakeContext carol = connect("carol").run("/JOIN #c");

    bob.run("/BAN carol");

    assertEquals(List.of("/BAN is for admins of the current channel; you are not."), bob.errors());
    assertTrue(server.channel("#c").contains(carol.user()));
  }

  @Test
  void aBanThatWouldHitYouIsRefused() {
    // Every fake context connects from 198.51.100.7.
    FakeContext alice = connect("alice").run("/JOIN #c");

    alice.run("/ban 198.51.100.0/24 1h");

    assertEquals(
        List.of("That ban would hit you: your own address is in it; nothing was done."),
        alice.errors());
    assertEquals(List.of(), bansOf(alice));
  }

  @Test
  void anAdminCannotBanFromTheServer() {
    FakeContext alice = connect("alice").run("/JOIN #c");

    alice.run("/ban * bob 1h");

    assertEquals(
        List.of("/BAN * (the whole server) is for server operators; you are not."), alice.errors());
  }

  @Test
  void anOperatorBansFromTheServerFromAChannel() {
    FakeContext oscar = connect("oscar");
    server.promote(oscar.user(), "test");
    oscar.run("/JOIN #ops");
    FakeContext bob = connect("bob").clear();

    oscar.run("/ban * bob 1w go away");

    assertEquals(List.of(), oscar.errors());
    assertTrue(bob.user().isGone());
    assertEquals(
        List.of(
            new Ban(
                null, Ban.Kind.NICK, "bob", "oscar", "go away", T0, T0.plus(Duration.ofDays(7)))),
        server.bans(oscar.user(), "*"));
  }

  @Test
  void anOperatorBansFromTheServerWithoutACurrentChannel() {
    // Issue 12: a command whose channel (or "*") is named needs no current channel.
    FakeContext oscar = connect("oscar");
    server.promote(oscar.user(), "test");
    FakeContext bob = connect("bob");

    oscar.run("/ban bob");
    assertEquals(List.of("/BAN needs a current channel: /JOIN one first."), oscar.errors());
    assertFalse(bob.user().isGone());

    oscar.clear().run("/ban * bob");
    assertEquals(List.of(), oscar.errors());
    assertTrue(bob.user().isGone());
  }

  @Test
  void anAdminBansFromANamedChannelWhileAnotherIsCurrent() {
    // The gate counts the rank in the channel named, not in the current one.
    FakeContext alice = connect("alice").run("/JOIN #c");
    FakeContext bob = connect("bob").run("/JOIN #c").run("/JOIN #d");
    alice.run("/JOIN #d"); // a plain member of #d, bob's channel; admin of #c

    alice.run("/ban #c bob 1h");
    bob.run("/ban #c alice");

    assertEquals(List.of(), alice.errors());
    assertFalse(server.channel("#c").contains(bob.user()));
    assertEquals(List.of("/BAN is for admins of #c; you are not."), bob.errors());
  }

  // ---- /UNBAN ----

  @Test
  void unbanLiftsTheBan() {
    FakeContext alice = connect("alice").run("/JOIN #c");
    FakeContext bob = connect("bob").run("/JOIN #c");
    alice.run("/ban bob 1h");

    alice.run("/UNBAN bob");
    bob.run("/JOIN #c");

    assertEquals(List.of(), alice.errors());
    assertEquals(List.of(), bob.errors());
    assertTrue(server.channel("#c").contains(bob.user()));
  }

  @Test
  void unbanTakesOnlyTheTarget() {
    FakeContext alice = connect("alice").run("/JOIN #c");
    alice.run("/ban bob");

    alice.run("/unban bob 1h");

    assertEquals(
        List.of("Too many arguments. Usage: /UNBAN [#channel|*] <target>"), alice.errors());
    assertEquals(1, bansOf(alice).size());
  }

  // ---- /BANS ----

  @Test
  void bansListsWhoSetEachBanWhenWhyAndUntilWhen() {
    FakeContext alice = connect("alice").run("/JOIN #c");
    FakeContext carol = connect("carol").run("/JOIN #c");
    alice.run("/ban bob 2h spamming links");
    alice.run("/ban 10.0.0.0/8");

    carol.clear().run("/BANS");

    assertEquals(List.of(), carol.errors());
    assertEquals(
        List.of(
            "2 bans on #c:",
            "  bob by alice on 2025-06-01 12:00 UTC, until 2025-06-01 14:00 UTC: spamming links",
            "  10.0.0.0/8 by alice on 2025-06-01 12:00 UTC, for good"),
        carol.replies());
  }

  @Test
  void bansSaysWhenThereAreNone() {
    FakeContext alice = connect("alice").run("/JOIN #c").run("/JOIN #d");
    alice.run("/ban #c bob");

    alice.run("/bans");
    alice.run("/bans #c");

    assertEquals(
        List.of(
            "No bans in force on #d.",
            "1 ban on #c:",
            "  bob by alice on 2025-06-01 12:00 UTC, for good"),
        alice.replies());
  }

  @Test
  void bansOfTheServerAreForOperators() {
    FakeContext alice = connect("alice").run("/JOIN #c");
    FakeContext oscar = connect("oscar");
    server.promote(oscar.user(), "test");
    oscar.run("/JOIN #ops").run("/ban * 10.0.0.0/8 1h botnet").clear();

    alice.run("/bans *");
    oscar.run("/bans *");

    assertEquals(List.of("Only server operators can ban from the whole server."), alice.errors());
    assertEquals(List.of(), oscar.errors());
    assertEquals(
        List.of(
            "1 ban on the server:",
            "  10.0.0.0/8 by oscar on 2025-06-01 12:00 UTC, until 2025-06-01 13:00 UTC: botnet"),
        oscar.replies());
  }
}
