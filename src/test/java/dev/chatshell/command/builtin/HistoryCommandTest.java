package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HistoryCommandTest extends BuiltinFixture {

  /** Issue 12: "/history -3" answered that private history is kept for accounts only. */
  @ParameterizedTest
  @ValueSource(strings = {"-3", "0", "+0", "201", "99999999999"})
  void aCountOutOfRangeIsAboutTheCountNotAboutAccounts(String count) {
    FakeContext alice = connect("alice").run("/JOIN #a").clear();

    alice.run("/history " + count);

    assertEquals(List.of("Ask for 1 to 200 lines: /HISTORY [nick] [n]."), alice.errors());
    assertEquals(List.of(), alice.replies());
  }
}
