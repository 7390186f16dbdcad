package dev.chatshell.irc;

import dev.chatshell.chat.ChatApi;
import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.User;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.Cost;

/**
 * chatshell's slash commands that have no IRC form (/ACCEPT, /DENY, /REQUESTS, /IGNORE, /DEL, /KEY,
 * plugins such as /ROLL...), reachable from an IRC client as they are typed in the shell: {@code
 * /quote ACCEPT bob} sends {@code ACCEPT bob}, which runs {@code /ACCEPT bob} through the shell's
 * command table, with the same privilege checks; its replies come back as NOTICEs from the server.
 */
final class SlashCommands {
  private final CommandTable table;

  SlashCommands(CommandTable table) {
    this.table = table;
  }

  /** Runs the message as a slash command; false when no command has its name. */
  boolean run(IrcSession session, IrcMessage message, Response out) {
    CommandTable.Entry entry = table.find(message.command());
    if (entry == null) {
      return false;
    }
    // a command that costs a line in the shell costs one here: /quote MSG is /MSG
    if (entry.cost() == Cost.LINE && !session.flood().awaitTurn()) {
      return true;
    }
    StringBuilder line = new StringBuilder("/").append(message.command());
    for (String param : message.params()) {
      line.append(' ').append(param);
    }
    Context context = new Context(session, out);
    try {
      table.execute(context, line.toString());
    } catch (ChatException e) {
      out.notice(e.getMessage());
    }
    return true;
  }

  /** What a slash command run from IRC may use: replies as NOTICEs in this line's response. */
  private record Context(IrcSession session, Response out) implements CommandContext {
    @Override
    public ChatApi chat() {
      return session.chat();
    }

    @Override
    public User user() {
      return session.user();
    }

    @Override
    public CommandTable commands() {
      return session.services().commands();
    }

    @Override
    public void reply(String line) {
      out.notice(line);
    }

    @Override
    public void error(String line) {
      out.notice(line);
    }

    @Override
    public char[] readSecret(String prompt) {
      // An IRC client cannot be asked for a secret: REGISTER and PASSWD take theirs on the line.
      out.notice(prompt.strip() + " cannot be asked over IRC: give it on the line.");
      return null;
    }

    @Override
    public void disconnect(String reason) {
      out.line("ERROR :Closing link: " + out.nick() + " (" + reason + ")");
      session.quit(reason, out);
    }

    @Override
    public String transport() {
      return "irc";
    }
  }
}
