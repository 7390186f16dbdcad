package dev.chatshell.command.builtin;

import dev.chatshell.auth.NewPassword;
import dev.chatshell.auth.PasswordHash;
import dev.chatshell.chat.ChatException;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

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
    char[] current = context.readSecret("Current password: ");
    if (current == null) {
      return;
    }
    try (NewPassword replacement = NewPassword.ask(context::readSecret, "New password: ")) {
      if (replacement.outcome() == NewPassword.Outcome.DIFFERENT) {
        throw new ChatException(
            ChatException.Reason.INVALID, "The two new passwords differ; nothing was changed.");
      }
      if (replacement.outcome() == NewPassword.Outcome.GIVEN) {
        context.chat().changePassword(current, replacement.password());
      }
    } finally {
      PasswordHash.wipe(current);
    }
  }
}
