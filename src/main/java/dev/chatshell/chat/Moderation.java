package dev.chatshell.chat;

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
    state.moderated(
        () -> {
          Channel channel = requireCurrent(actor);
          User target = state.requireUser(nick);
          RankRules.checkKick(actor, target, channel);
          memberships.depart(
              target,
              channel,
              new Notice.Kicked(
                  clock.instant(), channel.name(), target.nick(), actor.nick(), reason),
              true);
          // Told after leaving, so their prompt already shows where they are now.
          target.deliver(
              new Notice.KickedYou(clock.instant(), channel.name(), actor.nick(), reason));
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
    state.moderatedStoredFirst(
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
          Notice.Lasting kept = Notice.Lasting.UNSAID;
          if (channel.isRegistered()) {
            kept = keepAdmin(channel, target, grant);
          }
          channel.setRole(target, grant ? ChannelRole.SECONDARY_ADMIN : ChannelRole.MEMBER);
          channel.broadcast(
              new Notice.RoleChanged(
                  clock.instant(),
                  channel.name(),
                  actor.nick(),
                  target.nick(),
                  grant ? ChannelRole.SECONDARY_ADMIN : ChannelRole.MEMBER,
                  kept));
          return state.record(kind, actor, target.nick(), channel.name(), null);
        });
  }

  /**
   * Keeps a grant or revoke of a registered channel in the registry (before it is made in memory);
   * returns how long it lasts, for the notice.
   */
  private Notice.Lasting keepAdmin(Channel channel, User target, boolean grant) {
    String account = target.account();
    if (account == null) {
      return grant ? Notice.Lasting.UNTIL_THEY_LEAVE : Notice.Lasting.UNSAID;
    }
    Set<String> kept = new java.util.HashSet<>(channel.adminAccounts());
    ChannelRole role = channel.roleOf(target);
    ChannelRole made = grant ? ChannelRole.SECONDARY_ADMIN : ChannelRole.MEMBER;
    // Takes back this change alone: changes made after it may be kept while it is not.
    Runnable undo =
        () -> {
          Set<String> back = new java.util.HashSet<>(channel.adminAccounts());
          if (grant) {
            back.remove(Names.key(account));
          } else {
            back.add(Names.key(account));
          }
          channel.setAdminAccounts(back);
          if (channel.contains(target) && channel.roleOf(target) == made) {
            channel.setRole(target, role);
          }
        };
    if (grant) {
      state.store(() -> registry.addAdmin(channel.name(), account), undo);
      kept.add(Names.key(account));
    } else {
      state.store(() -> registry.removeAdmin(channel.name(), account), undo);
      kept.remove(Names.key(account));
    }
    channel.setAdminAccounts(kept);
    return grant ? Notice.Lasting.ACROSS_RESTARTS : Notice.Lasting.UNSAID;
  }

  /** Takes a registered channel's kept admin rights from an account whose user is not there. */
  private ModerationAction revokeKept(User actor, Channel channel, String account) {
    RankRules.checkRevokeKept(actor, channel);
    Set<String> kept = new java.util.HashSet<>(channel.adminAccounts());
    if (!kept.remove(Names.key(account))) {
      throw new ChatException(
          ChatException.Reason.NO_SUCH_NICK,
          Text.visible(account)
              + " is neither here nor a kept secondary admin of "
              + channel.name()
              + ".",
          account,
          channel.name());
    }
    state.store(
        () -> registry.removeAdmin(channel.name(), account),
        () -> {
          Set<String> back = new java.util.HashSet<>(channel.adminAccounts());
          back.add(Names.key(account));
          channel.setAdminAccounts(back);
        });
    channel.setAdminAccounts(kept);
    channel.broadcast(
        new Notice.RoleChanged(
            clock.instant(),
            channel.name(),
            actor.nick(),
            account,
            ChannelRole.MEMBER,
            Notice.Lasting.UNSAID));
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
        state.lockedInTurn(
            () -> {
              Channel channel = requireCurrent(actor);
              RankRules.checkRename(actor, channel);
              String old = channel.name();
              Channel holder = channels.get(Names.key(name));
              if (holder != null && holder != channel) {
                throw new ChatException(
                    ChatException.Reason.NAME_TAKEN,
                    name + " already exists; choose another name.",
                    name);
              }
              if (old.equals(name)) {
                throw new ChatException(
                    ChatException.Reason.ALREADY,
                    "The channel is already called " + name + ".",
                    name);
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
              channel.broadcast(new Notice.Renamed(clock.instant(), name, actor.nick(), old));
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
    state.moderated(
        () -> {
          User target = state.requireUser(nick);
          RankRules.checkKill(actor, target);
          boolean actorSeesIt = target.channels().stream().anyMatch(c -> c.contains(actor));
          target.deliver(new Notice.KilledYou(clock.instant(), actor.nick(), reason));
          logins.remove(
              target,
              channel ->
                  new Notice.Killed(clock.instant(), channel, target.nick(), actor.nick(), reason));
          if (!actorSeesIt) {
            actor.deliver(new Notice.YouKilled(clock.instant(), target.nick(), reason));
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
      throw new ChatException(ChatException.Reason.ALREADY, "You are a server operator already.");
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
   * Makes the user a server operator without a password when {@code provenKey}, the OpenSSH
   * public-key line the user's session proved it holds (SSH), is one of operator {@code name}'s
   * keys; recorded like a password /OPER, with the key's fingerprint. Returns false, having done
   * and recorded nothing, when there is no such key (or no proven key): the caller then asks for
   * the password as usual, so that a refusal is recorded and throttled the same way.
   */
  boolean operByKey(User user, String name, String provenKey) {
    requireOnline(user);
    if (user.isOperator()) {
      throw new ChatException(ChatException.Reason.ALREADY, "You are a server operator already.");
    }
    String fingerprint = provenKey == null ? null : operators.keyOf(name, provenKey);
    if (fingerprint == null) {
      return false;
    }
    logins.promote(user, name, "by key " + fingerprint);
    return true;
  }

  /**
   * Registers a channel the actor is main admin of (the current one when {@code typedName} is
   * null), with the actor's account as its founder: from then on it is kept when everyone leaves
   * and across restarts, with its topic and its secondary admins who have accounts, and the founder
   * gets ~ back whenever they join.
   */
  void registerChannel(User actor, String typedName) {
    requireOnline(actor);
    state.moderatedStoredFirst(
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
          ChannelRegistry.Registered registered =
              new ChannelRegistry.Registered(
                  channel.name(),
                  actor.account(),
                  admins,
                  channel.topic(),
                  channel.historyFrom(),
                  new ChannelRegistry.Modes(
                      channel.isPrivate(), channel.memberLimit(), channel.isTopicOpen()),
                  channel.requests());
          Instant at = clock.instant();
          Set<String> before = channel.adminAccounts();
          state.store(
              () -> registry.register(registered, at),
              () -> {
                channel.register(null, before);
                // Whoever left while it was stored left a registered channel: its founder was
                // not succeeded, and an empty one was kept. Now it is neither.
                memberships.settle(channel, actor.nick());
              });
          channel.register(actor.account(), keys(admins));
          channel.broadcast(
              new Notice.ChannelRegistered(
                  clock.instant(), channel.name(), actor.nick(), actor.account()));
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
    state.moderatedInTurn(
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
          Notice notice =
              new Notice.ChannelDeleted(clock.instant(), channel.name(), actor.nick(), reason);
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
    state.storedFirst(
        () -> {
          Channel channel = requireCurrent(actor);
          RankRules.checkTopic(actor, channel);
          Topic topic = safe.isEmpty() ? null : new Topic(safe, actor.nick(), clock.instant());
          if (channel.isRegistered()) {
            Topic before = channel.topic();
            state.store(
                () -> registry.setTopic(channel.name(), topic),
                () -> {
                  if (channel.topic() == topic) { // not set again since
                    channel.setTopic(before);
                  }
                });
          }
          channel.setTopic(topic);
          channel.broadcast(
              new Notice.TopicSet(
                  clock.instant(), channel.name(), actor.nick(), topic == null ? null : safe));
          return null;
        });
  }
}
