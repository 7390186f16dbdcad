package dev.chatshell.command;

import dev.chatshell.chat.Channel;
import dev.chatshell.chat.ChannelRole;
import dev.chatshell.chat.User;

/**
 * The static minimum rank a command needs, highest first. A user's own privilege is their role in
 * their current channel, or {@link #SERVER_OPERATOR} above all channels.
 */
public enum Privilege {
  SERVER_OPERATOR("server operators"),
  MAIN_ADMIN("the main admin of the current channel"),
  SECONDARY_ADMIN("admins of the current channel"),
  MEMBER("members of a channel"),
  ANYONE("everyone");

  private final String who;

  Privilege(String who) {
    this.who = who;
  }

  /** Who holds this privilege, for "this command is for ..." messages. */
  public String who() {
    return who;
  }

  /** Who holds this privilege in the channel named: "admins of #rust". */
  public String who(String channel) {
    return who.replace("the current channel", channel);
  }

  /** True when a user holding this privilege may run a command that requires {@code required}. */
  public boolean covers(Privilege required) {
    return ordinal() <= required.ordinal();
  }

  /**
   * True for the ranks held in a channel: a command that needs one of them also needs a current
   * channel, even from a server operator (whose rank covers them everywhere).
   */
  public boolean needsChannel() {
    return this == MAIN_ADMIN || this == SECONDARY_ADMIN || this == MEMBER;
  }

  /** The privilege {@code user} has right now, where they are. */
  public static Privilege of(User user) {
    if (user.isOperator()) {
      return SERVER_OPERATOR;
    }
    return of(user.currentRole());
  }

  /** The privilege {@code user} has in {@code channel} (which they may not be in). */
  public static Privilege in(User user, Channel channel) {
    if (user.isOperator()) {
      return SERVER_OPERATOR;
    }
    return of(channel.roleOf(user));
  }

  private static Privilege of(ChannelRole role) {
    if (role == null) {
      return ANYONE;
    }
    return switch (role) {
      case MAIN_ADMIN -> MAIN_ADMIN;
      case SECONDARY_ADMIN -> SECONDARY_ADMIN;
      case MEMBER -> MEMBER;
    };
  }
}
