package dev.chatshell.chat;

import static dev.chatshell.chat.ChatState.requireOnline;
import static dev.chatshell.chat.RankRules.exemptFromBans;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/** Joining, leaving and switching channels; departures with their succession. */
final class Memberships {
  private final ChatState state;
  private final Clock clock;
  private final NavigableMap<String, Channel> channels;
  private final History history;
  private final int maxChannelsPerUser;
  private final JoinRequests requests;

  Memberships(ChatState state, JoinRequests requests) {
    this.state = state;
    this.clock = state.clock;
    this.channels = state.channels;
    this.history = state.history;
    this.maxChannelsPerUser = state.maxChannelsPerUser;
    this.requests = requests;
  }

  /**
   * What a /JOIN came to: the channel the user is in now (null when a request to join was filed
   * instead), and when they joined an existing channel just now (null otherwise).
   */
  private record Joined(Channel channel, Instant at) {}

  /**
   * Joins a channel, creating it with the user as main admin when it does not exist; either way it
   * becomes the user's current channel.
   */
  Channel join(User user, String typedName) {
    requireOnline(user);
    String name = Names.channel(typedName);
    // Joining a registered private channel stores the request it files or the invitation it uses
    // up: like every change, it is written after the lock is released and told once stored.
    Joined joined =
        state.locked(
            () -> {
              requireOnline(user); // again under the lock: a kill may have come in between
              Channel channel = channels.get(Names.key(name));
              if (channel != null && channel.contains(user)) {
                user.setCurrent(channel);
                user.deliver(new Notice.AlreadyIn(clock.instant(), channel.name()));
                return new Joined(channel, null);
              }
              if (channel != null) {
                if (!exemptFromBans(channel, user)) {
                  state.refuseIfBanned(channel, user.nick(), user.account(), user.address());
                }
              }
              if (user.channels().size() >= maxChannelsPerUser) {
                throw new ChatException(
                    ChatException.Reason.LIMIT,
                    "You are in "
                        + maxChannelsPerUser
                        + " channels already, the most allowed; /LEAVE one first.",
                    maxChannelsPerUser);
              }
              // After the limit: letting in uses an invitation up.
              boolean invited = false;
              if (channel != null
                  && channel.isPrivate()
                  && !RankRules.walksIntoPrivate(channel, user)) {
                invited = requests.useInvitation(channel, user);
                if (!invited) {
                  requests.fileRequest(channel, user);
                  return new Joined(null, null);
                }
              }
              boolean created = channel == null;
              Instant joinedAt = null; // set when the user joined an existing channel just now
              if (created) {
                channel = new Channel(name, clock.instant());
                channels.put(Names.key(name), channel);
              } else {
                joinedAt = clock.instant();
              }
              ChannelRole role =
                  created ? ChannelRole.MAIN_ADMIN : RankRules.registeredRole(channel, user);
              channel.add(user, role, state.nextJoin++);
              List<Channel> mine = new ArrayList<>(user.channels());
              mine.add(channel);
              user.setChannels(mine);
              Channel previous = user.current();
              user.setCurrent(channel);
              if (invited) {
                // Using the invitation up is stored after the lock is released: if that fails,
                // the join it let in is taken back with it (the invitation comes back by its own
                // undo). Nothing more to write: this only adds the join's undo to the change.
                Channel entered = channel;
                state.store(() -> {}, () -> unjoin(user, entered, previous));
              }
              channel.broadcastExcept(
                  user, new Notice.Joined(clock.instant(), channel.name(), user.nick()));
              user.deliver(
                  created
                      ? new Notice.YouCreated(clock.instant(), channel.name())
                      : new Notice.YouJoined(
                          clock.instant(), channel.name(), role, Notice.Seat.all(channel)));
              Topic topic = channel.topic();
              if (topic != null) {
                user.deliver(new Notice.TopicShown(clock.instant(), channel.name(), topic));
              }
              return new Joined(channel, joinedAt);
            });
    if (joined.at() != null) {
      showScrollback(user, joined.channel(), joined.at());
    }
    return joined.channel();
  }

