package dev.chatshell.command.builtin;

import dev.chatshell.auth.PasswordHash;
import dev.chatshell.chat.ChatException;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.time.Duration;

/**
 * {@code OPER <name>}: becomes a server operator. A session that proved it holds one of that
 * operator's keys ({@code operator.<name>.key}, over SSH) needs nothing more; otherwise it asks for
 * the password without echoing it, and a wrong one costs a pause, so guessing is slow.
 */
@SlashCommand(
    name = "OPER",
    arguments = @Arg(name = "name", what = "operator name"),
    summary = "become a server operator (asks for the password)",
    privilege = Privilege.ANYONE)
public final class OperCommand implements ChatCommand {
  static final Duration PENALTY = Duration.ofSeconds(2);

  @Override
  public void run(CommandContext context, Arguments arguments) {
    String name = arguments.word(0);
    if (context.chat().operByKey(name)) {
      return; // the key this session logged in with is one of that operator's
    }
    char[] password = context.readSecret("Password: ");
    if (password == null) {
      return;
    }
    try {
      context.chat().oper(name, password);
    } catch (ChatException refused) {
      pause();
      throw refused;
    } finally {
      PasswordHash.wipe(password);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PENALTY);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
