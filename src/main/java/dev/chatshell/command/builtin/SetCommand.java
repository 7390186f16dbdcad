package dev.chatshell.command.builtin;

import dev.chatshell.chat.ChatException;
import dev.chatshell.chat.Preferences;
import dev.chatshell.chat.User;
import dev.chatshell.command.Arg;
import dev.chatshell.command.Arguments;
import dev.chatshell.command.ChatCommand;
import dev.chatshell.command.CommandContext;
import dev.chatshell.command.Privilege;
import dev.chatshell.command.SlashCommand;
import java.util.Locale;

/**
 * {@code SET [setting [on|off|toggle]]}: shows or changes the user's own settings, as irssi's
 * {@code /SET} does: {@code timestamps} (live lines start with {@code HH:MM}, UTC) and {@code
 * autojoin} (logging in joins again the registered channels where the account holds a role). Kept
 * with the account; a guest's last until they leave (and are kept if they /REGISTER).
 */
@SlashCommand(
    name = "SET",
    arguments = {
      @Arg(name = "setting", optional = true),
      @Arg(name = "on|off|toggle", optional = true)
    },
    summary = "show or change your settings: timestamps on lines, autojoin at login",
    privilege = Privilege.ANYONE)
public final class SetCommand implements ChatCommand {
  private static final String NAMES = "timestamps and autojoin";

  @Override
  public void run(CommandContext context, Arguments arguments) {
    User user = context.user();
    Preferences mine = user.preferences();
    String name = arguments.word(0);
    if (name == null) {
      context.reply(
          "timestamps "
              + onOff(mine.timestamps())
              + ", autojoin "
              + onOff(mine.autojoin())
              + kept(user)
              + " /SET <setting> on|off changes one.");
      return;
    }
    String setting = name.toLowerCase(Locale.ROOT);
    boolean now;
    switch (setting) {
      case "timestamps" -> now = mine.timestamps();
      case "autojoin" -> now = mine.autojoin();
      default ->
          throw new ChatException(
              ChatException.Reason.INVALID,
              "There is no setting " + name + "; the settings are " + NAMES + ".",
              name);
    }
    String value = arguments.word(1);
    if (value == null) {
      context.reply(setting + " is " + onOff(now) + ".");
      return;
    }
    String typed = value.toLowerCase(Locale.ROOT);
    if (!typed.equals("on") && !typed.equals("off") && !typed.equals("toggle")) {
      throw new ChatException(
          ChatException.Reason.INVALID,
          "/SET " + setting + " takes on, off or toggle, not " + value + ".",
          setting,
          value);
    }
    boolean timestamps = setting.equals("timestamps");
    // Decided on the choices as they are when the change is made (another terminal of the
    // account may have changed the other setting meanwhile), so none is lost.
    Preferences chosen =
        context
            .chat()
            .changePreferences(
                p -> {
                  boolean was = timestamps ? p.timestamps() : p.autojoin();
                  boolean on = typed.equals("toggle") ? !was : typed.equals("on");
                  return timestamps ? p.withTimestamps(on) : p.withAutojoin(on);
                });
    boolean on = timestamps ? chosen.timestamps() : chosen.autojoin();
    context.reply(setting + " is now " + onOff(on) + ": " + meaning(setting, on) + kept(user));
  }

  private static String meaning(String setting, boolean on) {
    if (setting.equals("timestamps")) {
      return on ? "lines start with the time they were said (HH:MM, UTC)" : "lines show no time";
    }
    return on
        ? "logging in joins your registered channels again"
        : "logging in joins no channel by itself";
  }

  private static String kept(User user) {
    return user.account() != null
        ? " (kept with your account)."
        : " (until you leave; /REGISTER keeps them with your nick).";
  }

  private static String onOff(boolean on) {
    return on ? "on" : "off";
  }
}
