package dev.chatshell.command.builtin;

import dev.chatshell.chat.Ban;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChannelArgument;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Cost;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code BANS [#channel|*]}: the bans in force, with who set them, why and until when. */
@SlashCommand(
    name = "BANS",
    summary = "list the bans of the channel (or of the server: *) with who set them and why",
    privilege = Privilege.MEMBER,
    cost = Cost.NONE,
    channelArgument = ChannelArgument.SCOPE)
public final class BansCommand implements ChatCommand {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Override
  public void run(CommandContext context, Arguments arguments) {
    String scope = arguments.word(0);
    List<Ban> bans = context.chat().bans(scope);
    String where =
        "*".equals(scope) ? "the server" : scope == null ? context.user().current().name() : scope;
    if (bans.isEmpty()) {
      context.reply("No bans in force on " + where + ".");
      return;
    }
    context.reply(bans.size() + (bans.size() == 1 ? " ban" : " bans") + " on " + where + ":");
    for (Ban ban : bans) {
      context.reply(
          "  "
              + ban.shown()
              + " by "
              + ban.by()
              + " on "
              + WHEN.format(ban.at())
              + ", "
              + ban.untilText()
              + (ban.reason() == null ? "" : ": " + ban.reason()));
    }
  }
}
