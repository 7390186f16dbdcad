package dev.chatshell.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The chat domain: who is connected, which channels exist, who is in them with which role, and
 * every rule about them. Pure Java without I/O: it tells users what happened by handing immutable
 * {@link ChatEvent}s to their {@link EventSink}s.
 *
 * <p>Threading: one lock guards every change to users, channels and memberships, so the rules see a
 * consistent state (joins, departures and successions are rare next to messages). Channel messages
 * are fanned out without the lock from the channel's membership snapshot.
 */
public final class ChatServer {
  private final ReentrantLock lock = new ReentrantLock();
  // Changed under the lock; sorted and concurrent so lookups and completion need no lock.
  private final NavigableMap<String, User> users = new ConcurrentSkipListMap<>(); // by key(nick)
  private final NavigableMap<String, Channel> channels = new ConcurrentSkipListMap<>();
  private final Clock clock;
  private final int maxChannelsPerUser;
  private final OperatorCredentials operators;
  private final ModerationListener moderation;
  private long nextUserId = 1;
  private long nextJoin = 1;

  /** A server without operators whose moderation actions go unrecorded (tests, tools). */
  public ChatServer(Clock clock, int maxChannelsPerUser) {
    this(clock, maxChannelsPerUser, OperatorCredentials.NONE, ModerationListener.NONE);
  }

  /**
   * @param operators checks /OPER names and passwords
   * @param moderation told of every moderation action
   */
  public ChatServer(
      Clock clock,
      int maxChannelsPerUser,
      OperatorCredentials operators,
      ModerationListener moderation) {
    this.clock = clock;
    this.maxChannelsPerUser = maxChannelsPerUser;
    this.operators = operators;
    this.moderation = moderation;
  }

  /** Logs a user in under {@code nick}, which must be valid and free. */
  public User connect(String nick, String address, EventSink sink) {
    Names.requireNick(nick);
    return locked(
        () -> {
          if (users.containsKey(Names.key(nick))) {
            throw new ChatException("The nickname " + nick + " is taken; choose another.");
          }
          User user = new User(nextUserId++, nick, address, sink, clock.instant());
          users.put(Names.key(nick), user);
          return user;
        });
  }

  /** Logs a user out: they leave every channel (with succession) and their nick is freed. */
  public void disconnect(User user, String reason) {
    String why = because(reason);
    locked(
        () -> {
          remove(user, user.nick() + " has quit" + why);
          return null;
        });
  }

  /** Takes a user out of every channel, telling each one {@code notice}, and frees the nick. */
  private void remove(User user, String notice) {
    if (users.get(Names.key(user.nick())) != user) {
      return; // already gone
    }
    for (Channel channel : user.channels()) {
      depart(user, channel, notice, false);
    }
    users.remove(Names.key(user.nick()));
    user.markGone(); // lines the session still had queued must not bring the user back
  }

  /**
   * Removes every user and channel at once, telling nobody: for shutdown, when everyone has already
   * been told and is about to be disconnected.
   */
  public void disconnectAll() {
    locked(
        () -> {
          for (User user : users.values()) {
            user.setChannels(List.of());
            user.markGone();
          }
          users.clear();
          channels.clear();
          return null;
        });
  }

  /**
   * Joins a channel, creating it with the user as main admin when it does not exist; either way it
   * becomes the user's current channel.
   */
  public Channel join(User user, String typedName) {
    requireOnline(user);
    String name = Names.channel(typedName);
    return locked(
        () -> {
          requireOnline(user); // again under the lock: a kill may have come in between
          Channel channel = channels.get(Names.key(name));
          if (channel != null && channel.contains(user)) {
            user.setCurrent(channel);
            user.deliver(
                new ChannelNotice(
                    clock.instant(),
                    channel.name(),
                    "You are already in " + channel.name() + "; it is now your current channel."));
            return channel;
          }
          if (user.channels().size() >= maxChannelsPerUser) {
            throw new ChatException(
                "You are in "
                    + maxChannelsPerUser
                    + " channels already, the most allowed; /LEAVE one first.");
          }
          boolean created = channel == null;
          if (created) {
            channel = new Channel(name);
            channels.put(Names.key(name), channel);
          }
          ChannelRole role = created ? ChannelRole.MAIN_ADMIN : ChannelRole.MEMBER;
          channel.add(user, role, nextJoin++);
          List<Channel> mine = new ArrayList<>(user.channels());
          mine.add(channel);
          user.setChannels(mine);
          user.setCurrent(channel);
          channel.broadcastExcept(
              user,
              new ChannelNotice(
                  clock.instant(), channel.name(), user.nick() + " has joined " + channel.name()));
          String welcome =
              created
                  ? "You created " + channel.name() + "; you are its main admin (~)."
                  : "You joined " + channel.name() + ". Members: " + whoLine(channel);
          user.deliver(new ChannelNotice(clock.instant(), channel.name(), welcome));
          return channel;
        });
  }

