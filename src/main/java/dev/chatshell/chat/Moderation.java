package dev.chatshell.chat;

import static dev.chatshell.chat.ChatState.because;
import static dev.chatshell.chat.ChatState.bounded;
import static dev.chatshell.chat.ChatState.keys;
import static dev.chatshell.chat.ChatState.requireCurrent;
import static dev.chatshell.chat.ChatState.requireOnline;
import static dev.chatshell.chat.ChatState.sameName;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;

/** What channel admins and server operators do to others and to channels. */
final class Moderation {
  private final ChatState state;
  private final Clock clock;
  private final NavigableMap<String, User> users;
  private final NavigableMap<String, Channel> channels;
  private final OperatorCredentials operators;
  private final ModerationListener moderation;
  private final ChannelRegistry registry;
  private final History history;
  private final BanList banList;
  private final Memberships memberships;
  private final Logins logins;

  Moderation(ChatState state, Memberships memberships, Logins logins) {
    this.state = state;
    this.clock = state.clock;
    this.users = state.users;
    this.channels = state.channels;
    this.operators = state.operators;
    this.moderation = state.moderation;
    this.registry = state.registry;
    this.history = state.history;
    this.banList = state.banList;
    this.memberships = memberships;
    this.logins = logins;
  }

  /**
   * Removes {@code nick} from the actor's current channel. The kicked user is told who did it and
   * why, and may /JOIN again; the channel is told; a kicked main admin has a successor.
   */
  void kick(User actor, String nick, String reason) {
    requireOnline(actor);
    String why = because(reason);
    state.moderated(
        () -> {
          Channel channel = requireCurrent(actor);
          User target = state.requireUser(nick);
          RankRules.checkKick(actor, target, channel);
          memberships.depart(
              target,
              channel,
              target.nick() + " was kicked from " + channel.name() + " by " + actor.nick() + why,
              true);
          // Told after leaving, so their prompt already shows where they are now.
          target.deliver(
              new ChannelNotice(
                  clock.instant(),
                  channel.name(),
                  "You were kicked from "
                      + channel.name()
                      + " by "
                      + actor.nick()
                      + why
                      + ". You may /JOIN it again."));
          return state.record(
              ModerationAction.Kind.KICK, actor, target.nick(), channel.name(), reason);
        });
  }

  /** Makes a member of the actor's current channel a secondary admin. */
  void grant(User actor, String nick) {
    changeRole(actor, nick, ModerationAction.Kind.GRANT);
  }

  /** Makes a secondary admin of the actor's current channel a plain member again. */
  void revoke(User actor, String nick) {
    changeRole(actor, nick, ModerationAction.Kind.REVOKE);
  }

  private void changeRole(User actor, String nick, ModerationAction.Kind kind) {
    requireOnline(actor);
    boolean grant = kind == ModerationAction.Kind.GRANT;
    state.moderated(
        () -> {
          Channel channel = requireCurrent(actor);
          User target = users.get(Names.key(nick));
          boolean here = target != null && channel.contains(target);
          if (!here && !grant && channel.isRegistered()) {
            // a kept admin who is not here: by their account, or by the name typed
            String account =
                target != null && target.account() != null
                    ? target.account()
                    : state.account(nick).orElse(nick); // shown as registered

            return revokeKept(actor, channel, account);
          }
          target = state.requireUser(nick);
          if (grant) {
            RankRules.checkGrant(actor, target, channel);
          } else {
            RankRules.checkRevoke(actor, target, channel);
          }
          String kept = "";
          if (channel.isRegistered()) {
            kept = keepAdmin(channel, target, grant);
          }
          channel.setRole(target, grant ? ChannelRole.SECONDARY_ADMIN : ChannelRole.MEMBER);
          String text =
              grant
                  ? actor.nick() + " made " + target.nick() + " a secondary admin (@) of "
                  : actor.nick() + " took back " + target.nick() + "'s secondary-admin rights in ";
          channel.broadcast(
              new ChannelNotice(
                  clock.instant(), channel.name(), text + channel.name() + "." + kept));
          return state.record(kind, actor, target.nick(), channel.name(), null);
        });
  }

