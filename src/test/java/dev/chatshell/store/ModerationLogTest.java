package dev.chatshell.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatPorts;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.Inbox;
import dev.chatshell.chat.ModerationAction;
import dev.chatshell.chat.ModerationAction.Kind;
import dev.chatshell.chat.OperatorCredentials;
import dev.chatshell.chat.PasswordCheck;
import dev.chatshell.chat.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moderation log file: one tab-separated line per action, appended. */
class ModerationLogTest {
  private static final Instant T0 = Instant.parse("2026-11-21T08:00:00.123456789Z");

  @TempDir Path dir;

  private static ModerationAction action(
      Kind kind, String actor, String target, String channel, String reason) {
    return new ModerationAction(T0, kind, actor, target, channel, reason);
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  @Test
  void writesOneTabSeparatedLinePerAction() throws IOException {
    Path file = dir.resolve("moderation.log");
    try (ModerationLog log = ModerationLog.open(file, Set.of())) {
      log.recorded(action(Kind.KICK, "alice", "bob", "#rust", "spamming links"));
      log.recorded(action(Kind.RENAME, "alice", "#new", "#old", null));
    }

    assertEquals(
        List.of(
            "2026-11-21T08:00:00.123Z\tKICK\talice\tbob\t#rust\tspamming links\t-",
            "2026-11-21T08:00:00.123Z\tRENAME\talice\t#new\t#old\t-\t-"),
        lines(file));
  }

  @Test
  void theTimeIsUtcTruncatedToTheMillisecond() {
    ModerationAction late =
        new ModerationAction(
            Instant.parse("2026-01-02T03:04:05.999999Z"), Kind.GRANT, "a", "b", "#c", null);

    String time = ModerationLog.format(late).split("\t")[0];

    assertEquals("2026-01-02T03:04:05.999Z", time);
    assertEquals(Instant.parse("2026-01-02T03:04:05.999Z"), Instant.parse(time));
  }

  @Test
  void theDocumentedExampleLine() {
    ModerationAction kick =
        new ModerationAction(
            Instant.parse("2026-11-21T08:00:00Z"),
            Kind.KICK,
            "alice",
            "bob",
            "#rust",
            "spamming links");

    assertEquals(
        "2026-11-21T08:00:00.000Z\tKICK\talice\tbob\t#rust\tspamming links\t-",
        ModerationLog.format(kick));
  }

  @Test
  void emptyFieldsAreADash() {
    assertEquals(
        "2026-11-21T08:00:00.123Z\tKILL\toscar\tbob\t-\t-\t-",
        ModerationLog.format(action(Kind.KILL, "oscar", "bob", null, null)));
    assertEquals(
        "2026-11-21T08:00:00.123Z\tOPER\tbob\troot\t-\t-\t-",
        ModerationLog.format(action(Kind.OPER, "bob", "root", "", "  ")));
    assertEquals(
        "2026-11-21T08:00:00.123Z\tOPER_REFUSED\t-\t-\t-\twrong name or password\t-",
        ModerationLog.format(action(Kind.OPER_REFUSED, null, " ", "\t", "wrong name or password")));
  }

  @Test
  void tabsAndLineBreaksInsideAFieldBecomeSpaces() throws IOException {
    Path file = dir.resolve("moderation.log");
    try (ModerationLog log = ModerationLog.open(file, Set.of())) {
      log.recorded(action(Kind.KICK, "alice", "bob", "#x", "one\ttwo\r\nthree\nfour\rfive"));
      log.recorded(action(Kind.KILL, "eve", "ro\not", null, "x"));
    }

    List<String> lines = lines(file);
    assertEquals(2, lines.size());
    assertEquals(
        "2026-11-21T08:00:00.123Z\tKICK\talice\tbob\t#x\tone two  three four five\t-",
        lines.get(0));
    assertEquals("2026-11-21T08:00:00.123Z\tKILL\teve\tro ot\t-\tx\t-", lines.get(1));
    for (String line : lines) {
      assertEquals(7, line.split("\t", -1).length, line);
    }
  }

  @Test
  void everyKindIsWrittenByName() throws IOException {
    Path file = dir.resolve("moderation.log");
    try (ModerationLog log = ModerationLog.open(file, Set.of())) {
      for (Kind kind : Kind.values()) {
        log.recorded(action(kind, "a", "b", "#c", "d"));
      }
    }

    List<String> kinds = lines(file).stream().map(l -> l.split("\t")[1]).toList();
    assertEquals(
        List.of(
            "KICK",
            "GRANT",
            "REVOKE",
            "RENAME",
            "KILL",
            "BAN",
            "UNBAN",
            "REGISTER",
            "DELETE",
            "OPER",
            "OPER_REFUSED"),
        kinds);
  }

  @Test
  void createsAMissingDirectory() throws IOException {
    Path file = dir.resolve("var/not/yet/moderation.log");
    try (ModerationLog log = ModerationLog.open(file, Set.of())) {
      log.recorded(action(Kind.GRANT, "alice", "bob", "#x", null));
    }

    assertEquals(List.of("2026-11-21T08:00:00.123Z\tGRANT\talice\tbob\t#x\t-\t-"), lines(file));
  }

  @Test
  void aReopenedLogAppends() throws IOException {
    Path file = dir.resolve("moderation.log");
    try (ModerationLog log = ModerationLog.open(file, Set.of())) {
      log.recorded(action(Kind.GRANT, "alice", "bob", "#x", null));
    }
    try (ModerationLog log = ModerationLog.open(file, Set.of())) {
      log.recorded(action(Kind.REVOKE, "alice", "bob", "#x", null));
    }

    List<String> lines = lines(file);
    assertEquals(2, lines.size());
    assertTrue(lines.get(0).contains("\tGRANT\t"));
    assertTrue(lines.get(1).contains("\tREVOKE\t"));
  }

  @Test
  void eachLineIsOnDiskAtOnce() throws IOException {
    Path file = dir.resolve("moderation.log");
    try (ModerationLog log = ModerationLog.open(file, Set.of())) {
      log.recorded(action(Kind.KICK, "alice", "bob", "#x", "now"));

      assertEquals(1, lines(file).size(), "flushed before close");
    }
  }

  @Test
  void writesUtf8() throws IOException {
    Path file = dir.resolve("moderation.log");
    try (ModerationLog log = ModerationLog.open(file, Set.of())) {
      log.recorded(action(Kind.KICK, "alice", "bob", "#café", "trop de ☕"));
    }

    assertEquals(
        "2026-11-21T08:00:00.123Z\tKICK\talice\tbob\t#café\ttrop de ☕\t-",
        new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip());
  }

  @Test
  void recordingAfterCloseDoesNotThrow() throws IOException {
    Path file = dir.resolve("moderation.log");
    ModerationLog log = ModerationLog.open(file, Set.of());
    log.close();

    assertDoesNotThrow(() -> log.recorded(action(Kind.KICK, "alice", "bob", "#x", null)));
    assertEquals(List.of(), lines(file));
  }

  @Test
  void theChatServerWritesItsActionsToTheLog() throws IOException {
    Path file = dir.resolve("moderation.log");
    Instant now = Instant.parse("2026-11-21T08:00:00Z");
    try (ModerationLog log = ModerationLog.open(file, Set.of())) {
      ChatServer chat =
          ChatTestSupport.server(
              ChatPorts.none(Clock.fixed(now, ZoneOffset.UTC)).withModeration(log));
      User alice = chat.connect("alice", "a", new Inbox());
      User bob = chat.connect("bob", "b", new Inbox());
      User oscar = chat.connect("oscar", "o", new Inbox());
      chat.join(alice, "#x");
      chat.join(bob, "#x");
      chat.grant(alice, "bob");
      chat.revoke(alice, "bob");
      chat.rename(alice, "#y");
      chat.kick(alice, "bob", "off\ttopic");
      chat.promote(oscar, "console");
      chat.kill(oscar, "alice", null);
    }

    assertEquals(
        List.of(
            "2026-11-21T08:00:00.000Z\tGRANT\talice\tbob\t#x\t-\t-",
            "2026-11-21T08:00:00.000Z\tREVOKE\talice\tbob\t#x\t-\t-",
            "2026-11-21T08:00:00.000Z\tRENAME\talice\t#y\t#x\t-\t-",
            "2026-11-21T08:00:00.000Z\tKICK\talice\tbob\t#y\toff topic\t-",
            "2026-11-21T08:00:00.000Z\tOPER\toscar\tconsole\t-\t-\t-",
            "2026-11-21T08:00:00.000Z\tKILL\toscar\talice\t-\t-\t-"),
        lines(file));
  }

  @Test
  void theLogIsReadableByItsOwnerOnly() throws IOException {
    Path file = dir.resolve("var/moderation.log");
    try (ModerationLog log = ModerationLog.open(file, Set.of())) {
      log.recorded(action(Kind.KICK, "alice", "bob", "#x", null));
    }
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

    Path older = dir.resolve("older.log"); // as an earlier version left it
    Files.createFile(
        older, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    ModerationLog.open(older, Set.of()).close();
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(older)));
  }

