package dev.chatshell.command.builtin;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.Text;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/**
 * {@code SHUTDOWN [reason]}: stops the server as SIGTERM does. Every user is told the reason and
 * who gave it, their last lines are written, and the process exits. The operator console's way to
 * stop the server, where Ctrl-C only abandons the line being typed.
 */
@SlashCommand(
    name = "SHUTDOWN",
    arguments = @Arg(name = "reason", optional = true, rest = true),
    summary = "stop the server; everyone is told why",
    privilege = Privilege.SERVER_OPERATOR)
public final class ShutdownCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    String typed = Text.visible(arguments.rest(0)).strip();
    if (typed.length() > ChatServer.MAX_REASON_LENGTH) {
      throw new ChatException(
          ChatException.Reason.INVALID,
          "A reason is at most "
              + ChatServer.MAX_REASON_LENGTH
              + " characters; this one has "
              + typed.length()
              + ". The server keeps running.",
          ChatServer.MAX_REASON_LENGTH,
          typed.length());
    }
    String by = "server operator " + context.user().nick();
    context.stopServer(typed.isEmpty() ? by + " stopped it" : typed + " (" + by + ")");
  }
}
