package dev.chatshell.chat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A channel and its members with their roles. Membership changes only through {@link ChatServer},
 * under its lock; every change publishes a new immutable snapshot that fan-out, /WHO and completion
 * read without locking. Members are kept in join order, which is what "longest-standing" means for
 * succession.
 *
 * <p>The snapshot is the only copy of the membership: each change (under the lock) builds the next
 * one from the last. A mutable map beside it would cost an entry per member for nothing, since
 * every change copies the whole membership anyway.
 */
public final class Channel {
  private static final Member[] NO_MEMBERS = {};

  /** An immutable view of the membership: in join order for fan-out, by user for role lookups. */
  private record Snapshot(Member[] inOrder, Map<User, Member> byUser) {}

  private volatile String name;
  private volatile Snapshot snapshot = new Snapshot(NO_MEMBERS, Map.of());
  private volatile String founder; // the account that is main admin once registered, else null
  private volatile Set<String> adminAccounts = Set.of(); // keys of registered secondary admins
  private volatile Topic topic;
  private volatile boolean closed; // private: joining takes an invitation or an admin's yes
  private volatile int memberLimit; // the most members /JOIN lets in; 0 for no limit
  private volatile boolean topicOpen; // any member sets the topic, not only its admins
  private volatile List<JoinRequest> requests = List.of(); // copy-on-write, under the lock

  private final Instant historyFrom;

  /**
   * @param historyFrom where the channel's own history starts (its creation), so that a channel
   *     made again under an old name does not show what was said in the old one; null for all
   */
  Channel(String name, Instant historyFrom) {
    this.name = name;
    this.historyFrom = historyFrom;
  }

  /** The start of this channel's history, or {@code null} for all lines under its name. */
  public Instant historyFrom() {
    return historyFrom;
  }

  public String name() {
    return name;
  }

  /** True once the channel is registered: it is kept, with its admins, when everyone leaves. */
  public boolean isRegistered() {
    return founder != null;
  }

  /** The account of a registered channel's main admin, or {@code null}. */
  public String founder() {
    return founder;
  }

  /** The accounts kept as secondary admins of a registered channel, as name keys. */
  public Set<String> adminAccounts() {
    return adminAccounts;
  }

  /** The topic, or {@code null} when none is set. */
  public Topic topic() {
    return topic;
  }

  /** True when the channel is private: /JOIN files a request that its admins accept or deny. */
  public boolean isPrivate() {
    return closed;
  }

  void setPrivate(boolean closed) {
    this.closed = closed;
  }

  /** The most members the channel lets in by /JOIN, or 0 when it sets no limit. */
  public int memberLimit() {
    return memberLimit;
  }

  void setMemberLimit(int memberLimit) {
    this.memberLimit = memberLimit;
  }

  /** True when any member may set the topic; false (as a channel starts) for its admins only. */
  public boolean isTopicOpen() {
    return topicOpen;
  }

  void setTopicOpen(boolean topicOpen) {
    this.topicOpen = topicOpen;
  }

  /** Pending join requests and invitations, oldest first. */
  public List<JoinRequest> requests() {
    return requests;
  }

  void setRequests(List<JoinRequest> requests) {
    this.requests = List.copyOf(requests);
  }

  void setTopic(Topic topic) {
    this.topic = topic;
  }

  void register(String founder, Set<String> adminAccounts) {
    this.founder = founder;
    this.adminAccounts = Set.copyOf(adminAccounts);
  }

  void setAdminAccounts(Set<String> adminAccounts) {
    this.adminAccounts = Set.copyOf(adminAccounts);
  }

  /** The members in join order, as of the last change. */
  public List<Member> members() {
    return List.of(snapshot.inOrder());
  }

  public int size() {
    return snapshot.inOrder().length;
  }

  public boolean contains(User user) {
    return roleOf(user) != null;
  }

  /** The user's role here, or {@code null} when they are not a member. */
  public ChannelRole roleOf(User user) {
    Member member = snapshot.byUser().get(user);
    return member == null ? null : member.role();
  }

  /** Sends {@code event} to every member; lock-free, so concurrent senders may interleave. */
  void broadcast(ChatEvent event) {
    for (Member member : snapshot.inOrder()) {
      member.user().deliver(event);
    }
  }

  /** Sends what {@code sender} said to every member who does not ignore them. */
  void broadcastFrom(User sender, ChatEvent event) {
    for (Member member : snapshot.inOrder()) {
      User user = member.user();
      if (!user.ignores(sender)) {
        user.deliver(event);
      }
    }
  }

  /** Sends {@code event} to every member but {@code except}. */
  void broadcastExcept(User except, ChatEvent event) {
    for (Member member : snapshot.inOrder()) {
      if (member.user() != except) {
        member.user().deliver(event);
      }
    }
  }

  // The changes below run under ChatServer.lock, so no two build a snapshot at once.

  void add(User user, ChannelRole role, long since) {
    Member[] old = snapshot.inOrder();
    Member added = new Member(user, role, since);
    int at = indexOf(old, user);
    Member[] next;
    if (at >= 0) {
      next = old.clone(); // there already: keeps its place, as a map's put did
      next[at] = added;
    } else {
      next = Arrays.copyOf(old, old.length + 1);
      next[old.length] = added;
    }
    publish(next);
  }

  void remove(User user) {
    Member[] old = snapshot.inOrder();
    int at = indexOf(old, user);
    if (at < 0) {
      return;
    }
    Member[] next = new Member[old.length - 1];
    System.arraycopy(old, 0, next, 0, at);
    System.arraycopy(old, at + 1, next, at, old.length - at - 1);
    publish(next);
  }

  void setRole(User user, ChannelRole role) {
    Member[] old = snapshot.inOrder();
    int at = indexOf(old, user);
    if (at < 0) {
      return;
    }
    Member[] next = old.clone();
    next[at] = new Member(user, role, old[at].since());
    publish(next);
  }

  private static int indexOf(Member[] members, User user) {
    for (int i = 0; i < members.length; i++) {
      if (members[i].user() == user) {
        return i;
      }
    }
    return -1;
  }

  void rename(String newName) {
    this.name = newName;
  }

  private void publish(Member[] inOrder) {
    Map<User, Member> byUser = new HashMap<>(inOrder.length * 2);
    for (Member member : inOrder) {
      byUser.put(member.user(), member);
    }
    snapshot = new Snapshot(inOrder, Map.copyOf(byUser));
  }

  @Override
  public String toString() {
    return name;
  }
}
