package dev.chatshell.chat;

/**
 * Who may do what to whom: every rank rule of SPEC §3, and nowhere else. Each check throws a {@link
 * ChatException} that says why an action is refused. Called by {@link ChatServer} under its lock;
 * roles come from the channel, operator status from the user.
 *
 * <ul>
 *   <li>Server operators may do anything to anyone, in any channel they are in.
 *   <li>Only the main admin grants, revokes and renames.
 *   <li>Admins kick members; the main admin also kicks secondary admins; only a server operator
 *       kicks the main admin or another server operator; nobody kicks themselves (that is /LEAVE).
 *   <li>Only server operators kill, and not themselves (that is /BYE).
 *   <li>Only the main admin, logged in to an account, registers a channel; only the main admin (or
 *       a server operator) deletes one; admins set the topic.
 * </ul>
 */
final class RankRules {
  private RankRules() {}

  static void checkKick(User actor, User target, Channel channel) {
    if (actor == target) {
      throw new ChatException("You cannot kick yourself; /LEAVE " + channel.name() + " instead.");
    }
    checkRemove(actor, target, channel, "kick");
  }

  /**
   * A ban that hits {@code target} now, from {@code channel} (or, null, the server): nobody bans
   * themselves, and the rules of a kick (or a kill) apply, told as a ban.
   */
  static void checkBanHits(User actor, User target, Channel channel, boolean byAddress) {
    if (actor == target) {
      throw new ChatException(
          byAddress
              ? "That ban would hit you: your own address is in it; nothing was done."
              : "You cannot ban yourself; nothing was done.");
    }
    if (channel == null) {
      checkKill(actor, target);
    } else {
      checkRemove(actor, target, channel, "ban");
    }
  }

  /** Who may put {@code target} out of {@code channel}, by a kick or a ban ({@code verb}). */
  private static void checkRemove(User actor, User target, Channel channel, String verb) {
    ChannelRole targetRole = requireMember(target, channel);
    if (actor.isOperator()) {
      return;
    }
    if (target.isOperator()) {
      throw new ChatException("Nobody but a server operator can " + verb + " a server operator.");
    }
    ChannelRole actorRole = channel.roleOf(actor);
    if (targetRole == ChannelRole.MAIN_ADMIN) {
      throw new ChatException(
          "Nobody but a server operator can "
              + verb
              + " the main admin (~) of "
              + channel.name()
              + ".");
    }
    if (actorRole == ChannelRole.MAIN_ADMIN) {
      return;
    }
    if (actorRole == ChannelRole.SECONDARY_ADMIN && targetRole == ChannelRole.MEMBER) {
      return;
    }
    if (actorRole == ChannelRole.SECONDARY_ADMIN) {
      throw new ChatException(
          "Only the main admin of " + channel.name() + " can " + verb + " a secondary admin (@).");
    }
    throw new ChatException("Only the admins of " + channel.name() + " can " + verb + ".");
  }

  static void checkGrant(User actor, User target, Channel channel) {
    requireMainAdmin(actor, channel, "grant admin rights");
    ChannelRole targetRole = requireMember(target, channel);
    if (targetRole == ChannelRole.MAIN_ADMIN) {
      throw new ChatException(target.nick() + " is the main admin of " + channel.name() + ".");
    }
    if (targetRole == ChannelRole.SECONDARY_ADMIN) {
      throw new ChatException(
          target.nick() + " is already a secondary admin of " + channel.name() + ".");
    }
  }

  static void checkRevoke(User actor, User target, Channel channel) {
    requireMainAdmin(actor, channel, "revoke admin rights");
    ChannelRole targetRole = requireMember(target, channel);
    if (targetRole == ChannelRole.MAIN_ADMIN) {
      throw new ChatException(
          "The main admin's rights cannot be revoked; they pass on when the main admin leaves.");
    }
    if (targetRole != ChannelRole.SECONDARY_ADMIN) {
      throw new ChatException(
          target.nick() + " is not a secondary admin of " + channel.name() + ".");
    }
  }

  static void checkRename(User actor, Channel channel) {
    requireMainAdmin(actor, channel, "rename it");
  }

  static void checkRevokeKept(User actor, Channel channel) {
    requireMainAdmin(actor, channel, "revoke admin rights");
  }

