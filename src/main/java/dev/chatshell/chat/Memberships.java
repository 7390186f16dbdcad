package dev.chatshell.chat;

import static dev.chatshell.chat.ChatState.because;
import static dev.chatshell.chat.ChatState.exemptFromBans;
import static dev.chatshell.chat.ChatState.requireOnline;

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
    Joined joined =
        state.locked(
            () -> {
              requireOnline(user); // again under the lock: a kill may have come in between
              Channel channel = channels.get(Names.key(name));
              if (channel != null && channel.contains(user)) {
                user.setCurrent(channel);
                user.deliver(
                    new ChannelNotice(
                        clock.instant(),
                        channel.name(),
                        "You are already in "
                            + channel.name()
                            + "; it is now your current channel."));
                return new Joined(channel, null);
              }
              if (channel != null) {
                if (!exemptFromBans(channel, user)) {
                  state.refuseIfBanned(channel, user.nick(), user.account(), user.address());
                }
              }
              if (user.channels().size() >= maxChannelsPerUser) {
                throw new ChatException(
                    "You are in "
                        + maxChannelsPerUser
                        + " channels already, the most allowed; /LEAVE one first.");
              }
              // After the limit: letting in uses an invitation up.
              if (channel != null && channel.isPrivate() && !requests.letIn(channel, user)) {
                requests.fileRequest(channel, user);
                return new Joined(null, null);
              }
              boolean created = channel == null;
              Instant joinedAt = null; // set when the user joined an existing channel just now
              if (created) {
                channel = new Channel(name, clock.instant());
                channels.put(Names.key(name), channel);
              } else {
                joinedAt = clock.instant();
              }
              ChannelRole role = created ? ChannelRole.MAIN_ADMIN : registeredRole(channel, user);
              channel.add(user, role, state.nextJoin++);
              List<Channel> mine = new ArrayList<>(user.channels());
              mine.add(channel);
              user.setChannels(mine);
              user.setCurrent(channel);
              channel.broadcastExcept(
                  user,
                  new ChannelNotice(
                      clock.instant(),
                      channel.name(),
                      user.nick() + " has joined " + channel.name()));
              String welcome =
                  created
                      ? "You created " + channel.name() + "; you are its main admin (~)."
                      : "You joined "
                          + channel.name()
                          + (role == ChannelRole.MEMBER
                              ? ""
                              : " as " + role.title() + " (" + role.sigil() + ")")
                          + ". Members: "
                          + ChatServer.whoLine(channel);
              user.deliver(new ChannelNotice(clock.instant(), channel.name(), welcome));
              Topic topic = channel.topic();
              if (topic != null) {
                user.deliver(
                    new ChannelNotice(clock.instant(), channel.name(), "Topic: " + topic.text()));
              }
              return new Joined(channel, joinedAt);
            });
    if (joined.at() != null) {
      showScrollback(user, joined.channel(), joined.at());
    }
    return joined.channel();
  }

  /**
   * The role a user joining an existing channel gets: in a registered channel, the founder's
   * account is main admin and the kept admins' accounts are secondary admins; anyone else is a
   * member.
   */
  static ChannelRole registeredRole(Channel channel, User user) {
    String account = user.account();
    if (account == null || !channel.isRegistered()) {
      return ChannelRole.MEMBER;
    }
    if (Names.key(account).equals(Names.key(channel.founder()))) {
      return ChannelRole.MAIN_ADMIN;
    }
    return channel.adminAccounts().contains(Names.key(account))
        ? ChannelRole.SECONDARY_ADMIN
        : ChannelRole.MEMBER;
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
            throw new ChatException("You are not in any channel.");
          }
          leaveLocked(user, channel, reason);
          return null;
        });
  }

  private void leaveLocked(User user, Channel channel, String reason) {
    boolean wasCurrent = user.current() == channel;
    depart(user, channel, user.nick() + " has left " + channel.name() + because(reason), true);
    user.deliver(
        new ChannelNotice(clock.instant(), channel.name(), "You left " + channel.name() + "."));
    Channel now = user.current();
    if (wasCurrent && now != null) {
      user.deliver(
          new ServerNotice(clock.instant(), "Your current channel is now " + now.name() + "."));
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
  void depart(User user, Channel channel, String notice, boolean pickNewCurrent) {
    ChannelRole role = channel.roleOf(user);
    takeOut(user, channel, pickNewCurrent);
    channel.broadcast(new ChannelNotice(clock.instant(), channel.name(), notice));
    // A registered channel's main admin is its founder's account, who gets ~ back on return.
    if (role == ChannelRole.MAIN_ADMIN && !channel.isRegistered()) {
      Member heir = channel.successor();
      if (heir != null) {
        channel.setRole(heir.user(), ChannelRole.MAIN_ADMIN);
        channel.broadcast(
            new ChannelNotice(
                clock.instant(),
                channel.name(),
                heir.user().nick()
                    + " is now main admin (~) of "
                    + channel.name()
                    + ", taking over from "
                    + user.nick()
                    + "."));
      }
    }
    if (channel.size() == 0 && !channel.isRegistered()) {
      channels.remove(Names.key(channel.name()));
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
      user.deliver(new ChannelNotice(clock.instant(), channel.name(), e.getMessage()));
      return;
    }
    if (!earlier.isEmpty()) {
      user.deliver(
          new HistoryLines(
              clock.instant(),
              "Earlier in " + channel.name() + " (/HISTORY shows more):",
              earlier,
              false));
    }
  }
}
