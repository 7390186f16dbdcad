package dev.chatshell.command.builtin;

import static dev.chatshell.command.builtin.BuiltinFixture.refusal;
import static dev.chatshell.command.builtin.BuiltinFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /REGISTER makes an account of the nick (a password asked twice), or registers a channel. */
class RegisterCommandTest extends StoredFixture {
  private static final String PASSWORD = "correct horse";
  private final RegisterCommand register = new RegisterCommand();

  @Test
  void theNickBecomesAnAccountTheUserIsLoggedInTo() {
    FakeContext alice = connect("alice").willType(PASSWORD).willType(PASSWORD);

    run(register, alice, "");

    assertEquals(List.of("Password for alice: ", "Again: "), alice.secretPrompts());
    assertEquals("alice", alice.user().account());
    assertEquals(
        List.of(
            "You registered alice. From now on, logging in as alice asks for this password, and"
                + " several terminals may log in to it at once."),
        alice.inbox().texts());
    assertEquals("alice", loginAccount("alice", PASSWORD), "the password opens the account");
  }

  @Test
  void twoDifferentPasswordsRegisterNothing() {
    FakeContext alice = connect("alice").willType(PASSWORD).willType("something else");

    assertEquals("The two passwords differ; nothing was registered.", refusal(register, alice, ""));
    assertNull(alice.user().account());
  }

  @Test
  void aMainAdminWithAnAccountRegistersTheChannel() {
    FakeContext alice = connect("alice").willType(PASSWORD).willType(PASSWORD);
    run(register, alice, "");
    alice.run("/JOIN #a").clear();

    run(register, alice, "#A");

    assertTrue(server.channel("#a").isRegistered());
    assertEquals(
        List.of(
            "alice registered #a: it stays when everyone leaves, alice is its main admin (~) for"
                + " good, and secondary admins with accounts are kept."),
        alice.inbox().texts());
  }
}