  @Test
  void aRefusedOperNamesOnlyOperatorsThatExist() throws IOException {
    Path file = dir.resolve("moderation.log");
    Instant now = Instant.parse("2026-11-21T08:00:00Z");
    OperatorCredentials refused = (address, name, password) -> PasswordCheck.REFUSED;
    try (ModerationLog log = ModerationLog.open(file, Set.of("root"))) {
      ChatServer chat =
          ChatTestSupport.server(
              ChatPorts.none(Clock.fixed(now, ZoneOffset.UTC))
                  .withOperators(refused)
                  .withModeration(log));
      User eve = chat.connect("eve", "e", new Inbox());
      // The password typed where the name goes: it must not land in the log.
      assertThrows(ChatException.class, () -> chat.oper(eve, "S3cret-pass", "x".toCharArray()));
      assertThrows(ChatException.class, () -> chat.oper(eve, "root", "guess".toCharArray()));
    }

    List<String> lines = lines(file);
    assertEquals(
        List.of(
            "2026-11-21T08:00:00.000Z\tOPER_REFUSED\teve\t-\t-\t"
                + ModerationLog.UNKNOWN_OPERATOR
                + "\t-",
            "2026-11-21T08:00:00.000Z\tOPER_REFUSED\teve\troot\t-\twrong name or password\t-"),
        lines);
    assertFalse(Files.readString(file).contains("S3cret"));
  }
}
