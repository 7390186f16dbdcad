package dev.chatshell.games;

import dev.chatshell.chat.ChatException;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ROLL [NdM]}: rolls dice, 1d6 by default. In a channel everyone there sees the roll;
 * outside one, only the player does.
 */
@SlashCommand(
    name = "ROLL",
    arguments = @Arg(name = "NdM", optional = true),
    summary = "roll dice (2d6, d20...) for the channel to see",
    privilege = Privilege.ANYONE)
public final class RollCommand implements ChatCommand {
  private static final Pattern DICE = Pattern.compile("(\\d{1,2})?[dD](\\d{1,4})");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void run(CommandContext context, Arguments arguments) {
    String spec = arguments.isEmpty() ? "1d6" : arguments.word(0);
    Matcher dice = DICE.matcher(spec);
    if (!dice.matches()) {
      throw new ChatException("Say how many dice of how many sides, like 2d6 or d20.");
    }
    int count = dice.group(1) == null ? 1 : Integer.parseInt(dice.group(1));
    int sides = Integer.parseInt(dice.group(2));
    if (count < 1 || count > 20 || sides < 2 || sides > 1000) {
      throw new ChatException("Roll 1 to 20 dice of 2 to 1000 sides.");
    }
    List<String> faces = new ArrayList<>();
    int total = 0;
    for (int i = 0; i < count; i++) {
      int face = 1 + RANDOM.nextInt(sides);
      faces.add(String.valueOf(face));
      total += face;
    }
    String result =
        context.user().nick()
            + " rolls "
            + count
            + "d"
            + sides
            + ": "
            + (count == 1 ? String.valueOf(total) : String.join(" + ", faces) + " = " + total);
    if (context.user().current() == null) {
      context.reply(result);
    } else {
      context.chat().notice(result);
    }
  }
}
