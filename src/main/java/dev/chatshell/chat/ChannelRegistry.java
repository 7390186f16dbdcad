package dev.chatshell.chat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Registered channels as the domain keeps them across restarts: name, founder (the account that is
 * main admin), the accounts of the secondary admins, and the topic. A change users are told about
 * is stored first: the domain writes it once decided, mostly after releasing its lock and together
 * with other changes ({@link Commits}), and tells users only once it is committed; a storage
 * failure (a {@link ChatException}) undoes the change and nobody is told.
 */
public interface ChannelRegistry {
  /**
   * A registered channel as stored; account names in {@code admins}; {@code topic} may be null;
   * {@code historyFrom} is where its own history starts (null: all lines under its name).
   */
  record Registered(
      String name,
      String founder,
      Set<String> admins,
      Topic topic,
      Instant historyFrom,
      Modes modes,
      List<JoinRequest> requests) {
    public Registered(String name, String founder, Set<String> admins, Topic topic) {
      this(name, founder, admins, topic, null);
    }

    public Registered(
        String name, String founder, Set<String> admins, Topic topic, Instant historyFrom) {
      this(name, founder, admins, topic, historyFrom, Modes.DEFAULT, List.of());
    }
  }

  /**
   * How a registered channel is used: private (/PRIVATE), the most members it lets in (/LIMIT, 0:
   * no limit) and whether every member may set its topic (/TOPICLOCK off).
   */
  record Modes(boolean isPrivate, int memberLimit, boolean topicOpen) {
    /** A new channel's: open, no limit, topic set by its admins. */
    public static final Modes DEFAULT = new Modes(false, 0, false);
  }

  /** Nothing is registered and nothing can be. */
  ChannelRegistry NONE =
      new ChannelRegistry() {
        @Override
        public List<Registered> load() {
          return List.of();
        }

        @Override
        public void register(Registered channel, Instant at) {
          throw new ChatException(
              ChatException.Reason.UNSUPPORTED, "This server cannot register channels.");
        }

        @Override
        public void addAdmin(String channel, String account) {}

        @Override
        public void removeAdmin(String channel, String account) {}

        @Override
        public void rename(String channel, String newName) {}

        @Override
        public void setTopic(String channel, Topic topic) {}

        @Override
        public void delete(String channel) {}

        @Override
        public void setPrivate(String channel, boolean isPrivate) {}

        @Override
        public void setMemberLimit(String channel, int limit) {}

        @Override
        public void setTopicOpen(String channel, boolean open) {}

        @Override
        public void addRequest(String channel, JoinRequest request) {}

        @Override
        public void removeRequest(String channel, JoinRequest request) {}
      };

  /** Every registered channel, read once when the server starts. */
  List<Registered> load();

  void register(Registered channel, Instant at);

  void addAdmin(String channel, String account);

  void removeAdmin(String channel, String account);

  void rename(String channel, String newName);

  /** Sets the topic, or clears it when {@code topic} is null. */
  void setTopic(String channel, Topic topic);

  /** Forgets the channel and its admins. */
  void delete(String channel);

  void setPrivate(String channel, boolean isPrivate);

  /** The most members the channel lets in; 0 lifts the limit. */
  void setMemberLimit(String channel, int limit);

  /** Whether every member may set the topic (true), or its admins only. */
  void setTopicOpen(String channel, boolean open);

  /** Keeps a join request or invitation, replacing one of the same kind for the same nick. */
  void addRequest(String channel, JoinRequest request);

  void removeRequest(String channel, JoinRequest request);

  /**
   * Answers a request with an invitation: removes {@code answered} and keeps {@code invitation} (as
   * {@link #addRequest} does) in one write, so neither is stored without the other. A store that
   * can fail between two writes does both in one transaction; this default, for stores that cannot
   * (kept in memory), does one after the other.
   */
  default void replaceRequest(String channel, JoinRequest answered, JoinRequest invitation) {
    removeRequest(channel, answered);
    addRequest(channel, invitation);
  }
}
