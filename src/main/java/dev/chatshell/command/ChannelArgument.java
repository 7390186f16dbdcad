package dev.chatshell.command;

/**
 * Whether a command's first argument may name the channel it acts on, in place of the current one.
 * When it does, the command table checks the user's rank in that channel, and the command needs no
 * current channel: {@code /WHO #rust} works before joining, {@code /BAN #c bob} from another
 * channel, {@code /BANS *} from none.
 */
public enum ChannelArgument {
  /** The command acts on the current channel only (or on none). */
  NONE,
  /** The first argument, when given, is a channel name ({@code #} may be left out). */
  FIRST,
  /**
   * The first argument is a channel when it starts with {@code #}, the whole server when {@code *}.
   */
  SCOPE
}
