package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.Ban;
import dev.chatshell.chat.ChatException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database behind {@link BanStore} must do. Each database gets a subclass that opens a
 * fresh, empty one; the same tests then run on all of them.
 */
abstract class BanStoreContract extends StoreContract {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00.123Z");
  private static final Instant LATER = Instant.parse("2026-11-22T08:30:00.456Z");
  private static final Instant LATEST = Instant.parse("2026-12-01T00:00:00.789Z");

  private BanStore bans;

  @BeforeEach
  void open() throws Exception {
    bans = new BanStore(database);
  }

  private void restart() throws Exception {
    reopenDatabase();
    bans = new BanStore(database);
  }

  private static Ban nick(String channel, String target, Instant at) {
    return new Ban(channel, Ban.Kind.NICK, target, "alice", "spam", at, null);
  }

  @Test
  void nothingIsBannedAtFirst() {
    assertEquals(List.of(), bans.load());
  }

  @Test
  void aBanComesBackWithEveryFieldAfterARestart() throws Exception {
    Ban ban = new Ban("#Rust", Ban.Kind.NICK, "Bob", "alice", "spamming links", NOW, LATER);
    bans.add(ban);

    restart();

    assertEquals(List.of(ban), bans.load());
  }

  @Test
  void aBanWithoutReasonOrEndComesBackWithNulls() throws Exception {
    Ban ban = new Ban("#rust", Ban.Kind.ACCOUNT, "Bob", "alice", null, NOW, null);
    bans.add(ban);

    restart();

    assertEquals(List.of(ban), bans.load());
  }

  @Test
  void aServerBanComesBackWithoutAChannel() throws Exception {
    Ban ban = new Ban(null, Ban.Kind.MASK, "10.0.0.0/8", "root", "botnet", NOW, LATER);
    bans.add(ban);

    restart();

    List<Ban> loaded = bans.load();
    assertEquals(List.of(ban), loaded);
    assertTrue(loaded.getFirst().isServerWide());
  }

  @Test
  void everyKindIsKeptAndTheyLoadOldestFirst() {
    Ban mask = new Ban("#go", Ban.Kind.MASK, "2001:db8:0:0:0:0:0:0/32", "bob", "v6", LATEST, null);
    Ban account = new Ban("#go", Ban.Kind.ACCOUNT, "carol", "bob", null, LATER, LATEST);
    Ban nick = nick("#go", "dave", NOW);
    bans.add(mask);
    bans.add(account);
    bans.add(nick);

    assertEquals(List.of(nick, account, mask), bans.load());
  }

  @Test
  void addingAgainOnTheSameTargetInTheSamePlaceReplacesIgnoringCase() throws Exception {
    bans.add(new Ban("#rust", Ban.Kind.NICK, "bob", "alice", "first", NOW, LATER));
    Ban second = new Ban("#RUST", Ban.Kind.NICK, "BOB", "carol", "second", LATER, null);

    bans.add(second);

    assertEquals(List.of(second), bans.load());
    restart();
    assertEquals(List.of(second), bans.load());
  }

  @Test
  void aServerBanReplacesAServerBanOnly() {
    bans.add(new Ban(null, Ban.Kind.NICK, "bob", "root", "first", NOW, null));
    bans.add(nick("#rust", "bob", NOW));
    Ban second = new Ban(null, Ban.Kind.NICK, "Bob", "root", "second", LATER, null);

    bans.add(second);

    assertEquals(List.of(nick("#rust", "bob", NOW), second), bans.load());
  }

  @Test
  void theSameTargetOfAnotherKindOrInAnotherPlaceIsAnotherBan() {
    bans.add(new Ban("#rust", Ban.Kind.NICK, "bob", "alice", null, NOW, null));
    bans.add(new Ban("#rust", Ban.Kind.ACCOUNT, "bob", "alice", null, NOW, null));
    bans.add(new Ban("#go", Ban.Kind.NICK, "bob", "alice", null, NOW, null));
    bans.add(new Ban(null, Ban.Kind.NICK, "bob", "alice", null, NOW, null));

    assertEquals(4, bans.load().size());
  }

  @Test
  void aRemovedBanIsGoneAndOthersStay() throws Exception {
    Ban kept = nick("#rust", "carol", NOW);
    bans.add(nick("#rust", "bob", NOW));
    bans.add(kept);

    bans.remove(new Ban("#RUST", Ban.Kind.NICK, "BOB", "whoever", null, LATER, null));

    assertEquals(List.of(kept), bans.load());
    restart();
    assertEquals(List.of(kept), bans.load());
  }

