package dev.chatshell.chat;

import static dev.chatshell.chat.ChatState.requireCurrent;
import static dev.chatshell.chat.ChatState.requireOnline;

import java.time.Clock;

/**
 * A channel's settings that say how it is used rather than who is in it: the most members it lets
 * in (/LIMIT, IRC's {@code +l}) and whether every member may set its topic (/TOPICLOCK, IRC's
 * {@code -t}). A registered channel's are stored first, like its private flag, and outlive a
 * restart; an unregistered channel's go with it.
 */
final class ChannelSettings {
  private final ChatState state;
  private final Clock clock;
  private final ChannelRegistry registry;

  ChannelSettings(ChatState state) {
    this.state = state;
    this.clock = state.clock;
    this.registry = state.registry;
  }

  /**
   * Sets the most members the actor's current channel lets in by /JOIN ({@code 0} lifts the limit);
   * its admins' call. Members over a new, lower limit stay: only joins are refused.
   */
  void setMemberLimit(User actor, int limit) {
    requireOnline(actor);
    if (limit < 0) {
      throw new ChatException(
          ChatException.Reason.INVALID,
          "A member limit is a number of members, 1 or more (0 lifts it).",
          limit);
    }
    state.storedFirst(
        () -> {
          Channel channel = requireCurrent(actor);
          RankRules.checkMemberLimit(actor, channel);
          if (channel.memberLimit() == limit) {
            throw new ChatException(
                ChatException.Reason.ALREADY,
                limit == 0
                    ? channel.name() + " has no member limit already."
                    : channel.name() + " is limited to " + limit + " members already.",
                channel.name(),
                limit);
          }
          if (channel.isRegistered()) {
            int before = channel.memberLimit();
            state.store(
                () -> registry.setMemberLimit(channel.name(), limit),
                () -> channel.setMemberLimit(before));
          }
          channel.setMemberLimit(limit);
          channel.broadcast(
              new Notice.LimitSet(clock.instant(), channel.name(), actor.nick(), limit));
          return null;
        });
  }

  /** Locks the topic of the actor's current channel for its admins, or opens it to every member. */
  void setTopicLocked(User actor, boolean locked) {
    requireOnline(actor);
    state.storedFirst(
        () -> {
          Channel channel = requireCurrent(actor);
          RankRules.checkTopicLock(actor, channel);
          if (channel.isTopicOpen() != locked) {
            throw new ChatException(
                ChatException.Reason.ALREADY,
                "The topic of "
                    + channel.name()
                    + (locked ? " is locked already." : " is open already."),
                channel.name(),
                locked);
          }
          if (channel.isRegistered()) {
            state.store(
                () -> registry.setTopicOpen(channel.name(), !locked),
                () -> channel.setTopicOpen(locked));
          }
          channel.setTopicOpen(!locked);
          channel.broadcast(
              new Notice.TopicLockSet(clock.instant(), channel.name(), actor.nick(), locked));
          return null;
        });
  }

  /**
   * Refuses a /JOIN into a channel that has as many members as its limit: nobody walks past it, not
   * server operators, not the invited, not a registered channel's own admins (IRC's {@code +l} is
   * not bypassed by an invitation on most servers either). Called under the domain's lock.
   */
  static void refuseIfFull(Channel channel) {
    int limit = channel.memberLimit();
    if (limit > 0 && channel.size() >= limit) {
      throw new ChatException(
          ChatException.Reason.CHANNEL_FULL,
          channel.name()
              + " is full: "
              + channel.size()
              + (channel.size() == 1 ? " member" : " members")
              + (channel.size() == limit ? ", its limit." : ", over its limit of " + limit + "."),
          channel.name(),
          limit);
    }
  }
}