  /**
   * Keeps a grant or revoke of a registered channel in the registry (before it is made in memory);
   * returns what to add to the notice.
   */
  private String keepAdmin(Channel channel, User target, boolean grant) {
    String account = target.account();
    if (account == null) {
      return grant ? " " + target.nick() + " has no account, so this lasts until they leave." : "";
    }
    Set<String> kept = new java.util.HashSet<>(channel.adminAccounts());
    if (grant) {
      registry.addAdmin(channel.name(), account);
      kept.add(Names.key(account));
    } else {
      registry.removeAdmin(channel.name(), account);
      kept.remove(Names.key(account));
    }
    channel.setAdminAccounts(kept);
    return grant ? " It is kept across restarts." : "";
  }

  /** Takes a registered channel's kept admin rights from an account whose user is not there. */
  private ModerationAction revokeKept(User actor, Channel channel, String account) {
    RankRules.checkRevokeKept(actor, channel);
    Set<String> kept = new java.util.HashSet<>(channel.adminAccounts());
    if (!kept.remove(Names.key(account))) {
      throw new ChatException(
          Text.visible(account)
              + " is neither here nor a kept secondary admin of "
              + channel.name()
              + ".");
    }
    registry.removeAdmin(channel.name(), account);
    channel.setAdminAccounts(kept);
    channel.broadcast(
        new ChannelNotice(
            clock.instant(),
            channel.name(),
            actor.nick()
                + " took back "
                + account
                + "'s secondary-admin rights in "
                + channel.name()
                + "."));
    return state.record(ModerationAction.Kind.REVOKE, actor, account, channel.name(), null);
  }

  /** A channel renamed just now: its old name, when, and the action to record. */
  private record Renamed(Channel channel, String oldName, Instant at, ModerationAction action) {}

  /**
   * Renames the actor's current channel. Members, roles and everyone's current channel stay; a name
   * another channel has is refused.
   */
  Channel rename(User actor, String typedName) {
    requireOnline(actor);
    String name = Names.channel(typedName);
    Renamed renamed =
        state.locked(
            () -> {
              Channel channel = requireCurrent(actor);
              RankRules.checkRename(actor, channel);
              String old = channel.name();
              Channel holder = channels.get(Names.key(name));
              if (holder != null && holder != channel) {
                throw new ChatException(name + " already exists; choose another name.");
              }
              if (old.equals(name)) {
                throw new ChatException("The channel is already called " + name + ".");
              }
              if (channel.isRegistered()) {
                registry.rename(old, name);
              }
              if (state.bans.stream()
                  .anyMatch(b -> !b.isServerWide() && sameName(b.channel(), old))) {
                banList.renameChannel(old, name);
                List<Ban> moved = new ArrayList<>();
                for (Ban b : state.bans) {
                  moved.add(
                      !b.isServerWide() && sameName(b.channel(), old)
                          ? new Ban(
                              name, b.kind(), b.target(), b.by(), b.reason(), b.at(), b.until())
                          : b);
                }
                state.bans = List.copyOf(moved);
              }
              channels.remove(Names.key(old));
              channel.rename(name);
              channels.put(Names.key(name), channel);
              channel.broadcast(
                  new ChannelNotice(
                      clock.instant(),
                      name,
                      actor.nick() + " renamed " + old + " to " + name + "."));
              return new Renamed(
                  channel,
                  old,
                  clock.instant(),
                  state.record(ModerationAction.Kind.RENAME, actor, name, old, null));
            });
    moderation.recorded(renamed.action());
    try {
      history.renamed(renamed.oldName(), name, renamed.channel().historyFrom(), renamed.at());
    } catch (ChatException e) {
      // the rename stands; only its earlier lines stay under the old name
    }
    return renamed.channel();
  }

  /**
   * Disconnects a user from the server (operators only). Their channels are told, they are shown
   * why, and their session closes.
   */
  void kill(User actor, String nick, String reason) {
    requireOnline(actor);
    String why = because(reason);
    state.moderated(
        () -> {
          User target = state.requireUser(nick);
          RankRules.checkKill(actor, target);
          boolean actorSeesIt = target.channels().stream().anyMatch(c -> c.contains(actor));
          target.deliver(
              new Disconnected(
                  clock.instant(),
                  "You were disconnected by server operator " + actor.nick() + why + "."));
          logins.remove(target, target.nick() + " was disconnected by " + actor.nick() + why);
          if (!actorSeesIt) {
            actor.deliver(
                new ServerNotice(clock.instant(), "You disconnected " + target.nick() + why + "."));
          }
          return state.record(ModerationAction.Kind.KILL, actor, target.nick(), null, reason);
        });
  }

