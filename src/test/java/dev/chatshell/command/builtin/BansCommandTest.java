package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /BANS lists the bans in force, of the current channel or of another place named. */
class BansCommandTest extends BuiltinFixture {
  private final BansCommand bans = new BansCommand();

  @Test
  void listsTheBansOfTheCurrentChannel() {
    FakeContext alice = connect("alice").run("/JOIN #a");
    connect("bob").run("/JOIN #a");
    alice.run("/BAN bob 2h flooding").clear();

    run(bans, alice, "");

    assertEquals(2, alice.replies().size(), alice.replies().toString());
    assertEquals("1 ban on #a:", alice.replies().get(0));
    assertTrue(
        alice
            .replies()
            .get(1)
            .matches(
                "  bob by alice on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC,"
                    + " until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC: flooding"),
        alice.replies().get(1));
  }

  @Test
  void withNoBansItSaysSoForThePlaceAskedAbout() {
    FakeContext alice = connect("alice").run("/JOIN #a").run("/JOIN #b");

    run(bans, alice, "#a");

    assertEquals(List.of("No bans in force on #a."), alice.replies());
  }
}
