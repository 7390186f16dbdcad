package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.chat.ChatApi;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ModerationAction;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.FakeContext;
import dev.chatshell.command.Privilege;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /OPER against a server with one configured operator, "root". */
class OperCommandTest {
  private static final String PASSWORD = "s3cret pass";
  private static final String HASH = PasswordHash.hash(PASSWORD.toCharArray());

  private final List<ModerationAction> recorded = new ArrayList<>();
  private final ChatServer server =
      dev.chatshell.chat.ChatTestSupport.server(
          dev.chatshell.chat.ChatPorts.none(Clock.systemUTC())
              .withOperators(dev.chatshell.chat.ChatTestSupport.credentials(Map.of("root", HASH)))
              .withModeration(recorded::add));
  private final CommandTable commands = new CommandTable(BuiltinCommands.all());

  private FakeContext connect(String nick) {
    return new FakeContext(server, commands, nick);
  }

  /** A FakeContext that also keeps every secret it handed out, to see that it was wiped. */
  private static final class KeepingSecrets implements CommandContext {
    final FakeContext fake;
    final List<char[]> handedOut = new ArrayList<>();

    KeepingSecrets(FakeContext fake) {
      this.fake = fake;
    }

    @Override
    public ChatApi chat() {
      return fake.chat();
    }

    @Override
    public User user() {
      return fake.user();
    }

    @Override
    public CommandTable commands() {
      return fake.commands();
    }

    @Override
    public void reply(String line) {
      fake.reply(line);
    }

    @Override
    public void error(String line) {
      fake.error(line);
    }

    @Override
    public char[] readSecret(String prompt) {
      char[] secret = fake.readSecret(prompt);
      if (secret != null) {
        handedOut.add(secret);
      }
      return secret;
    }

    @Override
    public void disconnect(String reason) {
      fake.disconnect(reason);
    }
  }

  @Test
  void theRightPasswordMakesAnOperatorAndTheSecretIsWiped() {
    FakeContext bob = connect("bob").willType(PASSWORD);
    KeepingSecrets context = new KeepingSecrets(bob);

    commands.execute(context, "/oper root");

    assertEquals(List.of("Password: "), bob.secretPrompts());
    assertEquals(List.of(), bob.errors());
    assertTrue(bob.user().isOperator());
    assertEquals(Privilege.SERVER_OPERATOR, bob.privilege());
    assertEquals(
        List.of("You are now a server operator (root): you may act in any channel."),
        bob.inbox().texts());
    assertEquals(1, context.handedOut.size());
    assertEquals(new String(new char[PASSWORD.length()]), new String(context.handedOut.get(0)));
    assertEquals(1, recorded.size());
    assertEquals(ModerationAction.Kind.OPER, recorded.get(0).kind());
    assertEquals("bob", recorded.get(0).actor());
    assertEquals("root", recorded.get(0).target());
    assertNull(bob.disconnectReason());
  }

  @Test
  void anOperatorMayThenKill() {
    FakeContext bob = connect("bob").willType(PASSWORD).run("/OPER root");
    FakeContext carol = connect("carol");

    bob.run("/KILL carol");

    assertEquals(List.of(), bob.errors());
    assertFalse(server.nicks().contains("carol"));
    assertEquals(1, carol.inbox().events().size());
  }

  @Test
  void aDisconnectInsteadOfAPasswordEndsQuietly() {
    FakeContext bob = connect("bob"); // nothing typed: readSecret returns null
    long start = System.nanoTime();

    bob.run("/OPER root");

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(List.of("Password: "), bob.secretPrompts());
    assertEquals(List.of(), bob.errors());
    assertEquals(List.of(), bob.replies());
    assertFalse(bob.user().isOperator());
    assertEquals(List.of(), recorded);
    assertTrue(millis < OperCommand.PENALTY.toMillis(), "no penalty pause: " + millis + " ms");
  }

  @Test
  void aWrongPasswordIsOneErrorAfterAPause() {
    FakeContext bob = connect("bob").willType("guess");
    KeepingSecrets context = new KeepingSecrets(bob);
    long start = System.nanoTime();

    commands.execute(context, "/OPER root");

    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(List.of("Wrong operator name or password."), bob.errors());
    assertFalse(bob.user().isOperator());
    assertTrue(millis >= OperCommand.PENALTY.toMillis() - 50, "paused only " + millis + " ms");
    assertEquals(new String(new char[5]), new String(context.handedOut.get(0)));
    assertEquals(1, recorded.size());
    assertEquals(ModerationAction.Kind.OPER_REFUSED, recorded.get(0).kind());
    assertEquals("root", recorded.get(0).target());
  }

