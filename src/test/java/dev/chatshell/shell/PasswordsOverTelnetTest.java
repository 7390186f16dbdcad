package dev.chatshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.chatshell.chat.Accounts;
import dev.chatshell.chat.ChatPorts;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import dev.chatshell.chat.PasswordCheck;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.builtin.BuiltinCommands;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Passwords typed over telnet from another machine (issue 14, item 6): the login of a registered
 * nick and every command that asks for a password warn first, or refuse, as {@code
 * telnet.passwords} says; from this machine nothing is said. Whole sessions over a scripted
 * connection, against a domain whose accounts are a mock (alice, password "secret").
 */
class PasswordsOverTelnetTest {
  private static final String FAR = "203.0.113.7"; // TEST-NET-3: another machine
  private static final String WARNING_START = "Careful: over telnet your password travels";

  private Accounts accounts;
  private ChatServer chat;

  @BeforeEach
  void aliceIsRegistered() {
    accounts = mock(Accounts.class);
    when(accounts.names()).thenReturn(List.of("alice"));
    when(accounts.check(anyString(), eq("alice"), any()))
        .thenAnswer(
            call ->
                Arrays.equals(call.getArgument(2), "secret".toCharArray())
                    ? PasswordCheck.ACCEPTED
                    : PasswordCheck.REFUSED);
    when(accounts.register(anyString(), anyString(), any())).thenReturn(true);
    when(accounts.ignored(anyString())).thenReturn(Set.of());
    chat = ChatTestSupport.server(ChatPorts.none(Clock.systemUTC()).withAccounts(accounts));
  }

  @Test
  void aLoginFromAnotherMachineIsWarnedBeforeThePasswordIsTypedAndNamesTheSshCommand()
      throws Exception {
    String screen =
        session(CleartextPasswords.DEFAULT, new ScriptedConnection().from(FAR), "alice", "secret");
    String warning =
        "Careful: over telnet your password travels in the clear; ssh -p 2222 alice@<this host>"
            + " keeps it private.";
    assertTrue(screen.contains(warning + "\n"), screen);
    assertTrue(screen.indexOf(warning) < screen.indexOf("Password: "), "warned first: " + screen);
    assertTrue(screen.contains("Welcome, alice"), "and the login goes on: " + screen);
  }

