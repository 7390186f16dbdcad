package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.Ban;
import dev.chatshell.chat.ChannelRegistry.Modes;
import dev.chatshell.chat.ChannelRegistry.Registered;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.JoinRequest;
import dev.chatshell.chat.Topic;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every database behind {@link ChannelStore} must do. Each database gets a subclass that opens
 * a fresh, empty one; the same tests then run on all of them. Founders and admins are accounts, so
 * each test starts with a few accounts made through {@link AccountStore}.
 */
abstract class ChannelStoreContract extends StoreContract {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00.123Z");
  private static final Instant LATER = Instant.parse("2026-11-22T08:30:00.456Z");

  private static final Modes PRIVATE = new Modes(true, 0, false);
  private ChannelStore channels;

  @BeforeEach
  void open() throws Exception {
    channels = new ChannelStore(database);
    AccountStore accounts = new AccountStore(database);
    for (String name : List.of("Alice", "Bob", "carol", "Dave")) {
      assertTrue(accounts.create(name, "hash-of-" + name, NOW));
    }
  }

  /** Closes the database and opens it again, as a restart of the server would. */
  private void restart() throws Exception {
    reopenDatabase();
    channels = new ChannelStore(database);
  }

  private Registered only() {
    List<Registered> loaded = channels.load();
    assertEquals(1, loaded.size(), loaded.toString());
    return loaded.getFirst();
  }

