package dev.chatshell.chat;

import static dev.chatshell.chat.ChatException.Reason.INVALID;
import static dev.chatshell.chat.ChatException.Reason.INVITE_ONLY;
import static dev.chatshell.chat.ChatException.Reason.NAME_TAKEN;
import static dev.chatshell.chat.ChatException.Reason.NOT_IN_CHANNEL;
import static dev.chatshell.chat.ChatException.Reason.NO_ACCOUNT;
import static dev.chatshell.chat.ChatException.Reason.RANK_TOO_LOW;

/**
 * Who may do what to whom: every rank rule of SPEC §3, and nowhere else. Each check throws a {@link
 * ChatException} that says why an action is refused. Called by the domain under its lock; roles
 * come from the channel, operator status from the user, and ranks compare by {@link
 * ChannelRole#atLeast} and {@link ChannelRole#outranks}.
 *
 * <ul>
 *   <li>Server operators may do anything to anyone, in any channel they are in (but register a
 *       channel only as its main admin: it is kept for the registering account).
 *   <li>Only the main admin grants, revokes and renames.
 *   <li>Admins kick members; the main admin also kicks secondary admins; only a server operator
 *       kicks the main admin or another server operator; nobody kicks themselves (that is /LEAVE).
 *   <li>Only server operators kill, and not themselves (that is /BYE).
 *   <li>Only the main admin, logged in to an account, registers a channel; only the main admin (or
 *       a server operator) deletes one; admins set the topic (every member may once an admin opens
 *       it), open or lock it, and set the channel's member limit, which nobody walks past.
 *   <li>A ban follows the rules of a kick (from the server: of a kill) for each user it hits, and
 *       nobody bans themselves; in a registered channel the roles kept for an account count while
 *       its holder is away. No channel ban keeps out an operator or a registered channel's founder.
 *   <li>Operators and the kept admins of a private channel walk in; its admins (and operators)
 *       hear, list and answer its join requests, and invite.
 *   <li>When the main admin of an unregistered channel goes, the highest-ranking member left takes
 *       over, the longest-standing among equals.
 * </ul>
 */
final class RankRules {
  private RankRules() {}

  /** True for a server operator, or a member of {@code channel} holding {@code rank} or above. */
  static boolean holds(User user, Channel channel, ChannelRole rank) {
    if (user.isOperator()) {
      return true;
    }
    ChannelRole role = channel.roleOf(user);
    return role != null && role.atLeast(rank);
  }

  /** The admins of a channel, with the operators who act as one anywhere. */
  static boolean isAdmin(User user, Channel channel) {
    return holds(user, channel, ChannelRole.SECONDARY_ADMIN);
  }

  static void checkKick(User actor, User target, Channel channel) {
    if (actor == target) {
      throw new ChatException(
          INVALID,
          "You cannot kick yourself; /LEAVE " + channel.name() + " instead.",
          channel.name());
    }
    checkRemove(actor, target, channel, "kick");
  }

  /**
   * A ban that hits {@code target} now, from {@code channel} (or, null, the server): nobody bans
   * themselves, and the rules of a kick (or a kill) apply, told as a ban.
   */
  static void checkBanHits(User actor, User target, Channel channel, boolean byAddress) {
    if (actor == target) {
      throw byAddress
          ? new ChatException(
              INVALID, "That ban would hit you: your own address is in it; nothing was done.")
          : new ChatException(INVALID, "You cannot ban yourself; nothing was done.");
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
      throw new ChatException(
          RANK_TOO_LOW, "Nobody but a server operator can " + verb + " a server operator.", verb);
    }
    if (targetRole == ChannelRole.MAIN_ADMIN) {
      throw nobodyButAnOperator(verb, channel);
    }
    if (isAdmin(actor, channel) && channel.roleOf(actor).outranks(targetRole)) {
      return;
    }
    if (isAdmin(actor, channel)) {
      throw onlyTheMainAdminRemovesAnAdmin(verb, channel);
    }
    throw new ChatException(
        RANK_TOO_LOW,
        "Only the admins of " + channel.name() + " can " + verb + ".",
        channel.name(),
        verb);
  }

  static void checkGrant(User actor, User target, Channel channel) {
    requireMainAdmin(actor, channel, "grant admin rights");
    ChannelRole targetRole = requireMember(target, channel);
    if (targetRole == ChannelRole.MAIN_ADMIN) {
      throw new ChatException(
          INVALID,
          target.nick() + " is the main admin of " + channel.name() + ".",
          target.nick(),
          channel.name());
    }
    if (targetRole == ChannelRole.SECONDARY_ADMIN) {
      throw new ChatException(
          INVALID,
          target.nick() + " is already a secondary admin of " + channel.name() + ".",
          target.nick(),
          channel.name());
    }
  }

