package dev.chatshell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.Disconnected;
import dev.chatshell.chat.Member;
import dev.chatshell.chat.User;
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
 * report exactly one error line and change nothing at all.
 */
class PrivilegeMatrixTest {
  private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

  /** Who types the command; everyone but the outsiders has #room as their current channel. */
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
    /** /REN names no user: it renames the actor's current channel. */
    NONE(null);

    final String nick;

    Target(String nick) {
      this.nick = nick;
    }
  }

  enum Command {
    KICK,
    GRANT,
    REVOKE,
    REN,
    KILL
  }

  enum Outcome {
    ALLOWED,
    REFUSED
  }

  /**
   * The expected outcome of every cell: Y = allowed, n = refused. A header line (starting with
   * {@code #}) names the target columns of the rows below it.
   *
   * <ul>
   *   <li>KICK: operators kick anyone in the channel but themselves; the main admin kicks secondary
   *       admins and members; a secondary admin kicks members only; nobody but an operator kicks
   *       the main admin or an operator; nobody kicks themselves; a user not in the actor's current
   *       channel cannot be kicked from it (ABSENT, and everyone in #room for the outsiders).
   *   <li>GRANT: main admin or operator only, and only plain members (an operator who is a plain
   *       member may grant themselves); REVOKE: main admin or operator only, secondary admins only.
   *   <li>KILL: operators only, anyone online but themselves, in the channel or not.
   *   <li>REN: main admin or operator; OUTSIDE_ADMIN renames their own channel #lounge.
   *   <li>MAIN_ADMIN × MAIN_ADMIN is the main admin acting on themselves (there is one per
   *       channel).
   * </ul>
   */
  private static final String MATRIX =
      """
      # command actor            MAIN_ADMIN SECONDARY_ADMIN MEMBER SELF OPERATOR ABSENT
      KICK      SERVER_OPERATOR  Y          Y               Y      n    Y        n
      KICK      MAIN_ADMIN       n          Y               Y      n    n        n
      KICK      SECONDARY_ADMIN  n          n               Y      n    n        n
      KICK      MEMBER           n          n               n      n    n        n
      KICK      OUTSIDER         n          n               n      n    n        n
      KICK      OUTSIDE_ADMIN    n          n               n      n    n        n

      GRANT     SERVER_OPERATOR  n          n               Y      Y    Y        n
      GRANT     MAIN_ADMIN       n          n               Y      n    Y        n
      GRANT     SECONDARY_ADMIN  n          n               n      n    n        n
      GRANT     MEMBER           n          n               n      n    n        n
      GRANT     OUTSIDER         n          n               n      n    n        n
      GRANT     OUTSIDE_ADMIN    n          n               n      n    n        n

      REVOKE    SERVER_OPERATOR  n          Y               n      n    n        n
      REVOKE    MAIN_ADMIN       n          Y               n      n    n        n
      REVOKE    SECONDARY_ADMIN  n          n               n      n    n        n
      REVOKE    MEMBER           n          n               n      n    n        n
      REVOKE    OUTSIDER         n          n               n      n    n        n
      REVOKE    OUTSIDE_ADMIN    n          n               n      n    n        n

      KILL      SERVER_OPERATOR  Y          Y               Y      n    Y        Y
      KILL      MAIN_ADMIN       n          n               n      n    n        n
      KILL      SECONDARY_ADMIN  n          n               n      n    n        n
      KILL      MEMBER           n          n               n      n    n        n
      KILL      OUTSIDER         n          n               n      n    n        n
      KILL      OUTSIDE_ADMIN    n          n               n      n    n        n

      # command actor            NONE
      REN       SERVER_OPERATOR  Y
      REN       MAIN_ADMIN       Y
      REN       SECONDARY_ADMIN  n
      REN       MEMBER           n
      REN       OUTSIDER         n
      REN       OUTSIDE_ADMIN    Y
      """;

  record Cell(Command command, Actor actor, Target target, Outcome expected) {}

  static List<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    List<Target> columns = List.of();
    for (String line : MATRIX.lines().map(String::strip).toList()) {
      if (line.isEmpty()) {
        continue;
      }
      String[] words = line.split("\\s+");
      if (words[0].equals("#")) {
        columns = Stream.of(words).skip(3).map(Target::valueOf).toList();
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
        cells.add(
            new Cell(Command.valueOf(words[0]), Actor.valueOf(words[1]), columns.get(i), outcome));
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
      Set<Target> targets =
          command == Command.REN
              ? EnumSet.of(Target.NONE)
              : EnumSet.complementOf(EnumSet.of(Target.NONE));
      for (Actor actor : Actor.values()) {
        for (Target target : targets) {
          expected.add(List.of(command, actor, target));
        }
      }
    }
    assertEquals(expected, seen);
  }

  /** A fresh server with every role in #room, two outsiders in #lounge and one user nowhere. */
  private static final class World {
    final ChatServer chat = ChatTestSupport.server(Clock.fixed(T0, ZoneOffset.UTC), 50);
    final CommandTable table = new CommandTable(BuiltinCommands.all());
    final Map<String, FakeContext> users = new LinkedHashMap<>();
    final Channel room;
    final Channel lounge;

    World() {
      for (String nick : List.of("alice", "sam", "sue", "mia", "max", "oscar", "otto")) {
        add(nick).run("/JOIN #room");
      }
      add("lou").run("/JOIN #lounge");
      add("olga").run("/JOIN #lounge");
      add("abe");
      user("alice").run("/GRANT sam").run("/GRANT sue");
      chat.promote(user("oscar").user(), "test");
      chat.promote(user("otto").user(), "test");
      room = chat.channel("#room");
      lounge = chat.channel("#lounge");
      for (FakeContext context : users.values()) {
        assertEquals(List.of(), context.errors(), "setting up " + context.user());
        context.clear();
      }
      assertEquals("~alice @sam @sue mia max oscar otto", ChatServer.whoLine(room));
      assertEquals("~lou olga", ChatServer.whoLine(lounge));
    }

    private FakeContext add(String nick) {
      FakeContext context = new FakeContext(chat, table, nick);
      users.put(nick, context);
      return context;
    }

    FakeContext user(String nick) {
      return users.get(nick);
    }

    /** Everything a refused command must leave alone. */
    String state() {
      StringBuilder state = new StringBuilder();
      for (Channel channel : chat.channels()) {
        state.append(channel.name()).append(": ").append(ChatServer.whoLine(channel)).append('\n');
      }
      state.append("online: ").append(chat.nicks()).append('\n');
      for (FakeContext context : users.values()) {
        User user = context.user();
        state
            .append(user.nick())
            .append(" current=")
            .append(user.current() == null ? null : user.current().name())
            .append(" channels=")
            .append(user.channels().stream().map(Channel::name).toList())
            .append(" operator=")
            .append(user.isOperator())
            .append('\n');
      }
      return state.toString();
    }
  }

  @ParameterizedTest(name = "{0} by {1} on {2}: {3}")
  @MethodSource("matrix")
  void everyCellOfTheRankRules(Command command, Actor actorKind, Target targetKind, Outcome want) {
    World world = new World();
    FakeContext actor = world.user(actorKind.nick);
    String targetNick =
        switch (targetKind) {
          case SELF -> actorKind.nick;
          case NONE -> null;
          default -> targetKind.nick;
        };
    FakeContext target = targetNick == null ? null : world.user(targetNick);
    Channel actorChannel = actor.user().current();
    String actorChannelName = actorChannel.name();
    List<String> roomNicksBefore = nicks(world.room);
    String before = world.state();

    String line =
        "/"
            + command
            + (targetNick == null ? " #renamed" : " " + targetNick)
            + (command == Command.KICK || command == Command.KILL ? " matrix test" : "");
    actor.run(line);

    if (want == Outcome.REFUSED) {
      assertEquals(1, actor.errors().size(), "one error line expected: " + actor.errors());
      String error = actor.errors().get(0);
      assertFalse(error.contains("server error"), error);
      assertFalse(error.startsWith("Unknown command"), error);
      assertEquals(before, world.state(), "a refused " + line + " changed something");
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
    }
    // Whatever happened in #room, the other channel (#lounge, or #room for OUTSIDE_ADMIN) is
    // untouched unless the actor renamed it.
    Channel other = actorChannel == world.lounge ? world.room : world.lounge;
    assertNotNull(world.chat.channel(other.name()));
    assertTrue(before.contains(other.name() + ": " + ChatServer.whoLine(other) + "\n"));
  }

  private static List<String> nicks(Channel channel) {
    return channel.members().stream().map(Member::user).map(User::nick).toList();
  }
}