  /**
   * Makes the user a server operator if {@code name} is a configured operator and the password
   * matches. The slow hash is checked outside the lock, so nobody else waits for it.
   */
  void oper(User user, String name, char[] password) {
    requireOnline(user);
    if (user.isOperator()) {
      throw new ChatException("You are a server operator already.");
    }
    // Slow on purpose: checked outside the lock, so nobody else waits for it.
    PasswordCheck check = operators.check(user.address(), name, password);
    if (check.verdict() == PasswordCheck.Verdict.REFUSED) {
      moderation.recorded(
          state.record(
              ModerationAction.Kind.OPER_REFUSED, user, name, null, "wrong name or password"));
    }
    check.requireAccepted("Wrong operator name or password.");
    logins.promote(user, name);
  }

  /**
   * Registers a channel the actor is main admin of (the current one when {@code typedName} is
   * null), with the actor's account as its founder: from then on it is kept when everyone leaves
   * and across restarts, with its topic and its secondary admins who have accounts, and the founder
   * gets ~ back whenever they join.
   */
  void registerChannel(User actor, String typedName) {
    requireOnline(actor);
    state.moderated(
        () -> {
          Channel channel =
              typedName == null ? requireCurrent(actor) : state.memberChannel(actor, typedName);
          RankRules.checkRegister(actor, channel);
          Set<String> admins = new java.util.TreeSet<>();
          for (Member member : channel.members()) {
            String account = member.user().account();
            if (member.role() == ChannelRole.SECONDARY_ADMIN && account != null) {
              admins.add(account);
            }
          }
          registry.register(
              new ChannelRegistry.Registered(
                  channel.name(),
                  actor.account(),
                  admins,
                  channel.topic(),
                  channel.historyFrom(),
                  channel.isPrivate(),
                  channel.requests()),
              clock.instant());
          channel.register(actor.account(), keys(admins));
          channel.broadcast(
              new ChannelNotice(
                  clock.instant(),
                  channel.name(),
                  actor.nick()
                      + " registered "
                      + channel.name()
                      + ": it stays when everyone leaves, "
                      + actor.account()
                      + " is its main admin (~) for good, and secondary admins with accounts are"
                      + " kept."));
          return state.record(
              ModerationAction.Kind.REGISTER, actor, actor.account(), channel.name(), null);
        });
  }

  /**
   * Deletes a channel (the actor's current one when {@code typedName} is null): everyone in it is
   * taken out and told, and a registered channel is forgotten for good.
   */
  void deleteChannel(User actor, String typedName, String reason) {
    requireOnline(actor);
    String why = because(reason);
    state.moderated(
        () -> {
          Channel channel =
              typedName == null ? requireCurrent(actor) : state.memberChannel(actor, typedName);
          RankRules.checkDelete(actor, channel);
          if (channel.isRegistered()) {
            registry.delete(channel.name());
          }
          List<Member> members = channel.members();
          for (Member member : members) {
            Memberships.takeOut(
                member.user(), channel, true); // no succession: the channel is going
          }
          channels.remove(Names.key(channel.name()), channel);
          state.forgetBans(channel);
          // Told once it is gone, so whatever they do next already finds it gone.
          ChannelNotice notice =
              new ChannelNotice(
                  clock.instant(),
                  channel.name(),
                  actor.nick() + " deleted " + channel.name() + why + ".");
          members.forEach(member -> member.user().deliver(notice));
          return state.record(ModerationAction.Kind.DELETE, actor, null, channel.name(), reason);
        });
  }

  /**
   * Sets the topic of the actor's current channel ({@code null} or blank clears it); kept across
   * restarts when the channel is registered.
   */
  void setTopic(User actor, String text) {
    requireOnline(actor);
    String safe = bounded(text, ChatServer.MAX_TOPIC_LENGTH, "A topic");
    state.locked(
        () -> {
          Channel channel = requireCurrent(actor);
          RankRules.checkTopic(actor, channel);
          Topic topic = safe.isEmpty() ? null : new Topic(safe, actor.nick(), clock.instant());
          if (channel.isRegistered()) {
            registry.setTopic(channel.name(), topic);
          }
          channel.setTopic(topic);
          channel.broadcast(
              new ChannelNotice(
                  clock.instant(),
                  channel.name(),
                  topic == null
                      ? actor.nick() + " cleared the topic of " + channel.name() + "."
                      : actor.nick() + " set the topic of " + channel.name() + ": " + safe));
          return null;
        });
  }
}
