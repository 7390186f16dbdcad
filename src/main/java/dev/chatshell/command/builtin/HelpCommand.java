package dev.chatshell.command.builtin;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.Text;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.CommandTable.Entry;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Cost;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.util.List;

/** {@code HELP [command]}: lists the commands the user may run where they are, or shows one. */
@SlashCommand(
    name = "HELP",
    usage = "[command]",
    summary = "list the commands you may use, or show one",
    privilege = Privilege.ANYONE,
    cost = Cost.NONE,
    completes = Completion.COMMAND)
public final class HelpCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    arguments.atMost(1);
    Privilege privilege = context.privilege();
    boolean inChannel = context.user().current() != null;
    if (arguments.isEmpty()) {
      List<Entry> visible = context.commands().visibleTo(privilege, inChannel);
      int width = visible.stream().mapToInt(e -> e.synopsis().length()).max().orElse(0);
      for (Entry entry : visible) {
        String synopsis = entry.synopsis();
        context.reply(
            synopsis + " ".repeat(width - synopsis.length() + 2) + entry.spec().summary());
      }
      context.reply(
          "Text that does not start with / goes to your current channel;"
              + " start it with // to send a line beginning with /.");
      return;
    }
    Entry entry = context.commands().find(arguments.word(0));
    if (entry == null || !CommandTable.allows(entry, privilege, inChannel)) {
      throw new ChatException(
          "No command /"
              + Text.visible(arguments.word(0))
              + " that you can use here; /HELP lists the ones you can.");
    }
    context.reply(entry.synopsis());
    context.reply("  " + entry.spec().summary() + " (for " + entry.spec().privilege().who() + ")");
  }
}
