package dev.chatshell.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state of the chat domain, shared by the classes that change it ({@link Logins}, {@link
 * AccountChanges}, {@link Memberships}, {@link JoinRequests}, {@link PrivateChannels}, {@link
 * Moderation}, {@link Bans}, {@link Messaging}, {@link PersonalState}): who is connected, which
 * channels exist, the bans in force, the registered names, the ports, and the one lock.
 *
 * <p>Threading: one lock guards every change to users, channels, memberships and bans, so the rules
 * see a consistent state (joins, departures and successions are rare next to messages); every
 * change goes through {@link #locked}. The maps are sorted and concurrent, so lookups and
 * completion need no lock. Channel messages are fanned out without the lock from the channel's
 * membership snapshot. /SET choices have a lock of their own, {@link #preferencesLock}, and so have
 * accounts' keys, {@link #keysLock}; neither is ever held together with the domain's.
 *
 * <p>No disk under the lock: changes that write to a store (the topic, private, kept admins, join
 * requests and invitations, joining a registered private channel, registering a channel, lifting a
 * ban) run through {@link #storedFirst}, which decides and makes them in memory under the lock,
 * then commits their writes with the lock released, together with those of every other change
 * waiting ({@link StoreQueue}: group commit, one transaction and one sync for many), and only then
 * tells anyone. Every other change goes through the same door ({@link #locked}): when changes that
 * write are waiting, what it tells is queued behind theirs and told by the group that commits them,
 * in the order made, while its caller goes on at once. So every other user's join, nick change and
 * kick waits for the decision only, never for an fsync, and nobody is told of anything that a
 * change not yet stored made possible (the topic shown to someone joining, a kick by a user just
 * granted admin). Lock order: the domain's lock, then the store queue's monitor (held briefly,
 * never while writing); the store's own connection lock is taken by the group's leader without the
 * domain's lock, or inside it, and nothing is taken after it. Bans, renames, channel deletions and
 * the expired bans /BANS drops still write under the lock, as before (the effects of the first
 * three, users kicked or disconnected, channels emptied, cannot be taken back once out), but in
 * their turn ({@link #lockedInTurn}: the changes queued before them are committed first, those
 * queued in the last moment under the lock), so the store sees every change in the order it was
 * made; only the bans of a channel whose last member leaves are dropped from the store by the
 * departure itself.
 */
final class ChatState {
  final ReentrantLock lock = new ReentrantLock();
  // Changes that write, waiting for the store in the order they were made; committed in groups.
  private final StoreQueue storeQueue;
  // Changed under the lock; sorted and concurrent so lookups and completion need no lock.
  final NavigableMap<String, User> users = new ConcurrentSkipListMap<>(); // by key(nick)
  final NavigableMap<String, Channel> channels = new ConcurrentSkipListMap<>();
  final Clock clock;
  final int maxChannelsPerUser;
  final OperatorCredentials operators;
  final ModerationListener moderation;
  final Accounts accounts;
  final ChannelRegistry registry;
  final History history;
  final BanList banList;
  final AccountPreferences preferences; // /SET, per account
  final Object preferencesLock = new Object();
  final AccountKeys accountKeys; // /KEY, per account
  final Object keysLock = new Object(); // a count checked and a key added as one step
  volatile List<Ban> bans = List.of(); // copy-on-write, changed under the lock
  volatile int scrollback = 10; // lines of history shown on /JOIN
  // Terminals one account may have logged in at once: each holds a connection and an outbox.
  volatile int terminalsPerAccount = 10;
  // Users logged in to an account, by Names.key(account): where a new session of it attaches.
  final Map<String, User> byAccount = new java.util.concurrent.ConcurrentHashMap<>();
  // Every registered name by key, read once at start and kept up to date (accounts are only ever
  // created here): who may use a nick is decided under the lock, without asking the database.
  final Map<String, String> registered = new java.util.concurrent.ConcurrentHashMap<>();
  volatile String consoleKey; // the nick kept for the server's own console, or null
  long nextUserId = 1; // under the lock
  long nextJoin = 1; // under the lock

  /** Reads the registered names, channels and bans from the ports' stores. */
  ChatState(ChatPorts ports, int maxChannelsPerUser) {
    this.clock = ports.clock();
    this.maxChannelsPerUser = maxChannelsPerUser;
    this.operators = ports.operators();
    this.moderation = ports.moderation();
    this.accounts = ports.accounts();
    this.registry = ports.registry();
    this.history = ports.history();
    this.banList = ports.banList();
    this.preferences = ports.preferences();
    this.accountKeys = ports.keys();
    this.storeQueue = new StoreQueue(ports.commits(), lock);
    for (String name : accounts.names()) {
      registered.put(Names.key(name), name);
    }
    for (ChannelRegistry.Registered stored : registry.load()) {
      Channel channel = new Channel(stored.name(), stored.historyFrom());
      channel.register(stored.founder(), keys(stored.admins()));
      channel.setTopic(stored.topic());
      channel.setPrivate(stored.modes().isPrivate());
      channel.setMemberLimit(stored.modes().memberLimit());
      channel.setTopicOpen(stored.modes().topicOpen());
      channel.setRequests(stored.requests());
      channels.put(Names.key(stored.name()), channel);
    } // Bans of channels that did not survive the restart went with them.
    List<Ban> kept = new ArrayList<>();
    Set<String> gone = new java.util.TreeSet<>();
    for (Ban ban : banList.load()) {
      if (ban.isServerWide() || channels.containsKey(Names.key(ban.channel()))) {
        kept.add(ban);
      } else {
        gone.add(ban.channel());
      }
    }
    gone.forEach(banList::removeChannel);
    this.bans = List.copyOf(kept);
  }

  /**
   * The registered name of the account {@code nick} belongs to, when it is registered: logging in
   * or changing to it then needs its password.
   */
  java.util.Optional<String> account(String nick) {
    return java.util.Optional.ofNullable(registered.get(Names.key(nick)));
  }

  /** Throws the refusal for a user a ban in {@code channel} (null: the server) applies to. */
  void refuseIfBanned(Channel channel, String nick, String account, String address) {
    Ban ban = activeBan(channel == null ? null : channel.name(), nick, account, address);
    if (ban != null) {
      throw new ChatException(
          ChatException.Reason.BANNED,
          "You are banned from "
              + (channel == null ? "this server" : channel.name())
              + " by "
              + ban.by()
              + (ban.reason() == null ? "" : " (" + ban.reason() + ")")
              + ", "
              + ban.untilText()
              + ".",
          ban);
    }
  }

  /** The ban in force in {@code channel} (null: server-wide) that applies, or null. */
  Ban activeBan(String channel, String nick, String account, String address) {
    Instant now = clock.instant();
    for (Ban ban : bans) {
      boolean here =
          channel == null
              ? ban.isServerWide()
              : !ban.isServerWide() && Names.key(ban.channel()).equals(Names.key(channel));
      if (here && ban.activeAt(now) && ban.matches(nick, account, address)) {
        return ban;
      }
    }
    return null;
  }

  /** Refuses anything done in the name of a user who has been logged out (killed, quit). */
  static void requireOnline(User user) {
    if (user.isGone()) {
      throw new ChatException(ChatException.Reason.GONE, "You are no longer connected.");
    }
  }

  static Channel requireCurrent(User user) {
    Channel channel = user.current();
    if (channel == null) {
      throw new ChatException(
          ChatException.Reason.NOT_IN_CHANNEL, "You are not in a channel; /JOIN one first.");
    }
    return channel;
  }

  User requireUser(String nick) {
    User user = users.get(Names.key(nick));
    if (user == null) {
      throw new ChatException(
          ChatException.Reason.NO_SUCH_NICK,
          "No user called " + Text.visible(nick) + " is online.",
          nick);
    }
    return user;
  }

  /**
   * The door (telnet, ssh, console) of the session whose line is running, for the moderation log:
   * bound by {@link ChatServer#actingThrough} around each line, on the thread that runs it (the
   * changes a line makes are decided on that thread), so two terminals of one account on two doors
   * never swap it.
   */
  static final ScopedValue<String> DOOR = ScopedValue.newInstance();

  ModerationAction record(
      ModerationAction.Kind kind, User actor, String target, String channel, String reason) {
    String why = reason == null || reason.isBlank() ? null : Text.visible(reason);
    String whom = target == null ? null : Text.visible(target); // a refused /OPER name is raw input
    return new ModerationAction(
        clock.instant(),
        kind,
        actor.nick(),
        whom,
        channel,
        why,
        DOOR.isBound() ? DOOR.get() : null);
  }

  /** A channel by the name a user typed, or {@code null}. */
  Channel channel(String typedName) {
    return channels.get(Names.key(Names.channel(typedName)));
  }

  /** The channel named {@code typedName}, which the user must be in. */
  Channel memberChannel(User user, String typedName) {
    Channel channel = channel(typedName);
    if (channel == null || !channel.contains(user)) {
      throw new ChatException(
          ChatException.Reason.NOT_IN_CHANNEL,
          "You are not in " + Names.channel(typedName) + "; /JOIN it first.",
          Names.channel(typedName));
    }
    return channel;
  }

  static boolean sameName(String a, String b) {
    return Names.key(a).equals(Names.key(b));
  }

  /** Forgets the bans of a channel that is gone (a channel made later under its name is new). */
  void forgetBans(Channel channel) {
    String name = channel.name();
    if (bans.stream().anyMatch(b -> !b.isServerWide() && sameName(b.channel(), name))) {
      try {
        banList.removeChannel(name);
      } catch (ChatException e) {
        // stored bans of a gone channel are harmless: a channel made under its name is new
      }
      bans = bans.stream().filter(b -> b.isServerWide() || !sameName(b.channel(), name)).toList();
    }
  }

  /** Typed text made safe and stripped ("" for none), refused when longer than {@code max}. */
  static String bounded(String typed, int max, String what) {
    String safe = typed == null ? "" : Text.visible(typed).strip();
    if (safe.length() > max) {
      throw new ChatException(
          ChatException.Reason.INVALID,
          what + " is at most " + max + " characters; this one has " + safe.length() + ".",
          max,
          safe.length());
    }
    return safe;
  }

  /** Runs a moderation action under the lock, then records it (the log may write a file). */
  void moderated(Supplier<ModerationAction> action) {
    moderation.recorded(locked(action));
  }

  /**
   * Runs a change (or a question) under the lock. When changes that write are still waiting for the
   * store, what this one tells users waits behind theirs ({@link #storedFirst}): nobody is told of
   * a change that a stored change before it made possible (a kick by a user just granted admin, the
   * topic shown to someone joining) before that change is stored, and each user hears of changes in
   * the order they were made. Inside a change already running, it just runs.
   */
  <T> T locked(Supplier<T> action) {
    if (lock.isHeldByCurrentThread()) {
      return action.get();
    }
    return storedFirst(action);
  }

  /**
   * Runs a change that may write to the stores: it is decided and made in memory under the lock as
   * any other, but its writes (handed to {@link #store}) are committed after the lock is released,
   * and only then is anyone told of it (what it tells users meanwhile is held by a {@link
   * PendingChange}); it returns once all that is done. Changes that write wait for the store in the
   * order they were made ({@link StoreQueue}), and those waiting together are committed together,
   * their events told in that order. When its writes fail, the change is undone under the lock and
   * its refusal is thrown; nobody is told. A change with nothing to write is told at once when none
   * is waiting, else after those before it, by the group that commits them: it returns at once.
   */
  <T> T storedFirst(Supplier<T> action) {
    if (lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("the store queue is waited for without the domain's lock");
    }
    PendingChange change = new PendingChange();
    T result = null;
    RuntimeException refused = null;
    lock.lock();
    try {
      change.begin();
      result = action.get();
    } catch (RuntimeException e) {
      refused = e; // what was stored and told before it stands, as when writing under the lock
    } finally {
      change.close();
      // Under the lock: the queue is in the order changes are made.
      if (change.writes()) {
        storeQueue.add(change);
      } else if (!storeQueue.addIfBusy(change)) {
        change.tell();
      }
      lock.unlock();
    }
    if (change.writes()) {
      storeQueue.await(change);
      if (change.notStored() != null) {
        throw change.notStored();
      }
    }
    if (refused != null) {
      throw refused;
    }
    return result;
  }

  /**
   * {@link #locked} in turn with the changes that write (see {@link #storedFirst}), for a change
   * that writes under the lock: those queued before it are committed first, so its writes and
   * theirs reach the store in the order decided.
   */
  <T> T lockedInTurn(Supplier<T> action) {
    if (lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("the store queue is waited for without the domain's lock");
    }
    return storeQueue.inTurn(action);
  }

  /** {@link #lockedInTurn} for a moderation action, then recorded. */
  void moderatedInTurn(Supplier<ModerationAction> action) {
    moderation.recorded(lockedInTurn(action));
  }

  /** {@link #storedFirst} for a moderation action, recorded once it is stored and told. */
  void moderatedStoredFirst(Supplier<ModerationAction> action) {
    moderation.recorded(storedFirst(action));
  }

  /**
   * Writes a change to a store, before it is made in memory: inside {@link #storedFirst}, once the
   * lock is released ({@code undo} takes the change back in memory if the write fails); elsewhere
   * at once, under the lock, as every write was before.
   */
  void store(Runnable write, Runnable undo) {
    PendingChange change = PendingChange.open();
    if (change == null) {
      write.run();
    } else {
      change.store(write, undo);
    }
  }

  private static Void run(Runnable action) {
    action.run();
    return null;
  }

  static Set<String> keys(Set<String> accounts) {
    Set<String> keys = new java.util.HashSet<>();
    accounts.forEach(a -> keys.add(Names.key(a)));
    return keys;
  }
}
