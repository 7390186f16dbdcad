package dev.chatshell.command.builtin;

import dev.chatshell.chat.ChatException;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/**
 * {@code PRIVATE on|off}: makes the current channel private (joining takes an invitation or an
 * admin's acceptance) or open again.
 */
@SlashCommand(
    name = "PRIVATE",
    arguments = @Arg(name = "on-or-off", what = "on or off"),
    summary = "make the channel private (joins wait for an admin) or open it again",
    privilege = Privilege.MAIN_ADMIN)
public final class PrivateCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    String choice = arguments.word(0);
    boolean on =
        switch (choice.toLowerCase(java.util.Locale.ROOT)) {
          case "on" -> true;
          case "off" -> false;
          default ->
              throw new ChatException(
                  ChatException.Reason.INVALID, "Type /PRIVATE on or /PRIVATE off.");
        };
    context.chat().setPrivate(on);
  }
}
