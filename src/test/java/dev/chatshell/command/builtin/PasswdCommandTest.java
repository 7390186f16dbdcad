package dev.chatshell.command.builtin;

import static dev.chatshell.command.builtin.BuiltinFixture.refusal;
import static dev.chatshell.command.builtin.BuiltinFixture.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatshell.chat.ChatException;
import dev.chatshell.command.FakeContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /PASSWD changes the account's password: the current one, then the new one twice. */
class PasswdCommandTest extends StoredFixture {
  private static final String OLD = "correct horse";
  private static final String NEW = "battery staple";
  private final PasswdCommand passwd = new PasswdCommand();

  private FakeContext registered(String nick) {
    FakeContext user = connect(nick).willType(OLD).willType(OLD).run("/REGISTER");
    return user.clear();
  }

  @Test
  void theNewPasswordIsTheOneAskedAtTheNextLogin() {
    FakeContext alice = registered("alice").willType(OLD).willType(NEW).willType(NEW);

    run(passwd, alice, "");

    assertEquals(
        List.of(
            "Password for alice: ", "Again: ", "Current password: ", "New password: ", "Again: "),
        alice.secretPrompts());
    assertEquals(List.of("The password of alice has changed."), alice.inbox().texts());
    assertEquals("alice", loginAccount("alice", NEW));
    throttleNanos.addAndGet(Duration.ofMinutes(10).toNanos());
    assertEquals(
        "Wrong password for alice.",
        assertThrows(ChatException.class, () -> loginAccount("alice", OLD)).getMessage());
  }

  @Test
  void aWrongCurrentPasswordChangesNothing() {
    FakeContext alice = registered("alice").willType("not it at all").willType(NEW).willType(NEW);

    assertEquals(
        "That is not your current password; nothing was changed.", refusal(passwd, alice, ""));
    throttleNanos.addAndGet(Duration.ofMinutes(10).toNanos()); // the wrong guess's wait is over
    assertEquals("alice", loginAccount("alice", OLD));
  }

  @Test
  void withoutAnAccountThereIsNothingToChange() {
    FakeContext bob = connect("bob");

    assertEquals(
        "You have no account yet; /REGISTER makes one for your nick.", refusal(passwd, bob, ""));
    assertEquals(List.of(), bob.secretPrompts());
  }
}