  @Test
  void aMissingNameIsAUsageErrorAndNoPasswordIsAskedFor() {
    FakeContext bob = connect("bob").run("/OPER");

    assertEquals(List.of("Missing operator name. Usage: /OPER <name>"), bob.errors());
    assertEquals(List.of(), bob.secretPrompts());
  }

  @Test
  void takesOneName() {
    FakeContext bob = connect("bob").willType(PASSWORD).run("/OPER root root");

    assertEquals(List.of("Too many arguments. Usage: /OPER <name>"), bob.errors());
    assertEquals(List.of(), bob.secretPrompts());
    assertFalse(bob.user().isOperator());
  }

  /** Issue 14: over SSH, a key of the operator's (operator.root.key) stands for the password. */
  @org.junit.jupiter.api.Nested
  class ByKey {
    private final String rootKey = dev.chatshell.testing.SshKeygen.ed25519Line("root@laptop");
    private final String otherKey = dev.chatshell.testing.SshKeygen.ed25519Line("someone");
    private final dev.chatshell.auth.PasswordChecker checker =
        new dev.chatshell.auth.PasswordChecker();
    private final ChatServer keyed =
        dev.chatshell.chat.ChatTestSupport.server(
            dev.chatshell.chat.ChatPorts.none(Clock.systemUTC())
                .withOperators(
                    new dev.chatshell.auth.OperatorLogins(
                        Map.of("root", HASH, "admin", HASH),
                        Map.of("root", List.of(rootKey)),
                        checker,
                        new dev.chatshell.auth.LoginThrottle(
                            () -> 0L,
                            java.time.Duration.ofSeconds(1),
                            java.time.Duration.ofMinutes(5),
                            100)))
                .withModeration(recorded::add));

    private FakeContext over(String nick, String provenKey) {
      FakeContext context = new FakeContext(keyed, commands, nick);
      return provenKey == null ? context : context.withSessionKey(provenKey);
    }

    private static String proven(String line) {
      return dev.chatshell.auth.PublicKeyLine.parse(line).publicKey();
    }

    @org.junit.jupiter.api.AfterEach
    void closeChecker() {
      checker.close();
    }

    @Test
    void theOperatorsKeyMakesAnOperatorWithoutAPasswordAndIsRecorded() {
      FakeContext bob = over("bob", proven(rootKey));

      bob.run("/OPER root");

      assertEquals(List.of(), bob.secretPrompts(), "no password asked for");
      assertEquals(List.of(), bob.errors());
      assertTrue(bob.user().isOperator());
      assertEquals(
          List.of("You are now a server operator (root): you may act in any channel."),
          bob.inbox().texts());
      assertEquals(1, recorded.size());
      ModerationAction oper = recorded.get(0);
      assertEquals(ModerationAction.Kind.OPER, oper.kind());
      assertEquals("bob", oper.actor());
      assertEquals("root", oper.target());
      assertEquals(
          "by key " + dev.chatshell.auth.PublicKeyLine.parse(rootKey).fingerprint(), oper.reason());
    }

    @Test
    void anotherKeyOrAnotherOperatorsNameAsksForThePasswordAsBefore() {
      FakeContext stranger = over("carol", proven(otherKey));
      FakeContext wrongName = over("dave", proven(rootKey));

      stranger.run("/OPER root");
      wrongName.run("/OPER admin");

      assertEquals(List.of("Password: "), stranger.secretPrompts());
      assertEquals(List.of("Password: "), wrongName.secretPrompts());
      assertFalse(stranger.user().isOperator());
      assertFalse(wrongName.user().isOperator());
      assertEquals(List.of(), recorded, "both disconnected at the prompt: nothing tried");
    }

    @Test
    void withTheKeyNotProvenTheKeyLineTypedOrNotChangesNothing() {
      FakeContext telnet = over("erin", null);

      telnet.run("/OPER root");

      assertEquals(List.of("Password: "), telnet.secretPrompts());
      assertFalse(telnet.chat().operByKey("root"), "no key bound to a telnet session");
      assertFalse(telnet.user().isOperator());
    }

    @Test
    void thePasswordStillWorksOverSshWithAnotherKey() {
      FakeContext carol = over("carol", proven(otherKey)).willType(PASSWORD);

      carol.run("/OPER root");

      assertTrue(carol.user().isOperator());
      assertEquals(null, recorded.get(0).reason(), "a password /OPER, as before");
    }

    @Test
    void anOperatorAlreadyIsToldSoWithoutAPrompt() {
      FakeContext bob = over("bob", proven(rootKey)).run("/OPER root").clear();

      bob.run("/OPER root");

      assertEquals(List.of("You are a server operator already."), bob.errors());
      assertEquals(List.of(), bob.secretPrompts());
    }
  }
}