  /**
   * Leaves the named channel, or the current one when {@code typedName} is null. Another channel
   * the user is in, the most recently joined, becomes current.
   */
  public void leave(User user, String typedName, String reason) {
    requireOnline(user);
    locked(
        () -> {
          Channel channel = typedName == null ? user.current() : memberChannel(user, typedName);
          if (channel == null) {
            throw new ChatException("You are not in any channel.");
          }
          leaveLocked(user, channel, reason);
          return null;
        });
  }

  /** Leaves {@code channel}, whatever it is called by now (a rename may have come in between). */
  public void leaveChannel(User user, Channel channel, String reason) {
    requireOnline(user);
    locked(
        () -> {
          if (!channel.contains(user)) {
            throw new ChatException("You are not in " + channel.name() + ".");
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

  /** Says {@code text} in the user's current channel. */
  public void say(User user, String text) {
    requireOnline(user);
    Channel channel = user.current();
    if (channel == null) {
      throw new ChatException(
          "You are not in a channel: /JOIN #name first, or /MSG <nick> <text> to talk privately.");
    }
    String safe = Text.visible(text);
    if (safe.isBlank()) {
      return;
    }
    channel.broadcast(new ChannelMessage(clock.instant(), channel.name(), user.nick(), safe));
  }

  /**
   * Sends a private message to one or several nicks separated by {@code ;}. Reaches every nick that
   * is online; names the ones that are not.
   */
  public void sendPrivate(User from, String recipients, String text) {
    requireOnline(from);
    String safe = Text.visible(text);
    if (safe.isBlank()) {
      throw new ChatException("The message is empty; type /MSG <nick> <text>.");
    }
    Set<String> asked = new LinkedHashSet<>();
    for (String nick : recipients.split(";")) {
      if (!nick.isBlank()) {
        asked.add(nick.strip());
      }
    }
    if (asked.isEmpty()) {
      throw new ChatException("Name at least one nick: /MSG <nick>[;<nick>...] <text>.");
    }
    Map<User, String> found = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    lock.lock();
    try {
      for (String nick : asked) {
        User to = users.get(Names.key(nick));
        if (to == null) {
          missing.add(Text.visible(nick));
        } else {
          found.put(to, to.nick());
        }
      }
    } finally {
      lock.unlock();
    }
    if (!found.isEmpty()) {
      PrivateMessage message =
          new PrivateMessage(clock.instant(), from.nick(), List.copyOf(found.values()), safe);
      found.keySet().forEach(to -> to.deliver(message));
      if (!found.containsKey(from)) {
        from.deliver(message);
      }
    }
    if (!missing.isEmpty()) {
      throw new ChatException(
          "No user called "
              + String.join(", ", missing)
              + " is online"
              + (found.isEmpty() ? "; nothing was sent." : "; the others got the message."));
    }
  }

  /** Changes the user's nickname; everyone who shares a channel with them is told once. */
  public void changeNick(User user, String newNick) {
    requireOnline(user);
    Names.requireNick(newNick);
    locked(
        () -> {
          requireOnline(user); // again under the lock: a kill may have come in between
          String old = user.nick();
          User holder = users.get(Names.key(newNick));
          if (holder != null && holder != user) {
            throw new ChatException("The nickname " + newNick + " is taken; choose another.");
          }
          if (old.equals(newNick)) {
            throw new ChatException("You are already called " + newNick + ".");
          }
          users.remove(Names.key(old));
          users.put(Names.key(newNick), user);
          user.rename(newNick);
          ServerNotice notice =
              new ServerNotice(clock.instant(), old + " is now known as " + newNick);
          Set<User> told = new LinkedHashSet<>();
          for (Channel channel : user.channels()) {
            for (Member member : channel.members()) {
              if (member.user() != user && told.add(member.user())) {
                member.user().deliver(notice);
              }
            }
          }
          user.deliver(new ServerNotice(clock.instant(), "You are now known as " + newNick + "."));
          return null;
        });
  }

  /**
   * Removes {@code nick} from the actor's current channel. The kicked user is told who did it and
   * why, and may /JOIN again; the channel is told; a kicked main admin has a successor.
   */
  public void kick(User actor, String nick, String reason) {
    requireOnline(actor);
    String why = because(reason);
    moderated(
        () -> {
          Channel channel = requireCurrent(actor);
          User target = requireUser(nick);
          RankRules.checkKick(actor, target, channel);
          depart(
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
          return record(ModerationAction.Kind.KICK, actor, target.nick(), channel.name(), reason);
        });
  }

  /** Makes a member of the actor's current channel a secondary admin. */
  public void grant(User actor, String nick) {
    changeRole(actor, nick, ModerationAction.Kind.GRANT);
  }

  /** Makes a secondary admin of the actor's current channel a plain member again. */
  public void revoke(User actor, String nick) {
    changeRole(actor, nick, ModerationAction.Kind.REVOKE);
  }

  private void changeRole(User actor, String nick, ModerationAction.Kind kind) {
    requireOnline(actor);
    boolean grant = kind == ModerationAction.Kind.GRANT;
    moderated(
        () -> {
          Channel channel = requireCurrent(actor);
          User target = requireUser(nick);
          if (grant) {
            RankRules.checkGrant(actor, target, channel);
          } else {
            RankRules.checkRevoke(actor, target, channel);
          }
          channel.setRole(target, grant ? ChannelRole.SECONDARY_ADMIN : ChannelRole.MEMBER);
          String text =
              grant
                  ? actor.nick() + " made " + target.nick() + " a secondary admin (@) of "
                  : actor.nick() + " took back " + target.nick() + "'s secondary-admin rights in ";
          channel.broadcast(
              new ChannelNotice(clock.instant(), channel.name(), text + channel.name() + "."));
          return record(kind, actor, target.nick(), channel.name(), null);
        });
  }

  /**
   * Renames the actor's current channel. Members, roles and everyone's current channel stay; a name
   * another channel has is refused.
   */
  public Channel rename(User actor, String typedName) {
    requireOnline(actor);
    String name = Names.channel(typedName);
    Channel[] renamed = new Channel[1];
    moderated(
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
          channels.remove(Names.key(old));
          channel.rename(name);
          channels.put(Names.key(name), channel);
          channel.broadcast(
              new ChannelNotice(
                  clock.instant(), name, actor.nick() + " renamed " + old + " to " + name + "."));
          renamed[0] = channel;
          return record(ModerationAction.Kind.RENAME, actor, name, old, null);
        });
    return renamed[0];
  }

  /**
   * Disconnects a user from the server (operators only). Their channels are told, they are shown
   * why, and their session closes.
   */
  public void kill(User actor, String nick, String reason) {
    requireOnline(actor);
    String why = because(reason);
    moderated(
        () -> {
          User target = requireUser(nick);
          RankRules.checkKill(actor, target);
          boolean actorSeesIt = target.channels().stream().anyMatch(c -> c.contains(actor));
          target.deliver(
              new Disconnected(
                  clock.instant(),
                  "You were disconnected by server operator " + actor.nick() + why + "."));
          remove(target, target.nick() + " was disconnected by " + actor.nick() + why);
          if (!actorSeesIt) {
            actor.deliver(
                new ServerNotice(clock.instant(), "You disconnected " + target.nick() + why + "."));
          }
          return record(ModerationAction.Kind.KILL, actor, target.nick(), null, reason);
        });
  }

  /**
   * Makes the user a server operator if {@code name} is a configured operator and the password
   * matches. The slow hash is checked outside the lock, so nobody else waits for it.
   */
  public void oper(User user, String name, char[] password) {
    requireOnline(user);
    if (user.isOperator()) {
      throw new ChatException("You are a server operator already.");
    }
    // Slow on purpose: checked outside the lock, so nobody else waits for it.
    OperatorCredentials.Check check = operators.check(user.address(), name, password);
    switch (check.verdict()) {
      case ACCEPTED -> promote(user, name);
      case BUSY ->
          throw new ChatException("Another operator login is being checked; try again shortly.");
      case THROTTLED ->
          throw new ChatException(
              "Too many wrong passwords lately; try again in "
                  + Math.max(1, check.retryAfter().toSeconds())
                  + " s.");
      case REFUSED -> {
        moderation.recorded(
            record(ModerationAction.Kind.OPER_REFUSED, user, name, null, "wrong name or password"));
        throw new ChatException("Wrong operator name or password.");
      }
    }
  }

  /**
   * Logs in the server's own console: a server operator that remote operators cannot /KILL (there
   * would be no way to bring it back without a restart).
   */
  public User connectConsole(String nick, EventSink sink) {
    User console = connect(nick, "console", sink);
    console.markConsole();
    promote(console, "console");
    return console;
  }

  /** Makes a user a server operator without a password: for the server's own console. */
  public void promote(User user, String name) {
    locked(
        () -> {
          user.makeOperator();
          user.deliver(
              new ServerNotice(
                  clock.instant(),
                  "You are now a server operator (" + name + "): you may act in any channel."));
          return null;
        });
    moderation.recorded(record(ModerationAction.Kind.OPER, user, name, null, null));
  }

  /**
   * A line from the server in the user's current channel, on the user's behalf (how command plugins
   * such as games show results to everyone there).
   */
  public void notice(User user, String text) {
    requireOnline(user);
    Channel channel = requireCurrent(user);
    channel.broadcast(new ChannelNotice(clock.instant(), channel.name(), Text.visible(text)));
  }

  /** Refuses anything done in the name of a user who has been logged out (killed, quit). */
  private static void requireOnline(User user) {
    if (user.isGone()) {
      throw new ChatException("You are no longer connected.");
    }
  }

  private Channel requireCurrent(User user) {
    Channel channel = user.current();
    if (channel == null) {
      throw new ChatException("You are not in a channel; /JOIN one first.");
    }
    return channel;
  }

  private User requireUser(String nick) {
    User user = users.get(Names.key(nick));
    if (user == null) {
      throw new ChatException("No user called " + Text.visible(nick) + " is online.");
    }
    return user;
  }

  private static String because(String reason) {
    return reason == null || reason.isBlank() ? "" : " (" + Text.visible(reason) + ")";
  }

  private ModerationAction record(
      ModerationAction.Kind kind, User actor, String target, String channel, String reason) {
    String why = reason == null || reason.isBlank() ? null : Text.visible(reason);
    String whom = target == null ? null : Text.visible(target); // a refused /OPER name is raw input
    return new ModerationAction(clock.instant(), kind, actor.nick(), whom, channel, why);
  }

  /** Makes one of the user's channels the current one. */
  public Channel switchTo(User user, String typedName) {
    requireOnline(user);
    return locked(
        () -> {
          Channel channel = memberChannel(user, typedName);
          user.setCurrent(channel);
          return channel;
        });
  }

  /** A channel by the name a user typed, or {@code null}. */
  public Channel channel(String typedName) {
    return channels.get(Names.key(Names.channel(typedName)));
  }

  /** The channel named {@code typedName}, which the user must be in. */
  public Channel memberChannel(User user, String typedName) {
    Channel channel = channel(typedName);
    if (channel == null || !channel.contains(user)) {
      throw new ChatException("You are not in " + Names.channel(typedName) + "; /JOIN it first.");
    }
    return channel;
  }

  /** Every channel, by name. */
  public List<Channel> channels() {
    return new ArrayList<>(channels.values());
  }

  /** The nicks of everyone online, sorted case-insensitively. */
  public List<String> nicks() {
    return nicksStartingWith("", Integer.MAX_VALUE);
  }

  /** Up to {@code limit} nicks starting with {@code prefix} (any case), sorted; lock-free. */
  public List<String> nicksStartingWith(String prefix, int limit) {
    List<String> found = new ArrayList<>();
    for (User user : startingWith(users, prefix).values()) {
      if (found.size() == limit) {
        break;
      }
      found.add(user.nick());
    }
    return found;
  }

  /** Up to {@code limit} channels whose name starts with {@code prefix} (any case); lock-free. */
  public List<Channel> channelsStartingWith(String prefix, int limit) {
    List<Channel> found = new ArrayList<>();
    for (Channel channel : startingWith(channels, prefix).values()) {
      if (found.size() == limit) {
        break;
      }
      found.add(channel);
    }
    return found;
  }

  private static <T> NavigableMap<String, T> startingWith(
      NavigableMap<String, T> map, String prefix) {
    String from = Names.key(prefix);
    return map.subMap(from, true, from + Character.MAX_VALUE, false);
  }

  public int userCount() {
    return users.size();
  }

  /** Tells every connected user something (for example that the server is shutting down). */
  public void announce(String text) {
    ServerNotice notice = new ServerNotice(clock.instant(), text);
    List<User> everyone = locked(() -> new ArrayList<>(users.values()));
    everyone.forEach(u -> u.deliver(notice));
  }

  /** The /WHO line of a channel: members in join order with their role sigils. */
  public static String whoLine(Channel channel) {
    StringBuilder line = new StringBuilder();
    for (Member member : channel.members()) {
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(member.display());
    }
    return line.toString();
  }

  /**
   * Removes the user from a channel, hands over the main-admin role, deletes an empty channel. A
   * user who quits keeps their last current channel, so the lines still on their way to them are
   * shown as they were meant to be.
   */
  private void depart(User user, Channel channel, String notice, boolean pickNewCurrent) {
    ChannelRole role = channel.roleOf(user);
    channel.remove(user);
    List<Channel> mine = new ArrayList<>(user.channels());
    mine.remove(channel);
    user.setChannels(mine);
    if (pickNewCurrent && user.current() == channel) {
      user.setCurrent(mine.isEmpty() ? null : mine.get(mine.size() - 1));
    }
    channel.broadcast(new ChannelNotice(clock.instant(), channel.name(), notice));
    if (role == ChannelRole.MAIN_ADMIN) {
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
    if (channel.size() == 0) {
      channels.remove(Names.key(channel.name()));
    }
  }

  /** Runs a moderation action under the lock, then records it (the log may write a file). */
  private void moderated(Supplier<ModerationAction> action) {
    moderation.recorded(locked(action));
  }

  private <T> T locked(Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
