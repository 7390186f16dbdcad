package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatEvent;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.Names;
import dev.chatshell.chat.Text;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.FakeContext;
import dev.chatshell.command.builtin.BuiltinCommands;
import java.time.Clock;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Hostile lines against the command parser and every registered command's argument parsing (issue
 * 12, K): three users on a real {@link ChatServer} type generated lines through the real {@link
 * CommandTable}, as a session would. Invariants after every line: no exception escapes a command
 * (the table would report a "server error"), nothing anybody is shown (events from others, replies,
 * errors), once rendered, holds a control character or escape, and the state stays bounded
 * (channels per user, valid names, topic length, ignore lists).
 */
class HostileLinesPropertiesTest {
  private static final int MAX_CHANNELS = 4;
  private static final CommandTable COMMANDS = new CommandTable(BuiltinCommands.all());
  private static final List<String> NAMES =
      COMMANDS.entries().stream().map(CommandTable.Entry::name).toList();

  /** One generated step: who types (0 alice, 1 bob, 2 carol) and what. */
  record Step(int who, String line) {}

  @Property
  void everyCommandSurvivesHostileArguments(
      @ForAll("scripts") List<Step> script, @ForAll boolean aliceIsOperator) {
    ChatServer chat = ChatTestSupport.server(Clock.systemUTC(), MAX_CHANNELS);
    FakeContext alice = new FakeContext(chat, COMMANDS, "alice");
    FakeContext bob = new FakeContext(chat, COMMANDS, "bob");
    FakeContext carol = new FakeContext(chat, COMMANDS, "carol");
    chat.join(alice.user(), "#d");
    chat.join(alice.user(), "#c");
    chat.join(bob.user(), "#c");
    chat.join(carol.user(), "#d");
    if (aliceIsOperator) {
      chat.promote(alice.user(), "alice");
    }
    List<FakeContext> people = List.of(alice, bob, carol);
    boolean[] left = new boolean[people.size()];
    for (Step step : script) {
      FakeContext typist = people.get(step.who());
      if (left[step.who()] || typist.user().isGone()) {
        continue;
      }
      type(typist, step.line());
      if (typist.disconnectReason() != null) { // /BYE: the session ends and logs out
        left[step.who()] = true;
        chat.disconnect(typist.user(), typist.disconnectReason());
      }
      for (FakeContext person : people) {
        assertSafe(person, step);
        person.clear();
      }
      assertBounded(chat, people);
    }
  }

  /** What the session does with a typed line (see {@code Session.handle}). */
  private static void type(FakeContext person, String line) {
    if (line.isBlank()) {
      return;
    }
    try {
      if (line.startsWith("//")) {
        person.chat().say(line.substring(1));
      } else if (line.startsWith("/")) {
        person.run(line);
      } else {
        person.chat().say(line);
      }
    } catch (ChatException e) {
      person.error(e.getMessage());
    }
  }

  private static void assertSafe(FakeContext person, Step step) {
    for (String error : person.errors()) {
      if (error.contains("server error")) {
        fail("'" + step.line() + "' by #" + step.who() + ": " + error);
      }
    }
    User viewer = person.user();
    for (ChatEvent event : person.inbox().events()) {
      assertVisible(Renderer.render(event, viewer).toString(), step);
    }
    for (String reply : person.replies()) {
      assertVisible(Renderer.render(Reply.of(reply, false), viewer).toString(), step);
    }
    for (String error : person.errors()) {
      assertVisible(Renderer.render(Reply.of(error, true), viewer).toString(), step);
    }
  }

  private static void assertVisible(String shown, Step step) {
    for (int i = 0; i < shown.length(); ) {
      int cp = shown.codePointAt(i);
      if (cp != '\n' && Text.isUnsafe(cp)) {
        fail(
            String.format(
                "U+%04X reached a screen after '%s': %s", cp, step.line(), Text.visible(shown)));
      }
      i += Character.charCount(cp);
    }
  }

  private static void assertBounded(ChatServer chat, List<FakeContext> people) {
    for (FakeContext person : people) {
      User user = person.user();
      assertTrue(user.channels().size() <= MAX_CHANNELS, user.nick() + " in too many channels");
      assertNull(Names.nickProblem(user.nick()), "bad nick " + user.nick());
      assertTrue(user.ignored().size() <= ChatServer.MAX_IGNORED);
    }
    for (Channel channel : chat.channels()) {
      assertEquals(channel.name(), Names.channel(channel.name()), "bad channel name");
      String topic = channel.topic() == null ? null : channel.topic().text();
      assertTrue(topic == null || topic.length() <= ChatServer.MAX_TOPIC_LENGTH, "topic too long");
      assertTrue(channel.size() <= people.size());
    }
    assertTrue(chat.userCount() <= people.size());
  }

  @Provide
  Arbitrary<List<Step>> scripts() {
    Arbitrary<Step> step =
        Combinators.combine(Arbitraries.integers().between(0, 2), line()).as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(8);
  }

  /** Mostly a registered command in any case with generated arguments; some plain lines. */
  private static Arbitrary<String> line() {
    Arbitrary<String> name =
        Arbitraries.of(NAMES).flatMap(n -> Arbitraries.of(n, n.toUpperCase(), capitalised(n)));
    Arbitrary<String> arguments =
        argument()
            .list()
            .ofMaxSize(5)
            .flatMap(
                args -> Arbitraries.of(" ", "  ", "\t", " ; ").map(sep -> String.join(sep, args)));
    Arbitrary<String> command =
        Combinators.combine(name, arguments).as((n, a) -> "/" + n + (a.isEmpty() ? "" : " " + a));
    return Arbitraries.frequencyOf(
        Tuple.of(8, command),
        Tuple.of(1, wild().map(s -> "/" + s)),
        Tuple.of(1, wild().map(s -> "//" + s)),
        Tuple.of(1, wild()));
  }

  private static String capitalised(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** An argument: names that exist, forms the commands know, numbers at the edges, and junk. */
  private static Arbitrary<String> argument() {
    Arbitrary<String> known =
        Arbitraries.of(
            "alice",
            "bob",
            "carol",
            "BOB",
            "nobody",
            "#c",
            "#d",
            "#C",
            "#new",
            "#",
            "*",
            "account:bob",
            "account:",
            "10.0.0.0/8",
            "198.51.100.0/24",
            "::/0",
            "2001:db8::/129",
            "1.2.3.4/33",
            "on",
            "off",
            "toggle",
            "-",
            "30m",
            "2h",
            "7d",
            "4w",
            "0m",
            "99x",
            "2y",
            "10",
            "minutes",
            "-3",
            "0",
            "2147483648",
            "99999999999999999999",
            "1e9",
            "NaN",
            "%s",
            "%n",
            "'; DROP TABLE accounts; --",
            "\u001b[2J",
            "\u009b31m",
            "\u202e",
            "bob;carol",
            "bob;;",
            ";",
            "alice;alice",
            "timestamps",
            "autojoin");
    return Arbitraries.frequencyOf(Tuple.of(3, known), Tuple.of(2, wild()));
  }

  /** Any characters at all: controls, escapes, surrogates, combining marks, long runs. */
  private static Arbitrary<String> wild() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.strings().all().ofMaxLength(12)),
        Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30)),
        Tuple.of(1, Arbitraries.strings().withChars("a#/;:@~ \u0301\u200b").ofMaxLength(600)));
  }

  static {
    // Sanity: every registered command is a candidate (the table is the list of record).
    if (NAMES.isEmpty()) {
      throw new AssertionError("no commands registered");
    }
  }
}
