package dev.chatshell.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain tells facts, and the shell words them (issue 13): these checks fail if a sentence
 * comes back into {@code chat/}, or a refusal loses its reason code.
 */
class DomainSpeaksInFactsTest {
  private static final java.time.Instant T0 = java.time.Instant.parse("2026-01-01T12:00:00Z");
  private static final Path MAIN = Path.of("src", "main", "java", "dev", "chatshell");

  /** Names the facts of an event may have: who, where, what was typed. Not "text of the line". */
  private static final Set<String> FACT_NAMES =
      Set.of(
          "nick",
          "actor",
          "channel",
          "account",
          "address",
          "reason",
          "message",
          "text",
          "heir",
          "previous",
          "oldName",
          "oldNick",
          "newNick",
          "name",
          "current",
          "founder");

  @Test
  void theDomainBuildsNoFreeTextEventButFromTextSomeoneTyped() throws IOException {
    // The free-text events may only carry what a person or a plugin wrote, passed as it came
    // (made safe at most): an operator's announcement, a plugin's line in a channel.
    Pattern construction =
        Pattern.compile("new\\s+(ChannelNotice|ServerNotice|Disconnected|HistoryLines)\\s*\\(");
    Pattern typedTextOnly = Pattern.compile("(?s).*,\\s*(text|Text\\.visible\\(text\\))\\s*");
    List<String> offending = new ArrayList<>();
    for (Path file : javaFiles(MAIN.resolve("chat"))) {
      String source = Files.readString(file);
      Matcher found = construction.matcher(source);
      while (found.find()) {
        String arguments = arguments(source, found.end());
        if (!typedTextOnly.matcher(arguments).matches()) {
          offending.add(file.getFileName() + ": new " + found.group(1) + "(" + arguments + ")");
        }
      }
    }
    assertEquals(List.of(), offending, "tell a Notice (facts) instead; the shell words it");
  }

  @Test
  void everyFactOfAnEventIsAValueNotALine() {
    List<String> odd = new ArrayList<>();
    List<Class<?>> kinds = new ArrayList<>();
    collect(Notice.class, kinds);
    for (Class<?> kind : kinds) {
      for (RecordComponent component : kind.getRecordComponents()) {
        if (component.getType() == String.class && !FACT_NAMES.contains(component.getName())) {
          odd.add(kind.getSimpleName() + "." + component.getName());
        }
      }
    }
    assertTrue(kinds.size() > 40, "found " + kinds.size());
    assertEquals(List.of(), odd, "a String that is not a name or a typed text: a sentence?");
  }

