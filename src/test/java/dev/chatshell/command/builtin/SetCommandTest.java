package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.Preferences;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /SET through the real command table: show, change, toggle, and clear errors for bad input. */
class SetCommandTest extends BuiltinFixture {
  private final FakeContext alice = connect("alice");

  @Test
  void aloneItListsTheSettings() {
    alice.run("/set");
    assertEquals(
        List.of(
            "timestamps off, autojoin on (until you leave; /REGISTER keeps them with your nick)."
                + " /SET <setting> on|off changes one."),
        alice.replies());
  }

  @Test
  void timestampsOnAndOffInAnyCase() {
    alice.run("/SET Timestamps ON");
    assertTrue(alice.user().preferences().timestamps());
    assertEquals(
        List.of(
            "timestamps is now on: lines start with the time they were said (HH:MM, UTC) (until"
                + " you leave; /REGISTER keeps them with your nick)."),
        alice.replies());
    alice.clear().run("/set timestamps");
    assertEquals(List.of("timestamps is on."), alice.replies());
    alice.run("/set timestamps off");
    assertFalse(alice.user().preferences().timestamps());
  }

  @Test
  void toggleFlipsAutojoin() {
    alice.run("/set autojoin toggle");
    assertEquals(Preferences.DEFAULTS.withAutojoin(false), alice.user().preferences());
    alice.run("/set autojoin toggle");
    assertEquals(Preferences.DEFAULTS, alice.user().preferences());
  }

  @Test
  void badInputIsOneClearErrorAndChangesNothing() {
    alice.run("/set colour on");
    alice.run("/set timestamps maybe");
    alice.run("/set timestamps on now");
    assertEquals(
        List.of(
            "There is no setting colour; the settings are timestamps and autojoin.",
            "/SET timestamps takes on, off or toggle, not maybe.",
            "Too many arguments. Usage: /SET [setting] [on|off|toggle]"),
        alice.errors());
    assertEquals(Preferences.DEFAULTS, alice.user().preferences());
  }
}