  /**
   * Leaves the named channel, or the current one when {@code typedName} is null. Another channel
   * the user is in, the most recently joined, becomes current.
   */
  void leave(User user, String typedName, String reason) {
    requireOnline(user);
    state.locked(
        () -> {
          Channel channel =
              typedName == null ? user.current() : state.memberChannel(user, typedName);
          if (channel == null) {
            throw new ChatException(
                ChatException.Reason.NOT_IN_CHANNEL, "You are not in any channel.");
          }
          leaveLocked(user, channel, reason);
          return null;
        });
  }

  private void leaveLocked(User user, Channel channel, String reason) {
    boolean wasCurrent = user.current() == channel;
    depart(
        user, channel, new Notice.Left(clock.instant(), channel.name(), user.nick(), reason), true);
    user.deliver(new Notice.YouLeft(clock.instant(), channel.name(), reason));
    Channel now = user.current();
    if (wasCurrent && now != null) {
      user.deliver(new Notice.NowCurrent(clock.instant(), now.name()));
    }
  }

  /** Makes one of the user's channels the current one. */
  Channel switchTo(User user, String typedName) {
    requireOnline(user);
    return state.locked(
        () -> {
          Channel channel = state.memberChannel(user, typedName);
          user.setCurrent(channel);
          return channel;
        });
  }

  /**
   * Removes the user from a channel, hands over the main-admin role, deletes an empty channel. A
   * user who quits keeps their last current channel, so the lines still on their way to them are
   * shown as they were meant to be.
   */
  void depart(User user, Channel channel, Notice.ChannelEvent notice, boolean pickNewCurrent) {
    takeOut(user, channel, pickNewCurrent);
    channel.broadcast(notice);
    settle(channel, user.nick());
  }

  /**
   * Takes back a join whose write failed, unless the user is gone from the channel already: they
   * are out again, and back in the channel they were in before when it was current.
   */
  private void unjoin(User user, Channel channel, Channel previous) {
    if (!channel.contains(user)) {
      return; // left, kicked or logged out since: nothing of the join is left to take back
    }
    boolean wasCurrent = user.current() == channel;
    takeOut(user, channel, true);
    if (wasCurrent && previous != null && previous.contains(user)) {
      user.setCurrent(previous);
    }
    settle(channel, user.nick());
  }

  /**
   * After someone went ({@code gone}: a departure, or an undone join) or a registration was undone:
   * an unregistered channel whose members have no main admin gets one by succession, and one left
   * empty goes, with its bans.
   */
  void settle(Channel channel, String gone) {
    if (RankRules.lacksMainAdmin(channel)) {
      Member heir = RankRules.successor(channel.members());
      if (heir != null) {
        channel.setRole(heir.user(), ChannelRole.MAIN_ADMIN);
        channel.broadcast(
            new Notice.Succeeded(clock.instant(), channel.name(), heir.user().nick(), gone));
      }
    }
    if (channel.size() == 0 && !channel.isRegistered()) {
      channels.remove(Names.key(channel.name()), channel);
      state.forgetBans(channel); // they went with the channel
    }
  }

  /** Takes the user out of the channel's members and the channel out of the user's list. */
  static void takeOut(User user, Channel channel, boolean pickNewCurrent) {
    channel.remove(user);
    List<Channel> mine = new ArrayList<>(user.channels());
    mine.remove(channel);
    user.setChannels(mine);
    if (pickNewCurrent && user.current() == channel) {
      user.setCurrent(mine.isEmpty() ? null : mine.get(mine.size() - 1));
    }
  }

  /** Shows someone who just joined what was said there before (read outside the lock). */
  private void showScrollback(User user, Channel channel, Instant joinedAt) {
    int lines = state.scrollback;
    if (lines <= 0) {
      return;
    }
    List<HistoryEntry> earlier;
    try {
      earlier = history.channel(channel.name(), channel.historyFrom(), joinedAt, lines);
    } catch (ChatException e) {
      user.deliver(new Notice.ChannelTrouble(clock.instant(), channel.name(), e));
      return;
    }
    if (!earlier.isEmpty()) {
      user.deliver(new Notice.Scrollback(clock.instant(), channel.name(), earlier));
    }
  }
}
