package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByeCommandTest extends BuiltinFixture {

  @Test
  void disconnectsWithTheReasonAsTyped() {
    FakeContext alice = connect("alice").run("/BYE  gone  for lunch ");

    assertEquals("gone  for lunch", alice.disconnectReason());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void disconnectsWithoutAReason() {
    FakeContext alice = connect("alice").run("/bye");

    assertEquals("", alice.disconnectReason());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void worksFromInsideAChannel() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/BYE later");

    assertEquals("later", alice.disconnectReason());
  }
}
