package dev.chatshell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.ChatTestSupport;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gate alone decides for a command whose first argument names its channel: a plugin trusts it
 * and checks no rank of its own, so a name that is no channel, or "*", never slips through
 * unchecked.
 */
class ChannelArgumentGateTest {
  abstract static class Probe implements ChatCommand {
    int runs;

    @Override
    public void run(CommandContext context, Arguments arguments) {
      runs++;
    }
  }

  @SlashCommand(
      name = "NUKE",
      summary = "admins of the channel named",
      privilege = Privilege.SECONDARY_ADMIN,
      channelArgument = ChannelArgument.FIRST)
  static final class NukeProbe extends Probe {}

  @SlashCommand(
      name = "SWEEP",
      summary = "main admin of the channel named, or * for operators",
      privilege = Privilege.MAIN_ADMIN,
      channelArgument = ChannelArgument.SCOPE)
  static final class SweepProbe extends Probe {}

  private final ChatServer chat = ChatTestSupport.server(Clock.systemUTC(), 50);
  private final NukeProbe nuke = new NukeProbe();
  private final SweepProbe sweep = new SweepProbe();
  private final CommandTable table = new CommandTable(List.of(nuke, sweep));

  @Test
  void aUserInNoChannelCannotRunItOnAChannelThatDoesNotExistOrIsNoName() {
    FakeContext bob = new FakeContext(chat, table, "bob");

    bob.run("/nuke #doesnotexist").run("/nuke bad,name").run("/sweep #nope").run("/sweep *");

    assertEquals(0, nuke.runs + sweep.runs, "nothing ran: " + bob.errors());
    assertEquals(4, bob.errors().size(), bob.errors().toString());
    assertTrue(bob.errors().get(0).contains("no channel #doesnotexist"), bob.errors().get(0));
    assertTrue(bob.errors().get(3).contains("server operators"), bob.errors().get(3));
  }

  @Test
  void itRunsForTheChannelsAdminAndForAnOperatorEverywhere() {
    FakeContext alice = new FakeContext(chat, table, "alice");
    chat.join(alice.user(), "#real");
    FakeContext oscar = new FakeContext(chat, table, "oscar").actingAs(Privilege.SERVER_OPERATOR);

    alice.run("/nuke #real").run("/sweep #real");
    oscar.run("/nuke #doesnotexist").run("/sweep *");

    assertEquals(2, nuke.runs, alice.errors() + " " + oscar.errors());
    assertEquals(2, sweep.runs, alice.errors() + " " + oscar.errors());
  }
}
