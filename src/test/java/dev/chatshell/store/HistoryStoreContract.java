package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.HistoryEntry;
import dev.chatshell.testing.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database behind {@link HistoryStore} must do. Each database gets a subclass that opens
 * a fresh, empty one; the same tests then run on all of them. Lines carry their own times, so the
 * store's clock only matters for pruning: it is one the tests move by hand.
 */
abstract class HistoryStoreContract extends StoreContract {
  private static final Instant T = Instant.parse("2026-11-21T10:00:00.123Z");
  private static final Instant FAR = Instant.parse("2030-01-01T00:00:00Z"); // an "until" after all
  private static final String FAILED = "The history database is not answering; try again later.";

  private HistoryStore history;
  private final HandClock clock = new HandClock(T);
  private final List<HistoryStore> opened = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    AccountStore accounts = new AccountStore(database);
    for (String name :
        List.of("alice", "bob", "carol", "bobby", "a_b", "axb", "x[1]", "p\\q", "u|v", "al")) {
      assertTrue(accounts.create(name, "hash-of-" + name, T));
    }
    history = store(Duration.ZERO);
  }

  @AfterEach
  void closeAll() {
    opened.forEach(HistoryStore::close);
  }

  private HistoryStore store(Duration keep) {
    HistoryStore store = new HistoryStore(database, clock, keep);
    opened.add(store);
    return store;
  }

  /** Stores what is queued, closes the database and opens it again with a new store. */
  private void restart() throws Exception {
    history.close();
    reopenDatabase();
    history = store(Duration.ZERO);
  }

  private static Instant at(long seconds) {
    return T.plusSeconds(seconds);
  }

  private static HistoryEntry said(Instant time, String channel, String nick, String text) {
    return said(time, channel, nick, nick, text);
  }

  private static HistoryEntry said(
      Instant time, String channel, String nick, String account, String text) {
    return new HistoryEntry(time, channel, nick, account, List.of(), List.of(), text);
  }

  private static HistoryEntry privately(
      Instant time,
      String nick,
      String account,
      List<String> to,
      List<String> toAccounts,
      String text) {
    return new HistoryEntry(time, null, nick, account, to, toAccounts, text);
  }

  /** A private line between accounts named like their nicks. */
  private static HistoryEntry privately(Instant time, String from, String to, String text) {
    return privately(time, from, from, List.of(to), List.of(to), text);
  }

  private void record(HistoryEntry... entries) {
    for (HistoryEntry entry : entries) {
      history.record(entry);
    }
  }

  private static List<String> texts(List<HistoryEntry> entries) {
    return entries.stream().map(HistoryEntry::text).toList();
  }

  private List<HistoryEntry> channel(String name) {
    return history.channel(name, null, FAR, 1_000_000);
  }

  // ---- channel lines ----

  @Test
  void aRecordedLineIsReadAtOnceToTheMillisecond() {
    Instant precise = Instant.parse("2026-11-21T10:00:00.123456789Z");
    history.record(said(precise, "#rust", "alice", "hello"));

    assertEquals(
        List.of(said(Instant.parse("2026-11-21T10:00:00.123Z"), "#rust", "alice", "hello")),
        history.channel("#rust", null, FAR, 10));
  }

  @Test
  void aLineWithoutAccountKeepsItsNullAccount() {
    HistoryEntry anonymous = said(at(1), "#rust", "guest", null, "hi");
    history.record(anonymous);

    assertEquals(List.of(anonymous), channel("#rust"));
  }

  @Test
  void nothingIsKeptForAChannelAtFirst() {
    assertEquals(List.of(), history.channel("#rust", null, FAR, 10));
  }

  @Test
  void linesComeOldestFirstAndOnlyTheLastOnes() {
    for (int i = 0; i < 6; i++) {
      history.record(said(at(i), "#rust", "alice", "line " + i));
    }

    assertEquals(
        List.of("line 3", "line 4", "line 5"), texts(history.channel("#rust", null, FAR, 3)));
    assertEquals(6, history.channel("#rust", null, FAR, 100).size());
    assertEquals(List.of(), history.channel("#rust", null, FAR, 0));
  }

  @Test
  void aLineSaidEarlierInTheSameMillisecondAsUntilIsIncluded() {
    // A join right after a line, in the same millisecond: the joiner's scrollback must have it.
    history.record(said(T.plusNanos(400_000), "#rust", "alice", "just now"));

    assertEquals(
        List.of("just now"), texts(history.channel("#rust", null, T.plusNanos(900_000), 10)));
  }

  @Test
  void sinceIsIncludedAndUntilIsNot() {
    for (int i = 0; i < 5; i++) {
      history.record(said(at(i), "#rust", "alice", "line " + i));
    }

    assertEquals(List.of("line 1", "line 2"), texts(history.channel("#rust", at(1), at(3), 10)));
    assertEquals(
        List.of("line 0", "line 1", "line 2"), texts(history.channel("#rust", null, at(3), 10)));
    assertEquals(List.of("line 4"), texts(history.channel("#rust", at(4), FAR, 10)));
    assertEquals(List.of(), texts(history.channel("#rust", at(2), at(2), 10)));
    assertEquals(
        List.of("line 1"),
        texts(history.channel("#rust", at(1), at(2), 10)),
        "bounds are compared to the millisecond");
  }

  @Test
  void channelNamesMatchInAnyCaseAndKeepTheirCase() {
    history.record(said(at(1), "#Rust", "alice", "one"));
    history.record(said(at(2), "#go", "bob", "elsewhere"));
    history.record(said(at(3), "#RUST", "bob", "two"));

    assertEquals(List.of("one", "two"), texts(channel("#rust")));
    assertEquals(List.of("one", "two"), texts(channel("#rUsT")));
    assertEquals(
        List.of("#Rust", "#RUST"), channel("#RUST").stream().map(e -> e.channel()).toList());
    assertEquals(List.of("elsewhere"), texts(channel("#GO")));
  }

  @Test
  void privateLinesAreNotChannelLines() {
    history.record(privately(at(1), "alice", "bob", "psst"));
    history.record(said(at(2), "#rust", "alice", "public"));

    assertEquals(List.of("public"), texts(channel("#rust")));
  }

  @Test
  void manyLinesRecordedQuicklyAreAllKeptInOrderEvenWithinOneMillisecond() {
    int lines = 5_000;
    for (int i = 0; i < lines; i++) {
      history.record(said(T, i % 2 == 0 ? "#even" : "#odd", "alice", "line " + i));
    }

    List<String> even = texts(history.channel("#even", null, FAR, lines));
    List<String> odd = texts(history.channel("#odd", null, FAR, lines));
    List<String> expectedEven = new ArrayList<>();
    List<String> expectedOdd = new ArrayList<>();
    for (int i = 0; i < lines; i++) {
      (i % 2 == 0 ? expectedEven : expectedOdd).add("line " + i);
    }
    assertEquals(expectedEven, even);
    assertEquals(expectedOdd, odd);
    assertEquals(
        List.of("line 4995", "line 4997", "line 4999"),
        texts(history.channel("#odd", null, FAR, 3)));
  }

  @Test
  void linesRecordedWhileReadingAreNotLost() throws Exception {
    Thread writer =
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < 3_000; i++) {
                    history.record(said(T, "#busy", "alice", "line " + i));
                  }
                });
    while (writer.isAlive()) {
      history.channel("#busy", null, FAR, 5); // reads flush while lines keep coming
    }
    writer.join();

    List<String> all = texts(history.channel("#busy", null, FAR, 10_000));
    assertEquals(3_000, all.size());
    for (int i = 0; i < all.size(); i++) {
      assertEquals("line " + i, all.get(i));
    }
  }

  @Test
  void linesOfOneMillisecondKeepTheirOrderAcrossARestart() throws Exception {
    record(
        said(T, "#rust", "alice", "first"),
        said(T, "#rust", "alice", "second"),
        said(T, "#rust", "alice", "third"));
    restart();
    history.record(said(T, "#rust", "bob", "fourth, after the restart"));

    assertEquals(
        List.of("first", "second", "third", "fourth, after the restart"), texts(channel("#rust")));
  }

  @Test
  void aVeryLongLineIsKeptAndTakesNoOtherLineWithIt() {
    // limits.line-bytes allows up to 65536 bytes: a line of 20,000 characters may be said.
    String longText = "x".repeat(20_000);
    record(
        said(at(1), "#rust", "alice", "before"),
        said(at(2), "#rust", "bob", longText),
        said(at(3), "#rust", "alice", "after"));

    List<HistoryEntry> kept = assertDoesNotThrow(() -> channel("#rust"));
    assertEquals(3, kept.size(), "lines kept: " + kept.size());
    assertEquals("before", kept.get(0).text());
    assertEquals(longText, kept.get(1).text());
    assertEquals("after", kept.get(2).text());
  }

  // ---- private conversations ----

  @Test
  void aConversationHoldsThePrivateLinesBetweenTwoAccountsInBothDirectionsOnly() {
    record(
        privately(at(1), "alice", "bob", "1 alice to bob"),
        privately(at(2), "bob", "alice", "2 bob to alice"),
        privately(at(3), "alice", "carol", "3 alice to carol"),
        privately(at(4), "carol", "bob", "4 carol to bob"),
        said(at(5), "#rust", "bob", "5 bob in a channel, about alice"),
        privately(at(6), "carol", "alice", "6 carol to alice"),
        privately(at(7), "alice", "bobby", "7 alice to bobby"),
        privately(at(8), "bobby", "alice", "8 bobby to alice"),
        privately(at(9), "bob", "alice", "9 bob to alice"));

    assertEquals(
        List.of("1 alice to bob", "2 bob to alice", "9 bob to alice"),
        texts(history.conversation("alice", "bob", 10)));
    assertEquals(
        List.of("1 alice to bob", "2 bob to alice", "9 bob to alice"),
        texts(history.conversation("BOB", "Alice", 10)));
    assertEquals(
        List.of("3 alice to carol", "6 carol to alice"),
        texts(history.conversation("alice", "carol", 10)));
    assertEquals(List.of("4 carol to bob"), texts(history.conversation("bob", "carol", 10)));
    assertEquals(List.of(), texts(history.conversation("bobby", "bob", 10)));
  }

  @Test
  void aConversationShowsOnlyTheLastLines() {
    for (int i = 0; i < 8; i++) {
      history.record(
          i % 2 == 0
              ? privately(at(i), "alice", "bob", "line " + i)
              : privately(at(i), "bob", "alice", "line " + i));
    }

    assertEquals(
        List.of("line 5", "line 6", "line 7"), texts(history.conversation("alice", "bob", 3)));
  }

  @Test
  void aConversationIsMatchedByAccountNotByNick() {
    record(
        // alice's account under another nick
        privately(at(1), "zed", "alice", List.of("bob"), List.of("bob"), "1 as zed"),
        // the nick alice without its account
        privately(at(2), "alice", null, List.of("bob"), List.of("bob"), "2 nick only"),
        // to the nick bob, who was not logged in to the account bob
        privately(at(3), "alice", "alice", List.of("bob"), List.of(), "3 to a bob without account"),
        // to bob's account under another nick
        privately(at(4), "alice", "alice", List.of("robert"), List.of("bob"), "4 to robert"));

    assertEquals(
        List.of("1 as zed", "4 to robert"), texts(history.conversation("alice", "bob", 10)));
  }

  @Test
  void recipientsAndAccountsComeBackAsRecorded() {
    HistoryEntry toMany =
        privately(
            Instant.parse("2026-11-21T10:00:05.678Z"),
            "alice",
            "alice",
            List.of("bob", "guest", "carol"),
            List.of("bob", "carol"),
            "to three, one without account");
    history.record(toMany);

    assertEquals(List.of(toMany), history.conversation("alice", "bob", 10));
    assertEquals(List.of(toMany), history.conversation("carol", "alice", 10));
    assertEquals(
        List.of(),
        history.conversation("bob", "carol", 10),
        "two recipients of one line had no conversation with each other");
  }

  @Test
  void accountsComeBackInTheCaseTheyWereRecordedIn() {
    HistoryEntry line =
        privately(at(1), "Alice", "Alice", List.of("Bob"), List.of("Bob"), "mixed case");
    HistoryEntry said = said(at(2), "#rust", "Alice", "Alice", "in a channel");
    record(line, said);

    assertEquals(List.of(line), history.conversation("alice", "bob", 10));
    assertEquals(List.of(said), channel("#rust"));
  }

  @Test
  void likeWildcardsInAccountNamesMatchOnlyThemselves() {
    record(
        privately(at(1), "axb", "bob", "1 axb to bob"),
        privately(at(2), "bob", "axb", "2 bob to axb"),
        privately(at(3), "a_b", "bob", "3 a_b to bob"),
        privately(at(4), "p\\q", "x[1]", "4 p\\q to x[1]"),
        privately(at(5), "u|v", "p\\q", "5 u|v to p\\q"));

    assertEquals(List.of("3 a_b to bob"), texts(history.conversation("a_b", "bob", 10)));
    assertEquals(
        List.of("1 axb to bob", "2 bob to axb"), texts(history.conversation("bob", "axb", 10)));
    assertEquals(List.of("4 p\\q to x[1]"), texts(history.conversation("X[1]", "P\\Q", 10)));
    assertEquals(List.of("5 u|v to p\\q"), texts(history.conversation("p\\q", "U|V", 10)));
    assertEquals(List.of(), texts(history.conversation("x[1]", "u|v", 10)));
  }

  // ---- mentions ----

  @Test
  void mentionsAreChannelLinesNamingTheAccountAndPrivateLinesToIt() {
    record(
        said(at(-1), "#rust", "bob", "alice, before since"),
        said(at(1), "#rust", "bob", "hi Alice!"),
        said(at(2), "#rust", "bob", "alicex is another name"),
        said(at(3), "#rust", "bob", "malice is a word"),
        said(at(4), "#rust", "alice", "I am alice, my own line"),
        said(at(5), "#go", "carol", null, "ALICE: ping"),
        privately(at(6), "bob", "alice", "psst"),
        said(at(7), "#rust", "bob", "alice-x and alice_y and [alice] and alice| are other nicks"),
        said(at(8), "#rust", "bob", "(alice) and @alice's"),
        privately(at(9), "zed", "alice", List.of("bob"), List.of("bob"), "alice to bob as zed"),
        privately(at(10), "guest", null, List.of("alice", "bob"), List.of("alice", "bob"), "both"),
        said(at(11), "#rust", "carol", "see alice"));

    assertEquals(
        List.of("hi Alice!", "ALICE: ping", "psst", "(alice) and @alice's", "both", "see alice"),
        texts(history.mentions("alice", T, 20)));
    assertEquals(texts(history.mentions("alice", T, 20)), texts(history.mentions("ALICE", T, 20)));
  }

  @Test
  void mentionsAreFromSinceOnAndOnlyTheLastOnes() {
    history.record(said(T, "#rust", "bob", "alice at since itself"));
    for (int i = 1; i <= 15; i++) {
      history.record(said(at(i), "#rust", "bob", "alice " + i));
    }

    assertEquals(
        List.of("alice 11", "alice 12", "alice 13", "alice 14", "alice 15"),
        texts(history.mentions("alice", T, 5)));
    // Whole milliseconds: a line of the same millisecond as since counts (better twice than never).
    assertEquals(16, history.mentions("alice", T, 100).size(), "a line at since counts");
    assertEquals(List.of("alice 14", "alice 15"), texts(history.mentions("alice", at(14), 100)));
    assertEquals(List.of(), history.mentions("alice", at(15).plusMillis(1), 100));
  }

  @Test
  void privateLinesBetweenOthersThatNameTheAccountAreNotItsMentions() {
    record(
        privately(at(1), "bob", "carol", "alice is away, tell no one"),
        privately(at(2), "carol", "bob", "alice will never know"));

    assertEquals(List.of(), texts(history.mentions("alice", T, 10)));
  }

  @Test
  void mentionsOfNamesWithLikeWildcardsAndSpecialCharactersMatchOnlyThemselves() {
    record(
        said(at(1), "#rust", "bob", "axb is here"),
        said(at(2), "#rust", "bob", "a_b is here"),
        said(at(3), "#rust", "bob", "a_bc is not"),
        said(at(4), "#rust", "bob", "x1 is not x[1]"),
        said(at(5), "#rust", "bob", "pq and p\\q"),
        said(at(6), "#rust", "bob", "uv then u|v"),
        privately(at(7), "bob", "axb", "private to axb"),
        privately(at(8), "carol", "bobby", "for your eyes only"));

    assertEquals(List.of("a_b is here"), texts(history.mentions("a_b", T, 10)));
    assertEquals(List.of("axb is here", "private to axb"), texts(history.mentions("AXB", T, 10)));
    assertEquals(List.of("x1 is not x[1]"), texts(history.mentions("x[1]", T, 10)));
    assertEquals(List.of("pq and p\\q"), texts(history.mentions("P\\Q", T, 10)));
    assertEquals(List.of("uv then u|v"), texts(history.mentions("u|v", T, 10)));
    assertEquals(List.of(), texts(history.mentions("bob", T, 10)));
  }

  @Test
  void linesWhereTheNameIsOnlyPartOfAWordDoNotCrowdOutRealMentions() {
    history.record(said(at(1), "#rust", "bob", "al: are you there?"));
    for (int i = 0; i < 50; i++) {
      history.record(said(at(2 + i), "#rust", "bob", "also, really, all of it " + i));
    }

    assertEquals(List.of("al: are you there?"), texts(history.mentions("al", T, 10)));
  }

  // ---- last seen ----

  @Test
  void nobodyWasSeenAtFirst() {
    assertNull(history.lastSeen("alice"));
    assertNull(history.lastSeen("nobody"), "not an account");
  }

  @Test
  void whenAnAccountWasSeenIsReadBackAtOnceToTheMillisecond() {
    history.seen("Alice", Instant.parse("2026-11-21T10:00:00.123456789Z"));

    assertEquals(Instant.parse("2026-11-21T10:00:00.123Z"), history.lastSeen("alice"));
    assertEquals(Instant.parse("2026-11-21T10:00:00.123Z"), history.lastSeen("ALICE"));
    assertNull(history.lastSeen("bob"));
  }

  @Test
  void theLatestSeenWins() {
    history.seen("alice", at(1));
    history.seen("alice", at(5));
    assertEquals(at(5), history.lastSeen("alice"));
    history.seen("alice", at(9));
    history.seen("bob", at(2));
    assertEquals(at(9), history.lastSeen("alice"));
    assertEquals(at(2), history.lastSeen("bob"));
  }

  @Test
  void seenIsStoredSoonWithoutAnyRead() throws Exception {
    history.seen("alice", at(3));

    Instant stored = null;
    for (int i = 0; i < 200 && stored == null; i++) {
      Thread.sleep(25);
      stored = lastSeenInTheTable("alice");
    }
    assertEquals(at(3), stored);
  }

  private Instant lastSeenInTheTable(String key) throws StoreException {
    return database.transaction(
        connection -> {
          try (var select =
              connection.prepareStatement("SELECT last_seen FROM accounts WHERE name_key = ?")) {
            select.setString(1, key);
            try (var row = select.executeQuery()) {
              row.next();
              long at = row.getLong(1);
              return row.wasNull() ? null : Instant.ofEpochMilli(at);
            }
          }
        });
  }

  @Test
  void seenForAnUnknownAccountChangesNothingAndBreaksNothing() {
    history.seen("nobody", at(1));
    history.seen("alice", at(2));

    assertNull(history.lastSeen("nobody"));
    assertEquals(at(2), history.lastSeen("alice"));
  }

  // ---- renames ----

  @Test
  void aRenameMovesTheLinesFromSinceOnToTheNewName() {
    record(
        said(at(1), "#old", "alice", "1 before"),
        said(at(2), "#Old", "alice", "2 from since"),
        said(at(3), "#go", "bob", "3 elsewhere"));
    history.record(said(at(4), "#OLD", "alice", "4 still queued"));

    history.renamed("#OLD", "#New", at(2));

    assertEquals(List.of("1 before"), texts(channel("#old")));
    List<HistoryEntry> moved = channel("#new");
    assertEquals(List.of("2 from since", "4 still queued"), texts(moved));
    assertEquals(List.of("#New", "#New"), moved.stream().map(HistoryEntry::channel).toList());
    assertEquals(List.of("3 elsewhere"), texts(channel("#go")));
  }

  @Test
  void aRenameSinceNullMovesEveryLine() {
    record(said(at(1), "#old", "alice", "one"), said(at(2), "#old", "alice", "two"));

    history.renamed("#old", "#new", null);

    assertEquals(List.of(), channel("#old"));
    assertEquals(List.of("one", "two"), texts(channel("#NEW")));
  }

  // ---- closing and failures ----

  @Test
  void closeStoresWhatIsStillQueued() throws Exception {
    for (int i = 0; i < 2_500; i++) {
      history.record(said(T, "#rust", "alice", "line " + i));
    }
    history.record(privately(at(1), "alice", "bob", "private"));
    history.seen("carol", at(2));
    history.close();
    reopenDatabase();
    history = store(Duration.ZERO);

    List<String> lines = texts(channel("#rust"));
    assertEquals(2_500, lines.size());
    assertEquals("line 0", lines.getFirst());
    assertEquals("line 2499", lines.getLast());
    assertEquals(List.of("private"), texts(history.conversation("bob", "alice", 10)));
    assertEquals(at(2), history.lastSeen("carol"));
  }

  @Test
  void aClosedDatabaseMakesReadsFailWithAChatMessage() {
    history.record(said(at(1), "#rust", "alice", "kept"));
    database.close();

    List<Supplier<?>> reads =
        List.of(
            () -> history.channel("#rust", null, FAR, 10),
            () -> history.conversation("alice", "bob", 10),
            () -> history.mentions("alice", T, 10),
            () -> history.lastSeen("alice"));
    for (Supplier<?> read : reads) {
      ChatException failed = assertThrows(ChatException.class, read::get);
      assertEquals(FAILED, failed.getMessage());
    }
    ChatException failed =
        assertThrows(ChatException.class, () -> history.renamed("#rust", "#go", null));
    assertEquals(
        "The history database is not answering; nothing was changed. Try again later.",
        failed.getMessage(),
        "a write says nothing was changed");
    // Writing never fails the chat: it only queues.
    assertDoesNotThrow(() -> history.record(said(at(2), "#rust", "alice", "lost")));
    assertDoesNotThrow(() -> history.seen("alice", at(3)));
  }

  // ---- pruning ----

  @Test
  void linesOlderThanTheKeepPeriodArePrunedOnceTheClockMoves() throws Exception {
    HistoryStore kept = store(Duration.ofDays(1));
    kept.record(said(T.minus(Duration.ofDays(2)), "#rust", "alice", "two days old"));
    kept.record(said(T.minus(Duration.ofDays(1)).plusSeconds(60), "#rust", "alice", "a day old"));
    kept.record(said(T, "#rust", "alice", "new"));
    assertEquals(3, kept.channel("#rust", null, FAR, 10).size(), "nothing pruned yet");

    // The writer prunes when the clock has passed its next prune time: move it a little at a time.
    List<String> left = waitFor(kept, List.of("a day old", "new"), Duration.ofMillis(1));
    assertEquals(List.of("a day old", "new"), left);

    // The next prune is an hour later.
    clock.advance(Duration.ofHours(1));
    left = waitFor(kept, List.of("new"), Duration.ofMillis(1));
    assertEquals(List.of("new"), left);
  }

  /**
   * Moves the clock by {@code step} until the lines of #rust are {@code expected} (5 s at most).
   */
  private List<String> waitFor(HistoryStore store, List<String> expected, Duration step)
      throws InterruptedException {
    List<String> now = texts(store.channel("#rust", null, FAR, 10));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!now.equals(expected) && System.nanoTime() < deadline) {
      clock.advance(step);
      Thread.sleep(20);
      now = texts(store.channel("#rust", null, FAR, 10));
    }
    return now;
  }

  @Test
  void nothingIsPrunedWhenLinesAreKeptForEver() throws Exception {
    history.record(said(T.minus(Duration.ofDays(3650)), "#rust", "alice", "ten years old"));
    clock.advance(Duration.ofDays(4000));
    awaitPrunePassAfterNow(history);

    assertEquals(List.of("ten years old"), texts(channel("#rust")));
  }

  @Test
  void aPrunePassAfterTheClockMovedPrunesWithoutAnyWaitingOnTheWallClock() throws Exception {
    // The same steps as above with a keep period: proves the pass waited on is one that prunes.
    HistoryStore kept = store(Duration.ofDays(1));
    kept.record(said(T.minus(Duration.ofDays(3650)), "#rust", "alice", "ten years old"));
    kept.record(said(T.plus(Duration.ofDays(400)), "#rust", "alice", "new"));
    assertEquals(2, kept.channel("#rust", null, FAR, 10).size(), "stored before the clock moves");
    clock.advance(Duration.ofDays(400));
    awaitPrunePassAfterNow(kept);

    assertEquals(List.of("new"), texts(kept.channel("#rust", null, FAR, 10)));
  }

  /**
   * Waits until the writer of {@code store} has made a whole prune pass that began after this call:
   * the pass under way may have read the clock before it was moved, the one after it has not.
   */
  private static void awaitPrunePassAfterNow(HistoryStore store) throws InterruptedException {
    long target = store.prunePasses() + 2;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (store.prunePasses() < target) {
      assertTrue(System.nanoTime() < deadline, "the writer made no prune pass in 10 s");
      Thread.sleep(5);
    }
  }
}
