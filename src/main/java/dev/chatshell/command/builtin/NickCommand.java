package dev.chatshell.command.builtin;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/**
 * {@code NICK <nick>}: changes the user's nickname. A nick registered to an account asks for its
 * password, and logs the user in to that account.
 */
@SlashCommand(
    name = "NICK",
    arguments = @Arg(name = "nick", what = "new nickname"),
    summary = "change your nickname (a registered one asks for its password)",
    privilege = Privilege.ANYONE)
public final class NickCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    String nick = arguments.word(0);
    if (!context.chat().needsPassword(nick)) {
      context.chat().changeNick(nick);
      return;
    }
    char[] password = context.readSecret("Password for " + nick + ": ");
    if (password == null) {
      return;
    }
    try {
      context.chat().changeNick(nick, password);
    } finally {
      PasswordHash.wipe(password);
    }
  }
}
