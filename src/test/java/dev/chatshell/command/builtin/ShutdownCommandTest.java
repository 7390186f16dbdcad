package dev.chatshell.command.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.command.FakeContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /SHUTDOWN through the real command table: who may stop the server, and with what reason. */
class ShutdownCommandTest extends BuiltinFixture {

  private FakeContext operator(String nick) {
    FakeContext context = connect(nick);
    server.promote(context.user(), "test");
    return context.clear();
  }

  @Test
  void anOperatorStopsTheServerWithTheReasonAndTheirName() {
    FakeContext oscar = operator("oscar").run("/shutdown  disk swap at 5 ");

    assertEquals(List.of(), oscar.errors());
    assertEquals(List.of("disk swap at 5 (server operator oscar)"), oscar.stopRequests());
  }

  @Test
  void withoutAReasonEveryoneIsToldWhoStoppedIt() {
    FakeContext oscar = operator("oscar").run("/SHUTDOWN");

    assertEquals(List.of("server operator oscar stopped it"), oscar.stopRequests());
  }

  @Test
  void aChannelAdminWhoIsNoOperatorIsRefusedAndNothingStops() {
    FakeContext alice = connect("alice").run("/join #a").clear();

    alice.run("/shutdown now");

    assertEquals(1, alice.errors().size(), alice.errors().toString());
    assertEquals("/SHUTDOWN is for server operators; you are not.", alice.errors().getFirst());
    assertEquals(List.of(), alice.stopRequests());
  }

  @Test
  void aReasonTooLongIsRefusedAndTheServerKeepsRunning() {
    FakeContext oscar = operator("oscar");

    oscar.run("/shutdown " + "x".repeat(ChatServer.MAX_REASON_LENGTH + 1));

    assertEquals(
        List.of("A reason is at most 300 characters; this one has 301. The server keeps running."),
        oscar.errors());
    assertEquals(List.of(), oscar.stopRequests());
  }

  @Test
  void controlCharactersInTheReasonAreMadeVisible() {
    FakeContext oscar = operator("oscar").run("/shutdown bye\u001b[2J");

    assertEquals(List.of("bye^[[2J (server operator oscar)"), oscar.stopRequests());
  }
}