  /**
   * Every refusal of the domain, the accounts and the built-in commands says why in a code (not the
   * unclassified REFUSED), next to its text. Rank refusals are coded in RankRules by its own
   * checks.
   */
  @Test
  void everyRefusalCarriesAReasonCode() throws IOException {
    List<Path> files = new ArrayList<>();
    files.addAll(javaFiles(MAIN.resolve("chat")));
    files.addAll(javaFiles(MAIN.resolve("auth")));
    files.addAll(javaFiles(MAIN.resolve(Path.of("command", "builtin"))));
    Pattern construction = Pattern.compile("new\\s+ChatException\\s*\\(");
    Pattern coded = Pattern.compile("(?s)\\s*(ChatException\\.)?Reason\\.(?!REFUSED\\b)[A-Z_]+,.*");
    List<String> uncoded = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.equals("RankRules.java")) {
        continue;
      }
      String source = Files.readString(file);
      Matcher found = construction.matcher(source);
      while (found.find()) {
        String arguments = arguments(source, found.end());
        if (!coded.matcher(arguments).matches()) {
          uncoded.add(name + ": " + arguments.strip());
        }
      }
    }
    assertEquals(List.of(), uncoded);
  }

  @Test
  void aRefusalCarriesItsReasonAndFactsNextToItsText() {
    ChatException badNick = assertRefused(() -> Names.requireNick("9lives"));
    assertEquals(ChatException.Reason.INVALID, badNick.reason());
    assertEquals(List.of("9lives"), badNick.arguments());
    assertEquals("A nickname cannot start with a digit or '-'.", badNick.getMessage());

    ChatException badMask = assertRefused(() -> AddressMask.parse("10.0.0.0/99"));
    assertEquals(ChatException.Reason.INVALID, badMask.reason());
    assertEquals(List.of("10.0.0.0/99"), badMask.arguments());

    ChatException throttled =
        assertRefused(
            () ->
                PasswordCheck.throttled(java.time.Duration.ofSeconds(3))
                    .requireAccepted("Wrong password."));
    assertEquals(ChatException.Reason.TRY_LATER, throttled.reason());
    assertEquals(List.of(java.time.Duration.ofSeconds(3)), throttled.arguments());
    assertEquals("Too many wrong passwords lately; try again in 3 s.", throttled.getMessage());

    ChatException wrong =
        assertRefused(() -> PasswordCheck.REFUSED.requireAccepted("Wrong password."));
    assertEquals(ChatException.Reason.BAD_PASSWORD, wrong.reason());
  }

  @Test
  void theServerSaysWhyItRefusesInCodes() {
    ChatServer server =
        ChatTestSupport.server(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC), 10);
    User alice = server.connect("alice", "a", new Inbox());
    server.join(alice, "#x");

    ChatException kick = assertRefused(() -> server.kick(alice, "nobody", "bye"));
    assertEquals(ChatException.Reason.NO_SUCH_NICK, kick.reason());
    assertEquals(List.of("nobody"), kick.arguments());
    assertEquals("No user called nobody is online.", kick.getMessage());

    ChatException taken = assertRefused(() -> server.connect("Alice", "b", new Inbox()));
    assertEquals(ChatException.Reason.NAME_TAKEN, taken.reason());
    assertEquals(List.of("Alice"), taken.arguments());

    ChatException again = assertRefused(() -> server.setPrivate(alice, false));
    assertEquals(ChatException.Reason.ALREADY, again.reason());
    assertEquals(List.of("#x", false), again.arguments());
  }

  @Test
  void aKickAndAGrantAreToldAsFacts() {
    ChatServer server =
        ChatTestSupport.server(java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC), 10);
    Inbox aliceInbox = new Inbox();
    Inbox bobInbox = new Inbox();
    User alice = server.connect("alice", "a", aliceInbox);
    User bob = server.connect("bob", "b", bobInbox);
    User carol = server.connect("carol", "c", new Inbox());
    server.join(alice, "#x");
    server.join(bob, "#x");
    server.join(carol, "#x");
    aliceInbox.clear();
    bobInbox.clear();

    server.grant(alice, "bob");
    server.kick(alice, "carol", "spam");

    assertEquals(
        List.of(
            new Notice.RoleChanged(
                T0, "#x", "alice", "bob", ChannelRole.SECONDARY_ADMIN, Notice.Lasting.UNSAID),
            new Notice.Kicked(T0, "#x", "carol", "alice", "spam")),
        bobInbox.raw());
    assertEquals(bobInbox.raw(), aliceInbox.raw(), "the same facts for everyone in #x");
  }

  private static ChatException assertRefused(Runnable action) {
    try {
      action.run();
    } catch (ChatException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  private static void collect(Class<?> type, List<Class<?>> into) {
    if (type.isRecord()) {
      into.add(type);
      return;
    }
    for (Class<?> sub : type.getPermittedSubclasses()) {
      if (!into.contains(sub)) {
        collect(sub, into);
      }
    }
  }

  private static List<Path> javaFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The source text of a call's arguments, from just after its '(' to its matching ')'. */
  private static String arguments(String source, int from) {
    int depth = 1;
    boolean quoted = false;
    for (int i = from; i < source.length(); i++) {
      char c = source.charAt(i);
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return source.substring(from, i);
      }
    }
    throw new AssertionError("unbalanced call at " + from);
  }
}
