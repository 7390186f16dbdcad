package dev.chatshell.command.builtin;

import dev.chatshell.chat.ChatException;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.util.Arrays;

/** {@code PASSWD}: changes the password of the user's account; asks for the current one first. */
@SlashCommand(
    name = "PASSWD",
    summary = "change your account's password (asks for the current one)",
    privilege = Privilege.ANYONE,
    forAccounts = true)
public final class PasswdCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    if (context.user().account() == null) {
      throw new ChatException(
          ChatException.Reason.NO_ACCOUNT,
          "You have no account yet; /REGISTER makes one for your nick.");
    }
    char[] current = null;
    char[] replacement = null;
    char[] again = null;
    try {
      current = context.readSecret("Current password: ");
      if (current == null) {
        return;
      }
      replacement = context.readSecret("New password: ");
      if (replacement == null) {
        return;
      }
      again = context.readSecret("Again: ");
      if (again == null) {
        return;
      }
      if (!Arrays.equals(replacement, again)) {
        throw new ChatException(
            ChatException.Reason.INVALID, "The two new passwords differ; nothing was changed.");
      }
      context.chat().changePassword(context.user(), current, replacement);
    } finally {
      Passwords.wipe(current, replacement, again);
    }
  }
}
