package dev.chatshell.games;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChatException;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * {@code ROULETTE}: each channel has a six-chamber revolver with one bullet. Every pull moves to
 * the next chamber; whoever gets the bullet is out of the channel, and the revolver is reloaded.
 * Members only: it is played in a channel, in front of everyone.
 */
@SlashCommand(
    name = "ROULETTE",
    summary = "six chambers, one bullet: the loser leaves the channel",
    privilege = Privilege.MEMBER)
public final class RouletteCommand implements ChatCommand {
  private static final int CHAMBERS = 6;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Per channel: how many empty chambers are left before the bullet. Weak keys: a channel that
   * disappears takes its revolver with it.
   */
  private final Map<Channel, Integer> revolvers = Collections.synchronizedMap(new WeakHashMap<>());

  @Override
  public void run(CommandContext context, Arguments arguments) {
    Channel channel = context.user().current();
    if (channel == null) { // kicked or left between the table's check and now
      throw new ChatException("Roulette is played in a channel: /JOIN one first.");
    }
    String nick = context.user().nick();
    int[] left = new int[1];
    revolvers.compute(
        channel,
        (c, empty) -> {
          int before = empty == null ? RANDOM.nextInt(CHAMBERS) : empty;
          left[0] = before;
          return before == 0 ? null : before - 1; // fired: the next pull reloads
        });
    if (left[0] > 0) {
      context.chat().notice(nick + " pulls the trigger... click. " + nick + " lives.");
      return;
    }
    context.chat().notice(nick + " pulls the trigger... BANG! " + nick + " is out.");
    context.chat().leave(channel.name(), "lost at roulette");
  }
}
