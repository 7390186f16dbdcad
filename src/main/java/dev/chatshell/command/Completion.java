package dev.chatshell.command;

/** What TAB completes at one argument position of a slash command. */
public enum Completion {
  /** Free text: nothing to complete. */
  NONE,
  /** The nick of anyone online. */
  NICK,
  /** One or several online nicks separated by {@code ;}. */
  NICK_LIST,
  /** The nick of a member of the current channel. */
  MEMBER,
  /** The nick of a member of the current channel other than the user (kick, ban, grant). */
  OTHER_MEMBER,
  /** Any existing channel. */
  CHANNEL,
  /** One of the user's own channels. */
  MY_CHANNEL,
  /** A command name the user may run. */
  COMMAND
}