  static void checkRevoke(User actor, User target, Channel channel) {
    requireMainAdmin(actor, channel, "revoke admin rights");
    ChannelRole targetRole = requireMember(target, channel);
    if (targetRole == ChannelRole.MAIN_ADMIN) {
      throw new ChatException(
          INVALID,
          "The main admin's rights cannot be revoked; they pass on when the main admin leaves.");
    }
    if (targetRole != ChannelRole.SECONDARY_ADMIN) {
      throw new ChatException(
          INVALID,
          target.nick() + " is not a secondary admin of " + channel.name() + ".",
          target.nick(),
          channel.name());
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
          NAME_TAKEN,
          channel.name() + " is registered already; " + channel.founder() + " is its founder.",
          channel.name(),
          channel.founder());
    }
    // Not holds(): a server operator does not register a channel for its main admin.
    if (channel.roleOf(actor) != ChannelRole.MAIN_ADMIN) {
      throw new ChatException(
          RANK_TOO_LOW,
          "Only the main admin of " + channel.name() + " can register it.",
          channel.name());
    }
    if (actor.account() == null) {
      throw new ChatException(
          NO_ACCOUNT,
          "Register your nick first (/REGISTER): a channel is registered to an account.");
    }
  }

  static void checkDelete(User actor, Channel channel) {
    requireMainAdmin(actor, channel, "delete it");
  }

  static void checkTopic(User actor, Channel channel) {
    if (channel.isTopicOpen() && channel.contains(actor)) {
      return; // opened to every member (/TOPICLOCK off, IRC's -t)
    }
    requireAdmin(actor, channel, "can set its topic");
  }

  /** Who opens the topic to every member, or locks it for the admins again. */
  static void checkTopicLock(User actor, Channel channel) {
    requireAdmin(actor, channel, "can open or lock its topic");
  }

  /** Who sets (or lifts) the most members a channel lets in. */
  static void checkMemberLimit(User actor, Channel channel) {
    requireAdmin(actor, channel, "can set its member limit");
  }

  static void checkBan(User actor, Channel channel) {
    requireAdmin(actor, channel, "can ban");
  }

  /**
   * Who is in a private channel is for its members and server operators to see: it lets people in
   * by request, and a list of its members is what an outsider should not get (IRC hides a secret
   * channel's members from /WHO and /NAMES likewise).
   */
  static void checkSeeMembers(User viewer, Channel channel) {
    if (channel.isPrivate() && !viewer.isOperator() && !channel.contains(viewer)) {
      int size = channel.members().size();
      throw new ChatException(
          INVITE_ONLY,
          channel.name()
              + " is private ("
              + size
              + (size == 1 ? " member" : " members")
              + "): only its members see who is in it. /JOIN asks its admins to let you in.",
          channel.name(),
          size);
    }
  }

  static void checkPrivate(User actor, Channel channel) {
    requireMainAdmin(actor, channel, "make it private or open");
  }

  static void checkRequests(User actor, Channel channel) {
    requireAdmin(actor, channel, "answer its join requests and invite");
  }

  /**
   * A ban about to be set in {@code channel} (null: the server), before anyone it hits is looked
   * at: "that ban would hit you", then the roles kept for {@code account} (the account the ban is
   * on, by name or through the nick; null for none), which count while their holders are away as if
   * they were here.
   */
  static void checkNewBan(User actor, Channel channel, Ban ban, String account) {
    if (ban.matches(actor.nick(), actor.account(), actor.address())) {
      checkBanHits(actor, actor, channel, ban.kind() == Ban.Kind.MASK); // before kept roles
    }
    if (channel != null && channel.isRegistered() && account != null) {
      checkBanKept(actor, channel, account);
    }
  }

  /** Banning an account that holds a kept role in a registered channel, whether here or not. */
  private static void checkBanKept(User actor, Channel channel, String account) {
    if (actor.isOperator()) {
      return;
    }
    ChannelRole kept = registeredRole(channel, account);
    if (kept == ChannelRole.MAIN_ADMIN) {
      throw nobodyButAnOperator("ban", channel);
    }
    if (kept == ChannelRole.SECONDARY_ADMIN && !holds(actor, channel, ChannelRole.MAIN_ADMIN)) {
      throw onlyTheMainAdminRemovesAnAdmin("ban", channel);
    }
  }

  static void checkServerBan(User actor) {
    if (!actor.isOperator()) {
      throw new ChatException(RANK_TOO_LOW, "Only server operators can ban from the whole server.");
    }
  }

  static void checkKill(User actor, User target) {
    if (!actor.isOperator()) {
      throw new ChatException(RANK_TOO_LOW, "Only server operators can disconnect users.");
    }
    if (actor == target) {
      throw new ChatException(INVALID, "You cannot kill yourself; /BYE instead.");
    }
    if (target.isConsole()) {
      throw new ChatException(
          RANK_TOO_LOW, "The server's own console cannot be disconnected.", target.nick());
    }
  }

  /**
   * The role a user joining an existing channel gets: in a registered channel, the founder's
   * account is main admin and the kept admins' accounts are secondary admins; anyone else is a
   * member.
   */
  static ChannelRole registeredRole(Channel channel, User user) {
    return registeredRole(channel, user.account());
  }

  /** The role {@code account} (null: none) holds in {@code channel} while away, by registration. */
  private static ChannelRole registeredRole(Channel channel, String account) {
    if (account == null || !channel.isRegistered()) {
      return ChannelRole.MEMBER;
    }
    String key = Names.key(account);
    if (key.equals(Names.key(channel.founder()))) {
      return ChannelRole.MAIN_ADMIN;
    }
    return channel.adminAccounts().contains(key) ? ChannelRole.SECONDARY_ADMIN : ChannelRole.MEMBER;
  }

  /**
   * Who no channel ban keeps out: server operators, and a registered channel's founder (its own
   * admins cannot lock it out with an address block while it is away).
   */
  static boolean exemptFromBans(Channel channel, User user) {
    return user.isOperator() || registeredRole(channel, user) == ChannelRole.MAIN_ADMIN;
  }

  /** True when a registered channel keeps an admin's role (~ or @) for the user's account. */
  static boolean holdsKeptRole(Channel channel, User user) {
    return registeredRole(channel, user).outranks(ChannelRole.MEMBER);
  }

  /**
   * Who walks into a private channel without an invitation: server operators and its kept admins
   * (anyone else needs an invitation or files a request).
   */
  static boolean walksIntoPrivate(Channel channel, User user) {
    return user.isOperator() || holdsKeptRole(channel, user);
  }

  /** Who is told of a request to join {@code channel} and may answer it: its admins, operators. */
  static boolean hearsJoinRequests(Member member) {
    return member.user().isOperator() || member.role().atLeast(ChannelRole.SECONDARY_ADMIN);
  }

  /**
   * Whether a channel's members are left without a main admin who must be succeeded (its main admin
   * went, or a registration whose founder went meanwhile was undone): not a registered channel,
   * whose main admin is its founder's account, who gets ~ back on return.
   */
  static boolean lacksMainAdmin(Channel channel) {
    if (channel.isRegistered() || channel.size() == 0) {
      return false;
    }
    for (Member member : channel.members()) {
      if (member.role().atLeast(ChannelRole.MAIN_ADMIN)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Who becomes main admin when the main admin goes: the member of the highest rank left, the
   * longest-standing among equals (the longest-standing secondary admin, else the longest-standing
   * member); {@code null} when nobody is left.
   */
  static Member successor(Iterable<Member> inJoinOrder) {
    Member heir = null;
    for (Member member : inJoinOrder) {
      boolean eligible = ChannelRole.MAIN_ADMIN.outranks(member.role());
      if (eligible && (heir == null || member.role().outranks(heir.role()))) {
        heir = member;
      }
    }
    return heir;
  }

  private static ChatException nobodyButAnOperator(String verb, Channel channel) {
    return new ChatException(
        RANK_TOO_LOW,
        "Nobody but a server operator can "
            + verb
            + " the main admin (~) of "
            + channel.name()
            + ".",
        verb,
        channel.name());
  }

  private static ChatException onlyTheMainAdminRemovesAnAdmin(String verb, Channel channel) {
    return new ChatException(
        RANK_TOO_LOW,
        "Only the main admin of " + channel.name() + " can " + verb + " a secondary admin (@).",
        channel.name(),
        verb);
  }

  /** Admins and operators only; {@code action} finishes "Only the admins of #x ...". */
  private static void requireAdmin(User actor, Channel channel, String action) {
    if (!isAdmin(actor, channel)) {
      throw new ChatException(
          RANK_TOO_LOW,
          "Only the admins of " + channel.name() + " " + action + ".",
          channel.name());
    }
  }

  private static void requireMainAdmin(User actor, Channel channel, String action) {
    if (!holds(actor, channel, ChannelRole.MAIN_ADMIN)) {
      throw new ChatException(
          RANK_TOO_LOW,
          "Only the main admin of "
              + channel.name()
              + " (or a server operator) can "
              + action
              + ".",
          channel.name(),
          action);
    }
  }

  private static ChannelRole requireMember(User target, Channel channel) {
    ChannelRole role = channel.roleOf(target);
    if (role == null) {
      throw new ChatException(
          NOT_IN_CHANNEL,
          target.nick() + " is not in " + channel.name() + ".",
          target.nick(),
          channel.name());
    }
    return role;
  }
}