  /** The rows of channel_admins, as "channel_key account_key", sorted. */
  private List<String> adminRows() throws StoreException {
    return database.transaction(
        connection -> {
          List<String> rows = new java.util.ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT channel_key, account_key FROM channel_admins"
                          + " ORDER BY channel_key, account_key");
              ResultSet row = select.executeQuery()) {
            while (row.next()) {
              rows.add(row.getString(1) + " " + row.getString(2));
            }
          }
          return rows;
        });
  }

  @Test
  void nothingIsRegisteredAtFirst() {
    assertEquals(List.of(), channels.load());
  }

  @Test
  void aRegisteredChannelWithAdminsAndTopicIsThereAfterARestart() throws Exception {
    Topic topic = new Topic("Rust and more", "Alice", NOW);
    channels.register(new Registered("#Rust", "Alice", Set.of("Bob", "carol"), topic), NOW);
    restart();
    assertEquals(new Registered("#Rust", "Alice", Set.of("Bob", "carol"), topic), only());
  }

  @Test
  void foundersAndAdminsComeBackInTheCaseTheirAccountsWereRegisteredWith() {
    channels.register(new Registered("#rust", "ALICE", Set.of("bob", "CAROL"), null), NOW);
    Registered loaded = only();
    assertEquals("Alice", loaded.founder());
    assertEquals(Set.of("Bob", "carol"), loaded.admins());
    assertNull(loaded.topic());
  }

  @Test
  void channelsLoadInNameOrder() {
    channels.register(new Registered("#zed", "Alice", Set.of(), null), NOW);
    channels.register(new Registered("#Amber", "Bob", Set.of(), null), NOW);
    channels.register(new Registered("#beta", "carol", Set.of(), null), NOW);
    assertEquals(
        List.of("#Amber", "#beta", "#zed"),
        channels.load().stream().map(Registered::name).toList());
  }

  @Test
  void addingAnAdminTwiceKeepsOneAdmin() throws Exception {
    channels.register(new Registered("#rust", "Alice", Set.of(), null), NOW);
    channels.addAdmin("#rust", "Bob");
    channels.addAdmin("#rust", "Bob");
    channels.addAdmin("#RUST", "bob");
    assertEquals(Set.of("Bob"), only().admins());
    assertEquals(List.of("#rust bob"), adminRows());
    restart();
    assertEquals(Set.of("Bob"), only().admins());
  }

  @Test
  void aRemovedAdminIsGoneAndTheOthersStay() throws Exception {
    channels.register(new Registered("#rust", "Alice", Set.of("Bob", "carol"), null), NOW);
    channels.removeAdmin("#Rust", "BOB");
    assertEquals(Set.of("carol"), only().admins());
    channels.removeAdmin("#rust", "Dave"); // not an admin: nothing to do
    channels.removeAdmin("#nowhere", "carol"); // not a channel: nothing to do
    restart();
    assertEquals(Set.of("carol"), only().admins());
  }

  @Test
  void aRenamedChannelKeepsItsAdminsAndTopicAndTheOldNameIsGone() throws Exception {
    Topic topic = new Topic("crabs", "Bob", NOW);
    channels.register(new Registered("#rust", "Alice", Set.of("Bob", "carol"), topic), NOW);
    channels.rename("#RUST", "#Ferris");
    assertEquals(List.of("#ferris bob", "#ferris carol"), adminRows(), "ON UPDATE CASCADE");
    restart();
    assertEquals(new Registered("#Ferris", "Alice", Set.of("Bob", "carol"), topic), only());
    // the old name is no channel any more: changes to it reach nothing
    channels.addAdmin("#ferris", "Dave");
    channels.setTopic("#rust", new Topic("stale", "Dave", LATER));
    channels.delete("#rust");
    assertEquals(new Registered("#Ferris", "Alice", Set.of("Bob", "carol", "Dave"), topic), only());
  }

  @Test
  void aRenamedChannelTakesItsBansAlongInTheSameTransaction() {
    channels.register(new Registered("#rust", "Alice", Set.of(), null), NOW);
    BanStore bans = new BanStore(database);
    Ban onRust = new Ban("#rust", Ban.Kind.NICK, "eve", "Alice", "spam", NOW, null);
    Ban serverWide = new Ban(null, Ban.Kind.NICK, "mallory", "oper", null, LATER, null);
    bans.add(onRust);
    bans.add(serverWide);
    channels.rename("#rust", "#Ferris");
    assertEquals(
        List.of(new Ban("#Ferris", Ban.Kind.NICK, "eve", "Alice", "spam", NOW, null), serverWide),
        bans.load());
    bans.renameChannel("#rust", "#Ferris"); // what the domain does next: nothing is left to move
    assertEquals(2, bans.load().size());
  }

  @Test
  void aChannelsModesAreRegisteredWithItChangedAndKeptAcrossRestartsAndRenames() throws Exception {
    assertEquals(Modes.DEFAULT, registeredWith(Modes.DEFAULT).modes());
    channels.delete("#rust");
    Modes given = new Modes(true, 25, true);
    assertEquals(given, registeredWith(given).modes(), "registered with the modes it had");
    channels.setPrivate("#RUST", false);
    channels.setMemberLimit("#rust", 7);
    channels.setTopicOpen("#Rust", false);
    restart();
    assertEquals(new Modes(false, 7, false), only().modes());
    channels.setMemberLimit("#rust", 0);
    channels.setTopicOpen("#rust", true);
    channels.rename("#rust", "#Ferris");
    restart();
    assertEquals(new Modes(false, 0, true), only().modes());
  }

  private Registered registeredWith(Modes modes) throws Exception {
    channels.register(
        new Registered("#rust", "Alice", Set.of(), null, null, modes, List.of()), NOW);
    restart();
    return only();
  }

  @Test
  void aRenameThatOnlyChangesTheCaseKeepsEverything() {
    channels.register(new Registered("#rust", "Alice", Set.of("Bob"), null), NOW);
    channels.rename("#rust", "#Rust");
    assertEquals(new Registered("#Rust", "Alice", Set.of("Bob"), null), only());
  }

  @Test
  void aRenameOntoAnotherRegisteredChannelFailsAndChangesNothing() {
    channels.register(new Registered("#rust", "Alice", Set.of("Bob"), null), NOW);
    channels.register(new Registered("#Go", "carol", Set.of("Dave"), null), NOW);
    ChatException refused =
        assertThrows(ChatException.class, () -> channels.rename("#rust", "#GO"));
    assertTrue(refused.getMessage().contains("nothing was changed"), refused.getMessage());
    assertEquals(
        List.of(
            new Registered("#Go", "carol", Set.of("Dave"), null),
            new Registered("#rust", "Alice", Set.of("Bob"), null)),
        channels.load());
  }

  @Test
  void aTopicIsSetReplacedAndClearedAcrossRestartsToTheMillisecond() throws Exception {
    channels.register(new Registered("#rust", "Alice", Set.of(), null), NOW);
    Instant precise = Instant.parse("2026-11-22T08:30:00.456789123Z");
    channels.setTopic("#Rust", new Topic("first", "Bob", precise));
    restart();
    assertEquals(
        new Topic("first", "Bob", Instant.parse("2026-11-22T08:30:00.456Z")), only().topic());
    channels.setTopic("#rust", new Topic("second, with 'quotes' and ünïcödé", "carol", LATER));
    restart();
    assertEquals(new Topic("second, with 'quotes' and ünïcödé", "carol", LATER), only().topic());
    channels.setTopic("#RUST", null);
    restart();
    assertNull(only().topic(), "cleared");
    assertEquals("#rust", only().name());
  }

  @Test
  void aDeletedChannelIsGoneWithItsAdminsAndItsNameIsFreeAgain() throws Exception {
    channels.register(
        new Registered("#rust", "Alice", Set.of("Bob", "carol"), new Topic("t", "Alice", NOW)),
        NOW);
    channels.register(new Registered("#go", "Bob", Set.of("Dave"), null), NOW);
    channels.delete("#Rust");
    assertEquals(List.of("#go dave"), adminRows(), "ON DELETE CASCADE");
    restart();
    assertEquals(new Registered("#go", "Bob", Set.of("Dave"), null), only());
    channels.register(new Registered("#RUST", "Dave", Set.of(), null), LATER);
    assertEquals(
        List.of(
            new Registered("#go", "Bob", Set.of("Dave"), null),
            new Registered("#RUST", "Dave", Set.of(), null)),
        channels.load());
  }

  @Test
  void namesMatchInAnyCaseWhileTheRegisteredCaseIsKept() {
    channels.register(new Registered("#RustLang", "Alice", Set.of(), null), NOW);
    channels.addAdmin("#rustlang", "Bob");
    channels.setTopic("#RUSTLANG", new Topic("hi", "Bob", NOW));
    channels.removeAdmin("#rUsTlAnG", "Bob");
    channels.addAdmin("#RustLANG", "carol");
    assertEquals(
        new Registered("#RustLang", "Alice", Set.of("carol"), new Topic("hi", "Bob", NOW)), only());
  }

  @Test
  void registeringANameTwiceFailsAndLeavesTheFirstIntact() {
    Registered first =
        new Registered("#rust", "Alice", Set.of("Bob"), new Topic("first", "Alice", NOW));
    channels.register(first, NOW);
    ChatException refused =
        assertThrows(
            ChatException.class,
            () ->
                channels.register(
                    new Registered(
                        "#RUST", "carol", Set.of("Dave"), new Topic("x", "carol", LATER)),
                    LATER));
    assertTrue(refused.getMessage().contains("nothing was changed"), refused.getMessage());
    assertEquals(first, only());
  }

  @Test
  void aFounderOrAdminWithoutAnAccountFailsAndRegistersNothing() throws Exception {
    ChatException noFounder =
        assertThrows(
            ChatException.class,
            () -> channels.register(new Registered("#rust", "nobody", Set.of(), null), NOW));
    assertTrue(noFounder.getMessage().contains("nothing was changed"), noFounder.getMessage());
    ChatException noAdmin =
        assertThrows(
            ChatException.class,
            () ->
                channels.register(
                    new Registered("#rust", "Alice", Set.of("Bob", "nobody"), null), NOW));
    assertTrue(noAdmin.getMessage().contains("nothing was changed"), noAdmin.getMessage());
    assertEquals(List.of(), channels.load(), "rolled back, channel row and all");
    assertEquals(List.of(), adminRows());
    assertThrows(ChatException.class, () -> channels.addAdmin("#nowhere", "Bob"));
  }

  @Test
  void aRequestAnsweredWithAnInvitationIsReplacedByItAcrossARestart() throws Exception {
    JoinRequest asked = new JoinRequest(JoinRequest.Kind.REQUEST, "erin", null, "erin", NOW);
    JoinRequest invited =
        new JoinRequest(JoinRequest.Kind.INVITATION, "erin", null, "Alice", LATER);
    channels.register(
        new Registered("#p", "Alice", Set.of(), null, null, PRIVATE, List.of(asked)), NOW);

    channels.replaceRequest("#p", asked, invited);

    restart();
    assertEquals(List.of(invited), only().requests());
  }

  @Test
  void anAnswerWhoseInvitationCannotBeStoredKeepsTheRequest() throws Exception {
    JoinRequest asked = new JoinRequest(JoinRequest.Kind.REQUEST, "erin", null, "erin", NOW);
    channels.register(
        new Registered("#p", "Alice", Set.of(), null, null, PRIVATE, List.of(asked)), NOW);
    // made_by is required: the insert fails after the request was deleted, in one transaction
    JoinRequest broken = new JoinRequest(JoinRequest.Kind.INVITATION, "erin", null, null, LATER);

    assertThrows(ChatException.class, () -> channels.replaceRequest("#p", asked, broken));

    restart();
    assertEquals(List.of(asked), only().requests());
  }

  @Test
  void aStorageFailureSaysNothingWasChanged() throws Exception {
    channels.register(new Registered("#rust", "Alice", Set.of("Bob"), null), NOW);
    database.close();
    List<Runnable> changes =
        List.of(
            () -> channels.load(),
            () -> channels.register(new Registered("#go", "Alice", Set.of(), null), NOW),
            () -> channels.addAdmin("#rust", "carol"),
            () -> channels.removeAdmin("#rust", "Bob"),
            () -> channels.rename("#rust", "#ferris"),
            () -> channels.setTopic("#rust", new Topic("t", "Alice", NOW)),
            () -> channels.delete("#rust"));
    for (Runnable change : changes) {
      ChatException failed = assertThrows(ChatException.class, change::run);
      assertTrue(failed.getMessage().contains("nothing was changed"), failed.getMessage());
    }
    restart();
    assertEquals(new Registered("#rust", "Alice", Set.of("Bob"), null), only());
  }
}