  @Test
  void removingABanThatIsNotThereChangesNothing() {
    Ban ban = nick("#rust", "bob", NOW);
    bans.add(ban);

    bans.remove(nick("#rust", "zed", NOW));
    bans.remove(new Ban("#rust", Ban.Kind.ACCOUNT, "bob", "alice", null, NOW, null));
    bans.remove(new Ban(null, Ban.Kind.NICK, "bob", "alice", null, NOW, null));

    assertEquals(List.of(ban), bans.load());
  }

  @Test
  void removingAServerBanLeavesTheChannelBansOfTheSameTarget() {
    Ban channelBan = nick("#rust", "bob", NOW);
    bans.add(channelBan);
    Ban serverBan = new Ban(null, Ban.Kind.NICK, "bob", "root", null, LATER, null);
    bans.add(serverBan);

    bans.remove(serverBan);

    assertEquals(List.of(channelBan), bans.load());
  }

  @Test
  void removingAChannelForgetsItsBansOnly() throws Exception {
    bans.add(nick("#rust", "bob", NOW));
    bans.add(new Ban("#Rust", Ban.Kind.MASK, "10.0.0.0/8", "alice", null, NOW, null));
    Ban other = nick("#go", "bob", LATER);
    Ban server = new Ban(null, Ban.Kind.NICK, "bob", "root", null, LATEST, null);
    bans.add(other);
    bans.add(server);

    bans.removeChannel("#RUST");

    assertEquals(List.of(other, server), bans.load());
    restart();
    assertEquals(List.of(other, server), bans.load());
  }

  @Test
  void renamingAChannelMovesItsBansUnderTheNewName() throws Exception {
    bans.add(nick("#rust", "bob", NOW));
    bans.add(new Ban("#rust", Ban.Kind.ACCOUNT, "carol", "alice", "x", LATER, LATEST));
    Ban other = nick("#go", "bob", LATEST);
    bans.add(other);

    bans.renameChannel("#RUST", "#Ferris");

    List<Ban> expected =
        List.of(
            nick("#Ferris", "bob", NOW),
            new Ban("#Ferris", Ban.Kind.ACCOUNT, "carol", "alice", "x", LATER, LATEST),
            other);
    assertEquals(expected, bans.load());
    restart();
    assertEquals(expected, bans.load());
    // Under the new name, in any case: adding replaces, removing removes.
    Ban replaced = new Ban("#ferris", Ban.Kind.NICK, "Bob", "dave", "again", LATEST, null);
    bans.add(replaced);
    assertEquals(
        Set.of("#ferris/Bob", "#Ferris/carol", "#go/bob"),
        bans.load().stream().map(b -> b.channel() + "/" + b.target()).collect(Collectors.toSet()));
    bans.removeChannel("#FERRIS");
    assertEquals(List.of(other), bans.load());
  }

  @Test
  void renamingAChannelWithoutBansChangesNothing() {
    Ban ban = nick("#go", "bob", NOW);
    bans.add(ban);

    bans.renameChannel("#rust", "#ferris");
    bans.removeChannel("#nowhere");

    assertEquals(List.of(ban), bans.load());
  }

  @Test
  void aTargetIsKeptAsTypedAndMatchedIgnoringCase() {
    Ban ban = new Ban("#rust", Ban.Kind.ACCOUNT, "BoB", "alice", null, NOW, null);
    bans.add(ban);

    Ban loaded = bans.load().getFirst();

    assertEquals("BoB", loaded.target());
    assertTrue(loaded.isOn(Ban.Kind.ACCOUNT, "bob"));
  }

  @Test
  void aStorageFailureIsAChatExceptionThatSaysNothingWasChanged() throws Exception {
    Ban ban = nick("#rust", "bob", NOW);
    bans.add(ban);
    database.close();
    List<Runnable> changes =
        List.of(
            () -> bans.load(),
            () -> bans.add(nick("#rust", "carol", LATER)),
            () -> bans.remove(ban),
            () -> bans.removeChannel("#rust"),
            () -> bans.renameChannel("#rust", "#ferris"));
    for (Runnable change : changes) {
      ChatException failed = assertThrows(ChatException.class, change::run);
      assertTrue(failed.getMessage().contains("nothing was changed"), failed.getMessage());
    }
    restart();
    assertEquals(List.of(ban), bans.load());
  }
}
