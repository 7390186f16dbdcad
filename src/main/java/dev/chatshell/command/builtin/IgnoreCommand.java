package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.util.TreeSet;

/**
 * {@code IGNORE [nick]}: stops showing what a nick (or the account behind it) says, in channels and
 * privately; alone, lists who is ignored. Kept with the user's account.
 */
@SlashCommand(
    name = "IGNORE",
    arguments = @Arg(name = "nick", optional = true, completes = Completion.NICK),
    summary = "stop showing what a nick says to you, or list who you ignore",
    privilege = Privilege.ANYONE)
public final class IgnoreCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    String nick = arguments.word(0);
    if (nick != null) {
      context.chat().ignore(nick, true);
      return;
    }
    var ignored = new TreeSet<>(context.user().ignored());
    context.reply(
        ignored.isEmpty()
            ? "You ignore nobody; /IGNORE <nick> to stop seeing someone."
            : "You ignore: "
                + String.join(", ", ignored)
                + " (/UNIGNORE <nick> to see them again)");
  }
}
