package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListCommandTest extends BuiltinFixture {

  @Test
  void saysSoWhenThereAreNoChannels() {
    FakeContext alice = connect("alice").run("/LIST");

    assertEquals(List.of("No channels yet; /JOIN #name creates one."), alice.replies());
    assertEquals(List.of(), alice.errors());
  }

  @Test
  void listsOneChannel() {
    FakeContext alice = connect("alice").run("/JOIN #solo").run("/list");

    assertEquals(List.of("1 channel:", "  #solo  1 member"), alice.replies());
  }

  @Test
  void listsChannelsByNameWithAlignedMemberCounts() {
    FakeContext alice = connect("alice").run("/JOIN #zeta");
    connect("bob").run("/JOIN #zeta").run("/JOIN #alphabet");
    connect("carol").run("/JOIN zeta");

    alice.run("/LIST");

    assertEquals(
        List.of("2 channels:", "  #alphabet  1 member", "  #zeta      3 members"), alice.replies());
  }

  @Test
  void countsFollowDepartures() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    FakeContext bob = connect("bob").run("/JOIN #a");
    bob.run("/LEAVE");

    alice.run("/LIST");

    assertEquals(List.of("1 channel:", "  #a  1 member"), alice.replies());
  }

  @Test
  void takesNoArguments() {
    FakeContext alice = connect("alice").run("/LIST #a");

    assertEquals(List.of("Too many arguments. Usage: /LIST"), alice.errors());
    assertEquals(List.of(), alice.replies());
  }
}
