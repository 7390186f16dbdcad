package dev.chatshell.irc;

import dev.chatshell.chat.ChatException;
import java.util.Arrays;

/**
 * Accounts and server operators from an IRC client: REGISTER and PASSWD (the shell's /REGISTER and
 * /PASSWD, with the passwords on the line since an IRC client cannot be asked for them), OPER and
 * KILL.
 */
final class AccountCommands {
  private AccountCommands() {}

  /**
   * {@code REGISTER password}, or IRCv3's {@code REGISTER account email password} (the account must
   * be the user's nick, or {@code *}; the email is not kept): registers the nick as an account. And
   * {@code REGISTER #channel}, as in the shell, registers a channel.
   */
  static void register(IrcSession s, IrcMessage m, Response out) {
    String first = m.param(0);
    if (first.startsWith("#")) {
      s.chat().registerChannel(first);
      out.notice("Registered " + first + ".");
      return;
    }
    String account = m.params().size() >= 3 ? m.param(0) : "*";
    if (!account.equals("*") && !account.equalsIgnoreCase(s.user().nick())) {
      out.line(
          "FAIL REGISTER ACCOUNT_NAME_MUST_BE_NICK "
              + account
              + " :An account is registered under your current nick");
      return;
    }
    char[] password = m.param(m.params().size() - 1).toCharArray();
    try {
      s.chat().register(password);
      out.line("REGISTER SUCCESS " + s.user().account() + " :Account created");
      out.numeric(
          "900",
          Masks.of(s.user().nick(), out.server()),
          s.user().account(),
          "You are now logged in as " + s.user().account());
    } catch (ChatException e) {
      out.line(
          "FAIL REGISTER "
              + (e.reason() == ChatException.Reason.ALREADY
                  ? "ALREADY_AUTHENTICATED"
                  : "BAD_PASSWORD")
              + " "
              + s.user().nick()
              + " :"
              + e.getMessage());
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** {@code PASSWD current new}: the shell's /PASSWD. */
  static void passwd(IrcSession s, IrcMessage m, Response out) {
    char[] current = m.param(0).toCharArray();
    char[] replacement = m.param(1).toCharArray();
    try {
      s.chat().changePassword(current, replacement);
      out.notice("Password changed.");
    } catch (ChatException e) {
      out.notice(e.getMessage());
    } finally {
      Arrays.fill(current, '\0');
      Arrays.fill(replacement, '\0');
    }
  }

  static void oper(IrcSession s, IrcMessage m, Response out) {
    char[] password = m.param(1).toCharArray();
    try {
      s.chat().oper(m.param(0), password);
    } catch (ChatException e) {
      if (e.reason() == ChatException.Reason.ALREADY) {
        out.numeric("381", "You are now an IRC operator");
        return;
      }
      out.numeric("464", "Password incorrect");
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  static void kill(IrcSession s, IrcMessage m, Response out) {
    if (!s.user().isOperator()) {
      out.numeric("481", "Permission Denied- You're not an IRC operator");
      return;
    }
    String nick = m.param(0);
    if (s.domain().online(nick) == null) {
      out.numeric("401", nick, "No such nick/channel");
      return;
    }
    s.chat().kill(nick, IrcFormat.stripFormatting(m.param(1)));
  }
}
