package dev.chatshell.command.builtin;

import dev.chatshell.chat.JoinRequest;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Cost;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.util.List;

/** {@code REQUESTS}: the join requests and invitations waiting in the current channel. */
@SlashCommand(
    name = "REQUESTS",
    summary = "list the requests to join the channel, and its invitations",
    privilege = Privilege.SECONDARY_ADMIN,
    cost = Cost.NONE)
public final class RequestsCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    List<JoinRequest> waiting = context.chat().requests();
    if (waiting.isEmpty()) {
      context.reply("No requests or invitations are waiting.");
      return;
    }
    for (JoinRequest request : waiting) {
      context.reply(
          request.kind() == JoinRequest.Kind.REQUEST
              ? "  "
                  + request.nick()
                  + " asks to join: /ACCEPT "
                  + request.nick()
                  + " or /DENY "
                  + request.nick()
              : "  " + request.nick() + " is invited by " + request.by());
    }
  }
}
