package dev.chatshell.command.builtin;

import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChannelArgument;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;

/** {@code UNBAN [#channel|*] <target>}: lifts a ban. */
@SlashCommand(
    name = "UNBAN",
    arguments = @Arg(name = "target", what = "nick, account:name or address to unban"),
    summary = "lift a ban",
    privilege = Privilege.SECONDARY_ADMIN,
    channelArgument = ChannelArgument.SCOPE)
public final class UnbanCommand implements ChatCommand {
  @Override
  public void run(CommandContext context, Arguments arguments) {
    BanCommand.Scoped scoped = BanCommand.Scoped.of(arguments);
    context.chat().unban(scoped.scope(), scoped.target());
  }
}
