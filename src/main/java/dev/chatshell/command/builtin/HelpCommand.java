package dev.chatshell.command.builtin;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.Text;
import dev.chatshell.chat.User;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChannelArgument;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.CommandTable;
import dev.chatshell.command.CommandTable.Entry;
import dev.chatshell.command.Completion;
import dev.chatshell.command.Cost;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code HELP [command]}: lists every command, marking those the user cannot run where they are and
 * why ("[operators only]"), laid out for the width of their screen; or explains one command,
 * whoever asks. Commands for account holders ({@code /PASSWD}) are listed to them only. TAB
 * completion, unlike /HELP, offers only what the user may run (SPEC §4).
 */
@SlashCommand(
    name = "HELP",
    arguments = @Arg(name = "command", optional = true, completes = Completion.COMMAND),
    summary = "list the commands (marking those not for you here), or explain one",
    privilege = Privilege.ANYONE,
    cost = Cost.NONE)
public final class HelpCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    Privilege privilege = context.privilege();
    User user = context.user();
    if (arguments.isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      boolean marked = false;
      for (Entry entry : context.commands().entries()) {
        if (entry.spec().forAccounts() && user.account() == null) {
          continue;
        }
        String why = CommandTable.unavailable(entry, user, privilege);
        marked |= why != null;
        rows.add(
            new String[] {
              entry.synopsis(),
              entry.spec().summary()
                  + (why == null ? "" : " " + HelpLayout.together("[" + why + "]"))
            });
      }
      HelpLayout.table(rows, context.width()).forEach(context::reply);
      HelpLayout.paragraph(
              (marked ? "Commands marked [...] are not for you here; " : "")
                  + "/HELP <command> explains one.",
              0,
              context.width())
          .forEach(context::reply);
      HelpLayout.paragraph(
              "Text that does not start with / goes to your current channel; start it with // to"
                  + " send a line beginning with /.",
              0,
              context.width())
          .forEach(context::reply);
      return;
    }
    Entry entry = context.commands().find(arguments.word(0));
    if (entry == null) {
      throw new ChatException(
          ChatException.Reason.NO_SUCH_COMMAND,
          "There is no command /" + Text.visible(arguments.word(0)) + "; /HELP lists them all.",
          arguments.word(0));
    }
    context.reply(entry.synopsis());
    HelpLayout.paragraph(entry.spec().summary() + " (for " + who(entry) + ")", 2, context.width())
        .forEach(context::reply);
    String why = CommandTable.unavailable(entry, user, privilege);
    if (entry.spec().forAccounts() && user.account() == null) {
      why = "you have no account; /REGISTER makes one";
    }
    if (why != null) {
      HelpLayout.paragraph("Not for you here: " + why + ".", 2, context.width())
          .forEach(context::reply);
    }
  }

  private static String who(Entry entry) {
    SlashCommand spec = entry.spec();
    String who = spec.forAccounts() ? "users logged in to an account" : spec.privilege().who();
    if (spec.channelArgument() == ChannelArgument.FIRST && spec.privilege() == Privilege.MEMBER) {
      return who + "; for everyone with a channel named";
    }
    if (spec.channelArgument() == ChannelArgument.SCOPE) {
      return who + ", or of the channel named; with *, server operators";
    }
    return who;
  }
}
