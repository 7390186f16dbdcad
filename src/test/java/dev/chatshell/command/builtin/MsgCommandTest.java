package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.chat.PrivateMessage;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class MsgCommandTest extends BuiltinFixture {
  private final FakeContext alice = connect("alice");
  private final FakeContext bob = connect("bob");
  private final FakeContext carol = connect("carol");

  private static List<String> seen(FakeContext who) {
    return who.inbox().ofType(PrivateMessage.class).stream()
        .map(m -> m.from() + " -> " + String.join(";", m.to()) + ": " + m.text())
        .toList();
  }

  @Test
  void sendsToOneUserKeepingTheTextAsTyped() {
    alice.run("/MSG bob hello   there ");

    assertEquals(List.of("alice -> bob: hello   there"), seen(bob));
    assertEquals(List.of("alice -> bob: hello   there"), seen(alice));
    assertEquals(List.of(), seen(carol));
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void sendsToSeveralUsers() {
    alice.run("/msg bob;CAROL lunch?");

    assertEquals(List.of("alice -> bob;carol: lunch?"), seen(bob));
    assertEquals(List.of("alice -> bob;carol: lunch?"), seen(carol));
    assertEquals(List.of("alice -> bob;carol: lunch?"), seen(alice));
  }

  @Test
  void namesTheRecipientsThatAreNotOnline() {
    alice.run("/MSG bob;ghost boo");

    assertEquals(
        List.of("No user called ghost is online; the others got the message."), alice.errors());
    assertEquals(List.of("alice -> bob: boo"), seen(bob));
  }

  @Test
  void missingTextIsAUsageError() {
    alice.run("/MSG bob");
    alice.run("/MSG bob    ");

    String error = "Missing message text. Usage: /MSG <nick>[;<nick>...] <text>";
    assertEquals(List.of(error, error), alice.errors());
    assertEquals(List.of(), bob.inbox().events());
  }

  @Test
  void missingNickIsAUsageError() {
    alice.run("/MSG");

    assertEquals(List.of("Missing nick. Usage: /MSG <nick>[;<nick>...] <text>"), alice.errors());
  }

  @Test
  void worksWithoutBeingInAChannel() {
    alice.run("/MSG bob hi");

    assertEquals(List.of(), alice.errors());
    assertEquals(1, seen(bob).size());
  }
}