  @Test
  void withoutAnSshDoorTheWarningNamesNoCommand() throws Exception {
    String screen =
        session(
            new CleartextPasswords(CleartextPasswords.Policy.WARN, 0),
            new ScriptedConnection().from(FAR),
            "alice",
            "secret");
    assertTrue(
        screen.contains(
            "Careful: over telnet your password travels in the clear, readable on its way.\n"),
        screen);
    assertFalse(screen.contains("ssh -p"), screen);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.3.2.1", "::1", "::ffff:127.0.0.1"})
  void aLoginFromThisMachineIsNotWarned(String address) throws Exception {
    String screen =
        session(
            CleartextPasswords.DEFAULT, new ScriptedConnection().from(address), "alice", "secret");
    assertFalse(screen.contains(WARNING_START), screen);
    assertTrue(screen.contains("Welcome, alice"), screen);
  }

  @Test
  void anEncryptedConnectionIsNotWarnedFromAnywhere() throws Exception {
    ScriptedConnection encrypted = spy(new ScriptedConnection().from(FAR));
    doReturn(true).when(encrypted).encrypted();
    String screen = session(CleartextPasswords.DEFAULT, encrypted, "alice", "secret");
    assertFalse(screen.contains(WARNING_START), screen);
    assertTrue(screen.contains("Welcome, alice"), screen);
  }

  @Test
  void withAllowNothingIsSaid() throws Exception {
    String screen =
        session(
            new CleartextPasswords(CleartextPasswords.Policy.ALLOW, 2222),
            new ScriptedConnection().from(FAR),
            "alice",
            "secret");
    assertFalse(screen.contains(WARNING_START), screen);
    assertTrue(screen.contains("Welcome, alice"), screen);
  }

  @Test
  void withRefuseNoPasswordIsAskedAndTheNicknamePromptComesBack() throws Exception {
    String screen =
        session(
            new CleartextPasswords(CleartextPasswords.Policy.REFUSE, 2222),
            new ScriptedConnection().from(FAR),
            "alice",
            "bob");
    assertTrue(
        screen.contains(
            "alice is a registered nick. Passwords are refused over telnet here; come in with ssh"
                + " -p 2222 alice@<this host>.\n"),
        screen);
    assertFalse(screen.contains("Password: "), "never asked: " + screen);
    assertEquals(2, count(screen, "Nickname: "), "asked for another nick: " + screen);
    assertTrue(screen.contains("Welcome, bob"), "an unregistered nick still comes in: " + screen);
    verify(accounts, never()).check(anyString(), anyString(), any());
  }

  @Test
  void withRefuseFromThisMachineThePasswordIsAskedAsBefore() throws Exception {
    String screen =
        session(
            new CleartextPasswords(CleartextPasswords.Policy.REFUSE, 2222),
            new ScriptedConnection().from("127.0.0.1"),
            "alice",
            "secret");
    assertTrue(screen.contains("Welcome, alice"), screen);
  }

  @Test
  void registerWarnsOnceBeforeItsTwoPromptsFromAnotherMachine() throws Exception {
    String screen =
        session(
            CleartextPasswords.DEFAULT,
            new ScriptedConnection().from(FAR),
            "bob",
            "/register",
            "pw-of-bob",
            "pw-of-bob");
    String warning =
        "Careful: over telnet your password travels in the clear; ssh -p 2222 bob@<this host>"
            + " keeps it private.";
    assertEquals(1, count(screen, WARNING_START), "one warning for one command: " + screen);
    assertTrue(
        screen.indexOf(warning) < screen.indexOf("Password for bob: "), "warned first: " + screen);
    verify(accounts).register(eq(FAR), eq("bob"), any());
  }

  @Test
  void operWarnsBeforeItsPromptFromAnotherMachine() throws Exception {
    String screen =
        session(
            CleartextPasswords.DEFAULT, new ScriptedConnection().from(FAR), "bob", "/oper root");
    assertTrue(screen.indexOf(WARNING_START) >= 0, screen);
    assertTrue(screen.indexOf(WARNING_START) < screen.indexOf("Password: "), screen);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/register", "/oper root", "/nick alice"})
  void withRefuseCommandsThatAskForAPasswordAreRefusedBeforeAsking(String command)
      throws Exception {
    String screen =
        session(
            new CleartextPasswords(CleartextPasswords.Policy.REFUSE, 2222),
            new ScriptedConnection().from(FAR),
            "bob",
            command,
            "/nick carol");
    assertTrue(
        screen.contains(
            "Passwords are refused over telnet here; come in with ssh -p 2222 bob@<this host>.\n"),
        screen);
    assertFalse(
        screen.contains("Password: ") || screen.contains("Password for"),
        "no password prompt: " + screen);
    assertTrue(
        screen.contains("You are now known as carol"), "the next line is a command: " + screen);
    verify(accounts, never()).register(anyString(), anyString(), any());
    verify(accounts, never()).check(anyString(), anyString(), any());
  }

  /** Runs one whole session typing {@code lines}, then end of input; returns what it was sent. */
  private String session(
      CleartextPasswords cleartext, ScriptedConnection connection, String... lines)
      throws Exception {
    ShellSettings settings = TestSettings.with(cleartext);
    for (String line : lines) {
      connection.chunk(line + "\n");
    }
    try (SessionManager manager =
        new SessionManager(chat, new CommandTable(BuiltinCommands.all()), settings)) {
      Thread session = Thread.ofVirtual().start(() -> manager.handle(connection));
      session.join(Duration.ofSeconds(20));
      assertFalse(session.isAlive(), "the session ended at the end of its input");
    }
    return connection.written().replace("\r\n", "\n");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