  static void checkRegister(User actor, Channel channel) {
    if (channel.isRegistered()) {
      throw new ChatException(
          channel.name() + " is registered already; " + channel.founder() + " is its founder.");
    }
    if (channel.roleOf(actor) != ChannelRole.MAIN_ADMIN) {
      throw new ChatException("Only the main admin of " + channel.name() + " can register it.");
    }
    if (actor.account() == null) {
      throw new ChatException(
          "Register your nick first (/REGISTER): a channel is registered to an account.");
    }
  }

  static void checkDelete(User actor, Channel channel) {
    requireMainAdmin(actor, channel, "delete it");
  }

  static void checkTopic(User actor, Channel channel) {
    ChannelRole role = channel.roleOf(actor);
    if (!actor.isOperator()
        && role != ChannelRole.MAIN_ADMIN
        && role != ChannelRole.SECONDARY_ADMIN) {
      throw new ChatException("Only the admins of " + channel.name() + " can set its topic.");
    }
  }

  static void checkBan(User actor, Channel channel) {
    ChannelRole role = channel.roleOf(actor);
    if (!actor.isOperator()
        && role != ChannelRole.MAIN_ADMIN
        && role != ChannelRole.SECONDARY_ADMIN) {
      throw new ChatException("Only the admins of " + channel.name() + " can ban.");
    }
  }

  /**
   * Who is in a private channel is for its members and server operators to see: it lets people in
   * by request, and a list of its members is what an outsider should not get (IRC hides a secret
   * channel's members from /WHO and /NAMES likewise).
   */
  static void checkSeeMembers(User viewer, Channel channel) {
    if (channel.isPrivate() && !viewer.isOperator() && !channel.contains(viewer)) {
      throw new ChatException(
          channel.name()
              + " is private ("
              + channel.members().size()
              + (channel.members().size() == 1 ? " member" : " members")
              + "): only its members see who is in it. /JOIN asks its admins to let you in.");
    }
  }

  static void checkPrivate(User actor, Channel channel) {
    requireMainAdmin(actor, channel, "make it private or open");
  }

  static void checkRequests(User actor, Channel channel) {
    ChannelRole role = channel.roleOf(actor);
    if (!actor.isOperator()
        && role != ChannelRole.MAIN_ADMIN
        && role != ChannelRole.SECONDARY_ADMIN) {
      throw new ChatException(
          "Only the admins of " + channel.name() + " answer its join requests and invite.");
    }
  }

  /** Banning an account that holds a kept role in a registered channel, whether here or not. */
  static void checkBanKept(User actor, Channel channel, String account) {
    if (actor.isOperator()) {
      return;
    }
    String key = Names.key(account);
    if (key.equals(Names.key(channel.founder()))) {
      throw new ChatException(
          "Nobody but a server operator can ban the main admin (~) of " + channel.name() + ".");
    }
    if (channel.adminAccounts().contains(key) && channel.roleOf(actor) != ChannelRole.MAIN_ADMIN) {
      throw new ChatException(
          "Only the main admin of " + channel.name() + " can ban a secondary admin (@).");
    }
  }

  static void checkServerBan(User actor) {
    if (!actor.isOperator()) {
      throw new ChatException("Only server operators can ban from the whole server.");
    }
  }

  static void checkKill(User actor, User target) {
    if (!actor.isOperator()) {
      throw new ChatException("Only server operators can disconnect users.");
    }
    if (actor == target) {
      throw new ChatException("You cannot kill yourself; /BYE instead.");
    }
    if (target.isConsole()) {
      throw new ChatException("The server's own console cannot be disconnected.");
    }
  }

  private static void requireMainAdmin(User actor, Channel channel, String action) {
    if (!actor.isOperator() && channel.roleOf(actor) != ChannelRole.MAIN_ADMIN) {
      throw new ChatException(
          "Only the main admin of "
              + channel.name()
              + " (or a server operator) can "
              + action
              + ".");
    }
  }

  private static ChannelRole requireMember(User target, Channel channel) {
    ChannelRole role = channel.roleOf(target);
    if (role == null) {
      throw new ChatException(target.nick() + " is not in " + channel.name() + ".");
    }
    return role;
  }
}
