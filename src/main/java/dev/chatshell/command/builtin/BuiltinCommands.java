package dev.chatshell.command.builtin;

import dev.chatshell.command.ChatCommand;
import java.util.List;

/** The commands that ship with the server: one registration line each. */
public final class BuiltinCommands {
  private BuiltinCommands() {}

  public static List<ChatCommand> all() {
    return List.of(
        new HelpCommand(),
        new ListCommand(),
        new JoinCommand(),
        new LeaveCommand(),
        new WhoCommand(),
        new CurrentCommand(),
        new MsgCommand(),
        new NickCommand(),
        new RegisterCommand(),
        new PasswdCommand(),
        new KeyCommand(),
        new TopicCommand(),
        new TopicLockCommand(),
        new HistoryCommand(),
        new MeCommand(),
        new AwayCommand(),
        new IgnoreCommand(),
        new UnignoreCommand(),
        new ByeCommand(),
        new KickCommand(),
        new GrantCommand(),
        new RevokeCommand(),
        new RenCommand(),
        new DelCommand(),
        new PrivateCommand(),
        new LimitCommand(),
        new InviteCommand(),
        new AcceptCommand(),
        new DenyCommand(),
        new RequestsCommand(),
        new KillCommand(),
        new ShutdownCommand(),
        new BanCommand(),
        new UnbanCommand(),
        new BansCommand(),
        new OperCommand(),
        new SetCommand());
  }
}
