package dev.chatshell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.Ban;
import dev.chatshell.chat.BanList;
import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelRegistry;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatPorts;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.Disconnected;
import dev.chatshell.chat.JoinRequest;
import dev.chatshell.chat.Member;
import dev.chatshell.chat.ModerationAction;
import dev.chatshell.chat.Topic;
import dev.chatshell.chat.User;
import dev.chatshell.chat.WorldSnapshot;
import dev.chatshell.command.builtin.BuiltinCommands;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rank rules of SPEC §3 as one table: every actor × command × target, run through the real
 * command table (static privilege) and the real chat domain (target-dependent rules), on a fresh
 * server per cell. An allowed cell must have its effect and report no error; a refused cell must
 * report exactly one error line, record no moderation action, disconnect nobody and leave the world
 * exactly as it was ({@link WorldSnapshot}).
 */
class PrivilegeMatrixTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  /**
   * Who types the command; everyone but the outsiders has #room as their current channel. Every
   * user but abe is logged in to an account named like their nick.
   */
  enum Actor {
    /** oscar: a server operator (promoted), a plain member of #room. */
    SERVER_OPERATOR("oscar"),
    /** alice: created #room. */
    MAIN_ADMIN("alice"),
    /** sam: made secondary admin of #room by alice with /GRANT. */
    SECONDARY_ADMIN("sam"),
    /** mia: a plain member of #room. */
    MEMBER("mia"),
    /** olga: a plain member of #lounge only; not in #room. */
    OUTSIDER("olga"),
    /** lou: created #lounge (its main admin); not in #room. */
    OUTSIDE_ADMIN("lou");

    final String nick;

    Actor(String nick) {
      this.nick = nick;
    }
  }

  /** Whom the command names. */
  enum Target {
    /** alice, main admin of #room (for the MAIN_ADMIN actor: themselves). */
    MAIN_ADMIN("alice"),
    /** sue, the other secondary admin of #room (not the acting sam). */
    SECONDARY_ADMIN("sue"),
    /** max, a plain member of #room (not the acting mia). */
    MEMBER("max"),
    /** the actor's own nick. */
    SELF(null),
    /** otto, another server operator, a plain member of #room. */
    OPERATOR("otto"),
    /** abe, online but in no channel. */
    ABSENT("abe"),
    /** The command names no user of a rank: it acts on the actor's current channel. */
    NONE(null);

    final String nick;

    Target(String nick) {
      this.nick = nick;
    }
  }

  /** The world a command is tried in, on top of the users and channels every world has. */
  enum Setup {
    /** #room and #lounge open and unregistered; zed banned from both and from the server. */
    PLAIN,
    /** Both channels private, with a request from abe waiting in each. */
    REQUESTS,
    /** The topics of both channels opened to every member (/TOPICLOCK off). */
    TOPIC_OPEN,
    /** #room registered by alice: her account is its founder, sam's and sue's are kept admins. */
    REGISTERED
  }

  private static final Set<Target> EVERYONE =
      EnumSet.of(
          Target.MAIN_ADMIN,
          Target.SECONDARY_ADMIN,
          Target.MEMBER,
          Target.SELF,
          Target.OPERATOR,
          Target.ABSENT);
  private static final Set<Actor> ALL_ACTORS = EnumSet.allOf(Actor.class);
  private static final Set<Actor> IN_ROOM =
      EnumSet.of(Actor.SERVER_OPERATOR, Actor.MAIN_ADMIN, Actor.SECONDARY_ADMIN, Actor.MEMBER);

  /** A command as typed in a cell, with the actors and targets the table has rows for. */
  enum Command {
    KICK(EVERYONE),
    GRANT(EVERYONE),
    REVOKE(EVERYONE),
    KILL(EVERYONE),
    /** /BAN nick from the current channel. */
    BAN(EVERYONE),
    /** /BAN * nick: from the whole server. */
    BAN_SERVER(EVERYONE),
    /**
     * /BAN account:name in registered #room, of an account whose holder has left #room: the role
     * kept for the account counts as if they were there.
     */
    BAN_KEPT(
        Setup.REGISTERED,
        EnumSet.of(Target.MAIN_ADMIN, Target.SECONDARY_ADMIN, Target.MEMBER, Target.SELF),
        IN_ROOM),
    REN,
    TOPIC,
    /** /TOPIC in a channel whose admins opened the topic to every member. */
    TOPIC_OPEN(Setup.TOPIC_OPEN),
    /** /TOPICLOCK off. */
    TOPICLOCK,
    DEL,
    PRIVATE,
    /** /LIMIT 7. */
    LIMIT,
    /** /REGISTER #channel, of the current channel. */
    REGISTER,
    /** /INVITE abe. */
    INVITE,
    /** /ACCEPT abe, who asked to join. */
    ACCEPT(Setup.REQUESTS),
    /** /DENY abe, who asked to join. */
    DENY(Setup.REQUESTS),
    REQUESTS(Setup.REQUESTS),
    /** /UNBAN zed from the current channel. */
    UNBAN,
    /** /UNBAN * zed: from the whole server. */
    UNBAN_SERVER;

    final Setup setup;
    final Set<Target> targets;
    final Set<Actor> actors;

    Command(Setup setup, Set<Target> targets, Set<Actor> actors) {
      this.setup = setup;
      this.targets = targets;
      this.actors = actors;
    }

    Command(Set<Target> targets) {
      this(Setup.PLAIN, targets, ALL_ACTORS);
    }

    Command(Setup setup) {
      this(setup, EnumSet.of(Target.NONE), ALL_ACTORS);
    }

    Command() {
      this(Setup.PLAIN);
    }

    /** The line the actor types, naming {@code target} and acting in {@code channel}. */
    String line(String target, String channel) {
      return switch (this) {
        case KICK, KILL -> "/" + this + " " + target + " matrix test";
        case GRANT, REVOKE -> "/" + this + " " + target;
        case BAN -> "/BAN " + target + " matrix test";
        case BAN_SERVER -> "/BAN * " + target + " matrix test";
        case BAN_KEPT -> "/BAN account:" + target;
        case REN -> "/REN #renamed";
        case TOPIC, TOPIC_OPEN -> "/TOPIC matrix topic";
        case TOPICLOCK -> "/TOPICLOCK off";
        case LIMIT -> "/LIMIT 7";
        case DEL, REGISTER -> "/" + this + " " + channel;
        case PRIVATE -> "/PRIVATE on";
        case INVITE, ACCEPT, DENY -> "/" + this + " abe";
        case REQUESTS -> "/REQUESTS";
        case UNBAN -> "/UNBAN zed";
        case UNBAN_SERVER -> "/UNBAN * zed";
      };
    }
  }

  enum Outcome {
    ALLOWED,
    REFUSED
  }

  /**
   * The expected outcome of every cell: Y = allowed, n = refused. A header line (starting with
   * {@code #}) says what the columns of the rows below it are: targets, for rows of one command and
   * one actor ({@code # command actor ...}), or actors, for commands that name no user of a rank
   * and act on the actor's current channel, #lounge for the outsiders ({@code # command target
   * ...}).
   *
   * <ul>
   *   <li>KICK: operators kick anyone in the channel but themselves; the main admin kicks secondary
   *       admins and members; a secondary admin kicks members only; nobody but an operator kicks
   *       the main admin or an operator; nobody kicks themselves; a user not in the actor's current
   *       channel cannot be kicked from it (ABSENT, and everyone in #room for the outsiders).
   *   <li>BAN: the rules of a kick for whoever the ban hits now; a nick not in the channel is
   *       banned by any admin of it (ABSENT, and everyone in #room for OUTSIDE_ADMIN, banned from
   *       #lounge). BAN_SERVER: operators only, the rules of a kill for whoever it hits.
   *   <li>BAN_KEPT: in a registered channel the founder's account is banned by operators only and a
   *       kept secondary admin's by the main admin or an operator, even while they are away.
   *   <li>GRANT: main admin or operator only, and only plain members (an operator who is a plain
   *       member may grant themselves); REVOKE: main admin or operator only, secondary admins only.
   *   <li>KILL: operators only, anyone online but themselves, in the channel or not.
   *   <li>REN, DEL, PRIVATE: main admin or operator. TOPIC, TOPICLOCK, LIMIT, INVITE, ACCEPT, DENY,
   *       REQUESTS, UNBAN: admins or operator; TOPIC_OPEN (the topic opened to members): any
   *       member. UNBAN_SERVER: operators. REGISTER: the main admin only (it becomes the founder's
   *       account), not an operator who is a plain member.
   *   <li>MAIN_ADMIN × MAIN_ADMIN is the main admin acting on themselves (there is one per
   *       channel).
   * </ul>
   */
  private static final String MATRIX =
      """
      # command   actor            MAIN_ADMIN SECONDARY_ADMIN MEMBER SELF OPERATOR ABSENT
      KICK        SERVER_OPERATOR  Y          Y               Y      n    Y        n
      KICK        MAIN_ADMIN       n          Y               Y      n    n        n
      KICK        SECONDARY_ADMIN  n          n               Y      n    n        n
      KICK        MEMBER           n          n               n      n    n        n
      KICK        OUTSIDER         n          n               n      n    n        n
      KICK        OUTSIDE_ADMIN    n          n               n      n    n        n

      BAN         SERVER_OPERATOR  Y          Y               Y      n    Y        Y
      BAN         MAIN_ADMIN       n          Y               Y      n    n        Y
      BAN         SECONDARY_ADMIN  n          n               Y      n    n        Y
      BAN         MEMBER           n          n               n      n    n        n
      BAN         OUTSIDER         n          n               n      n    n        n
      BAN         OUTSIDE_ADMIN    Y          Y               Y      n    Y        Y

      BAN_SERVER  SERVER_OPERATOR  Y          Y               Y      n    Y        Y
      BAN_SERVER  MAIN_ADMIN       n          n               n      n    n        n
      BAN_SERVER  SECONDARY_ADMIN  n          n               n      n    n        n
      BAN_SERVER  MEMBER           n          n               n      n    n        n
      BAN_SERVER  OUTSIDER         n          n               n      n    n        n
      BAN_SERVER  OUTSIDE_ADMIN    n          n               n      n    n        n

      GRANT       SERVER_OPERATOR  n          n               Y      Y    Y        n
      GRANT       MAIN_ADMIN       n          n               Y      n    Y        n
      GRANT       SECONDARY_ADMIN  n          n               n      n    n        n
      GRANT       MEMBER           n          n               n      n    n        n
      GRANT       OUTSIDER         n          n               n      n    n        n
      GRANT       OUTSIDE_ADMIN    n          n               n      n    n        n

      REVOKE      SERVER_OPERATOR  n          Y               n      n    n        n
      REVOKE      MAIN_ADMIN       n          Y               n      n    n        n
      REVOKE      SECONDARY_ADMIN  n          n               n      n    n        n
      REVOKE      MEMBER           n          n               n      n    n        n
      REVOKE      OUTSIDER         n          n               n      n    n        n
      REVOKE      OUTSIDE_ADMIN    n          n               n      n    n        n

      KILL        SERVER_OPERATOR  Y          Y               Y      n    Y        Y
      KILL        MAIN_ADMIN       n          n               n      n    n        n
      KILL        SECONDARY_ADMIN  n          n               n      n    n        n
      KILL        MEMBER           n          n               n      n    n        n
      KILL        OUTSIDER         n          n               n      n    n        n
      KILL        OUTSIDE_ADMIN    n          n               n      n    n        n

      # command   actor            MAIN_ADMIN SECONDARY_ADMIN MEMBER SELF
      BAN_KEPT    SERVER_OPERATOR  Y          Y               Y      n
      BAN_KEPT    MAIN_ADMIN       n          Y               Y      n
      BAN_KEPT    SECONDARY_ADMIN  n          n               Y      n
      BAN_KEPT    MEMBER           n          n               n      n

      # command     target SERVER_OPERATOR MAIN_ADMIN SECONDARY_ADMIN MEMBER OUTSIDER OUTSIDE_ADMIN
      REN           NONE   Y               Y          n               n      n        Y
      DEL           NONE   Y               Y          n               n      n        Y
      PRIVATE       NONE   Y               Y          n               n      n        Y
      REGISTER      NONE   n               Y          n               n      n        Y
      TOPIC         NONE   Y               Y          Y               n      n        Y
      TOPIC_OPEN    NONE   Y               Y          Y               Y      Y        Y
      TOPICLOCK     NONE   Y               Y          Y               n      n        Y
      LIMIT         NONE   Y               Y          Y               n      n        Y
      INVITE        NONE   Y               Y          Y               n      n        Y
      ACCEPT        NONE   Y               Y          Y               n      n        Y
      DENY          NONE   Y               Y          Y               n      n        Y
      REQUESTS      NONE   Y               Y          Y               n      n        Y
      UNBAN         NONE   Y               Y          Y               n      n        Y
      UNBAN_SERVER  NONE   Y               n          n               n      n        n
      """;

  record Cell(Command command, Actor actor, Target target, Outcome expected) {}

  static List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    boolean byActor = true; // the columns are targets (else actors)
    List<String> columns = List.of();
    for (String line : MATRIX.lines().map(String::strip).toList()) {
      if (line.isEmpty()) {
        continue;
      }
      String[] words = line.split("\\s+");
      if (words[0].equals("#")) {
        byActor = words[2].equals("actor");
        columns = Stream.of(words).skip(3).toList();
        continue;
      }
      if (words.length != 2 + columns.size()) {
        throw new IllegalStateException("Row has the wrong number of cells: " + line);
      }
      for (int i = 0; i < columns.size(); i++) {
        Outcome outcome =
            switch (words[2 + i]) {
              case "Y" -> Outcome.ALLOWED;
              case "n" -> Outcome.REFUSED;
              default -> throw new IllegalStateException("Not Y or n: " + line);
            };
        String actor = byActor ? words[1] : columns.get(i);
        String target = byActor ? columns.get(i) : words[1];
        cells.add(
            new Cell(
                Command.valueOf(words[0]), Actor.valueOf(actor), Target.valueOf(target), outcome));
      }
    }
    return cells;
  }

  static Stream<Arguments> matrix() {
    return cells().stream()
        .map(c -> Arguments.of(c.command(), c.actor(), c.target(), c.expected()));
  }

  @Test
  void theMatrixHasEveryCellExactlyOnce() {
    Set<List<Object>> seen = new HashSet<>();
    for (Cell cell : cells()) {
      assertTrue(seen.add(List.of(cell.command(), cell.actor(), cell.target())), "twice: " + cell);
    }
    Set<List<Object>> expected = new HashSet<>();
    for (Command command : Command.values()) {
      for (Actor actor : command.actors) {
        for (Target target : command.targets) {
          expected.add(List.of(command, actor, target));
        }
      }
    }
    assertEquals(expected, seen);
  }

  /** A ban store in memory, so that a cell can see which bans are kept. */
  private static final class MemoryBans implements BanList {
    final List<Ban> kept = new ArrayList<>();

    @Override
    public List<Ban> load() {
      return List.copyOf(kept);
    }

    @Override
    public void add(Ban ban) {
      kept.removeIf(b -> sameScope(b, ban.channel()) && b.isOn(ban.kind(), ban.target()));
      kept.add(ban);
    }

    @Override
    public void remove(Ban ban) {
      kept.remove(ban);
    }

    @Override
    public void removeChannel(String channel) {
      kept.removeIf(b -> !b.isServerWide() && sameScope(b, channel));
    }

    @Override
    public void renameChannel(String channel, String newName) {
      kept.replaceAll(
          b ->
              !b.isServerWide() && sameScope(b, channel)
                  ? new Ban(newName, b.kind(), b.target(), b.by(), b.reason(), b.at(), b.until())
                  : b);
    }

    private static boolean sameScope(Ban ban, String channel) {
      return ban.isServerWide()
          ? channel == null
          : channel != null && ban.channel().equalsIgnoreCase(channel);
    }
  }

  /**
   * Registered channels kept in memory only: the domain holds what a cell looks at, and the
   * registry of a server without a database refuses to register.
   */
  private static final ChannelRegistry REGISTRY =
      new ChannelRegistry() {
        @Override
        public List<Registered> load() {
          return List.of();
        }

        @Override
        public void register(Registered channel, Instant at) {}

        @Override
        public void addAdmin(String channel, String account) {}

        @Override
        public void removeAdmin(String channel, String account) {}

        @Override
        public void rename(String channel, String newName) {}

        @Override
        public void setTopic(String channel, Topic topic) {}

        @Override
        public void delete(String channel) {}

        @Override
        public void setPrivate(String channel, boolean isPrivate) {}

        @Override
        public void setMemberLimit(String channel, int limit) {}

        @Override
        public void setTopicOpen(String channel, boolean open) {}

        @Override
        public void addRequest(String channel, JoinRequest request) {}

        @Override
        public void removeRequest(String channel, JoinRequest request) {}
      };

  /**
   * A fresh server with every role in #room, two outsiders in #lounge, one user nowhere, and the
   * nick zed banned from both channels and from the server.
   */
  private static final class World {
    final MemoryBans bans = new MemoryBans();
    final List<ModerationAction> recorded = new ArrayList<>();
    final ChatServer chat =
        new ChatServer(
            ChatPorts.none(Clock.fixed(T0, ZoneOffset.UTC))
                .withModeration(recorded::add)
                .withRegistry(REGISTRY)
                .withBans(bans),
            50);
    final CommandTable table = new CommandTable(BuiltinCommands.all());
    final Map<String, FakeContext> users = new LinkedHashMap<>();
    final Channel room;
    final Channel lounge;

    World(Setup setup) {
      for (String nick : List.of("alice", "sam", "sue", "mia", "max", "oscar", "otto")) {
        add(nick).run("/JOIN #room");
      }
      add("lou").run("/JOIN #lounge");
      add("olga").run("/JOIN #lounge");
      add("abe");
      user("alice").run("/GRANT sam").run("/GRANT sue");
      chat.promote(user("oscar").user(), "test");
      chat.promote(user("otto").user(), "test");
      user("alice").run("/BAN zed");
      user("lou").run("/BAN zed");
      user("oscar").run("/BAN * zed");
      switch (setup) {
        case PLAIN -> {}
        case REQUESTS -> {
          user("alice").run("/PRIVATE on");
          user("lou").run("/PRIVATE on");
          user("abe").run("/JOIN #room").run("/JOIN #lounge");
        }
        case TOPIC_OPEN -> {
          user("alice").run("/TOPICLOCK off");
          user("lou").run("/TOPICLOCK off");
        }
        case REGISTERED -> user("alice").run("/REGISTER #room");
      }
      room = chat.channel("#room");
      lounge = chat.channel("#lounge");
      for (FakeContext context : users.values()) {
        assertEquals(List.of(), context.errors(), "setting up " + context.user());
        context.clear();
      }
      assertEquals("~alice @sam @sue mia max oscar otto", ChatServer.whoLine(room));
      assertEquals("~lou olga", ChatServer.whoLine(lounge));
      assertEquals(
          setup == Setup.REQUESTS ? 2 : 0, room.requests().size() + lounge.requests().size());
      assertEquals(setup == Setup.REGISTERED, room.isRegistered());
      recorded.clear();
    }

    private FakeContext add(String nick) {
      FakeContext context = new FakeContext(chat, table, nick);
      if (!nick.equals("abe")) {
        // abe, who asks to join, has none: /ACCEPT and /DENY do not find the request of someone
        // logged in to an account (a bug of its own, not a rank rule).
        ChatTestSupport.setAccount(context.user(), nick);
      }
      users.put(nick, context);
      return context;
    }

    FakeContext user(String nick) {
      return users.get(nick);
    }

    /** Everything a refused command must leave alone. */
    WorldSnapshot snapshot() {
      return WorldSnapshot.of(
          chat, users.values().stream().map(FakeContext::user).toList(), bans.load());
    }

    /** The bans kept in {@code channel} (null: the server) on {@code target}. */
    List<Ban> bansOn(Channel channel, String target) {
      return bans.load().stream()
          .filter(b -> channel == null ? b.isServerWide() : channel.name().equals(b.channel()))
          .filter(b -> b.target().equalsIgnoreCase(target))
          .toList();
    }
  }

  @ParameterizedTest(name = "{0} by {1} on {2}: {3}")
  @MethodSource("matrix")
  void everyCellOfTheRankRules(Command command, Actor actorKind, Target targetKind, Outcome want) {
    World world = new World(command.setup);
    FakeContext actor = world.user(actorKind.nick);
    String targetNick =
        switch (targetKind) {
          case SELF -> actorKind.nick;
          case NONE -> null;
          default -> targetKind.nick;
        };
    FakeContext target = targetNick == null ? null : world.user(targetNick);
    if (command == Command.BAN_KEPT && target != actor) {
      target.run("/LEAVE #room"); // away: only the role kept for the account counts
    }
    Channel actorChannel = actor.user().current();
    String actorChannelName = actorChannel.name();
    List<String> roomNicksBefore = nicks(world.room);
    String loungeBefore = ChatServer.whoLine(world.lounge);
    String roomBefore = ChatServer.whoLine(world.room);
    WorldSnapshot before = world.snapshot();

    String line = command.line(targetNick, actorChannelName);
    actor.run(line);

    if (want == Outcome.REFUSED) {
      assertEquals(1, actor.errors().size(), "one error line expected: " + actor.errors());
      String error = actor.errors().get(0);
      assertFalse(error.contains("server error"), error);
      assertFalse(error.startsWith("Unknown command"), error);
      assertEquals(before, world.snapshot(), "a refused " + line + " changed something");
      assertEquals(List.of(), world.recorded, "a refused " + line + " was recorded");
      for (FakeContext someone : world.users.values()) {
        assertEquals(List.of(), someone.inbox().ofType(Disconnected.class), someone.user().nick());
      }
      return;
    }

    assertEquals(List.of(), actor.errors(), line);
    switch (command) {
      case KICK -> {
        assertFalse(world.room.contains(target.user()), "still in #room");
        assertTrue(world.chat.nicks().contains(targetNick), "a kicked user stays online");
        List<String> expected = new ArrayList<>(roomNicksBefore);
        expected.remove(targetNick);
        assertEquals(expected, nicks(world.room));
        assertTrue(
            target.inbox().texts().stream()
                .anyMatch(
                    t -> t.startsWith("You were kicked from #room by " + actorKind.nick + " ")),
            target.inbox().texts().toString());
        if (targetKind == Target.MAIN_ADMIN) {
          // succession: the longest-standing secondary admin
          assertEquals(ChannelRole.MAIN_ADMIN, world.room.roleOf(world.user("sam").user()));
        }
      }
      case BAN -> {
        assertEquals(
            1, world.bansOn(actorChannel, targetNick).size(), world.bans.load().toString());
        assertFalse(actorChannel.contains(target.user()), "the ban hit " + targetNick);
        assertTrue(world.chat.nicks().contains(targetNick), "a banned user stays online");
      }
      case BAN_SERVER -> {
        assertEquals(1, world.bansOn(null, targetNick).size(), world.bans.load().toString());
        assertFalse(world.chat.nicks().contains(targetNick), "the ban disconnected them");
        assertEquals(1, target.inbox().ofType(Disconnected.class).size());
      }
      case BAN_KEPT -> {
        List<Ban> on = world.bansOn(world.room, targetNick);
        assertEquals(1, on.size(), world.bans.load().toString());
        assertEquals(Ban.Kind.ACCOUNT, on.get(0).kind());
      }
      case GRANT -> {
        assertEquals(ChannelRole.SECONDARY_ADMIN, world.room.roleOf(target.user()));
        assertEquals(roomNicksBefore, nicks(world.room));
      }
      case REVOKE -> {
        assertEquals(ChannelRole.MEMBER, world.room.roleOf(target.user()));
        assertEquals(roomNicksBefore, nicks(world.room));
      }
      case KILL -> {
        assertFalse(world.chat.nicks().contains(targetNick), "a killed user is logged out");
        assertEquals(List.of(), target.user().channels());
        assertFalse(world.room.contains(target.user()));
        List<Disconnected> told = target.inbox().ofType(Disconnected.class);
        assertEquals(1, told.size(), target.inbox().texts().toString());
        assertTrue(told.get(0).text().contains(actorKind.nick), told.get(0).text());
      }
      case REN -> {
        assertEquals("#renamed", actorChannel.name());
        assertSame(actorChannel, world.chat.channel("#renamed"));
        assertNull(world.chat.channel(actorChannelName));
        assertSame(actorChannel, actor.user().current());
        if (actorChannel != world.room) {
          assertEquals("#room", world.room.name(), "only the actor's own channel is renamed");
          assertSame(world.room, world.chat.channel("#room"));
        }
        assertEquals(roomNicksBefore, nicks(world.room));
      }
      case DEL -> {
        assertNull(world.chat.channel(actorChannelName));
        assertFalse(actor.user().channels().contains(actorChannel));
      }
      case PRIVATE -> assertTrue(actorChannel.isPrivate());
      case REGISTER -> {
        assertTrue(actorChannel.isRegistered());
        assertEquals(actorKind.nick, actorChannel.founder());
      }
      case TOPIC, TOPIC_OPEN -> assertEquals("matrix topic", actorChannel.topic().text());
      case TOPICLOCK -> assertTrue(actorChannel.isTopicOpen());
      case LIMIT -> assertEquals(7, actorChannel.memberLimit());
      case INVITE ->
          assertEquals(
              List.of(JoinRequest.Kind.INVITATION),
              actorChannel.requests().stream().map(JoinRequest::kind).toList());
      case ACCEPT -> assertTrue(actorChannel.contains(world.user("abe").user()), "abe let in");
      case DENY -> {
        assertFalse(actorChannel.contains(world.user("abe").user()));
        assertEquals(List.of(), actorChannel.requests());
      }
      case REQUESTS -> {
        assertEquals(List.of("  abe asks to join: /ACCEPT abe or /DENY abe"), actor.replies());
        assertEquals(before, world.snapshot(), "/REQUESTS only lists");
      }
      case UNBAN -> assertEquals(List.of(), world.bansOn(actorChannel, "zed"));
      case UNBAN_SERVER -> assertEquals(List.of(), world.bansOn(null, "zed"));
    }
    // Whatever happened in the actor's channel, the other one (#lounge, or #room for the
    // outsiders) is untouched: nobody a cell names is in both.
    Channel other = actorChannel == world.lounge ? world.room : world.lounge;
    assertNotNull(world.chat.channel(other.name()));
    assertEquals(other == world.room ? roomBefore : loungeBefore, ChatServer.whoLine(other));
  }

  private static List<String> nicks(Channel channel) {
    return channel.members().stream().map(Member::user).map(User::nick).toList();
  }
}
