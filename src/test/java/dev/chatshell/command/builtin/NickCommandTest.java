package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class NickCommandTest extends BuiltinFixture {

  @Test
  void changesTheNickAndTellsTheUsersChannels() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    alice.clear();
    bob.clear();

    alice.run("/NICK alicia");

    assertEquals("alicia", alice.user().nick());
    assertEquals(List.of("You are now known as alicia."), alice.inbox().texts());
    assertEquals(List.of("alice is now known as alicia"), bob.inbox().texts());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void aTakenNickIsRefused() {
    connect("Bob");
    FakeContext alice = connect("alice").run("/nick BOB");

    assertEquals(List.of("The nickname BOB is taken; choose another."), alice.errors());
    assertEquals("alice", alice.user().nick());
  }

  @Test
  void anInvalidNickIsRefusedWithTheReason() {
    FakeContext alice = connect("alice").run("/NICK 2alice");

    assertEquals(List.of("A nickname cannot start with a digit or '-'."), alice.errors());
    assertEquals("alice", alice.user().nick());
  }

  @Test
  void aMissingNickIsAUsageError() {
    FakeContext alice = connect("alice").run("/NICK");

    assertEquals(List.of("Missing new nickname. Usage: /NICK <nick>"), alice.errors());
  }

  @Test
  void aNickWithSpacesIsAUsageError() {
    FakeContext alice = connect("alice").run("/NICK al ice");

    assertEquals(List.of("Too many arguments. Usage: /NICK <nick>"), alice.errors());
    assertEquals("alice", alice.user().nick());
  }
}
