package dev.chatshell.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
  private final Accounts accounts;
  private final ChannelRegistry registry;
  private final History history;
  private final BanList banList;
  private volatile List<Ban> bans = List.of(); // copy-on-write, changed under the lock
  private volatile int scrollback = 10; // lines of history shown on /JOIN
  // Users logged in to an account, by Names.key(account): where a new session of it attaches.
  private final Map<String, User> byAccount = new java.util.concurrent.ConcurrentHashMap<>();
  // Every registered name by key, read once at start and kept up to date (accounts are only ever
  // created here): who may use a nick is decided under the lock, without asking the database.
  private final Map<String, String> registered = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile String consoleKey; // the nick kept for the server's own console, or null
  private volatile AccountPreferences preferences = AccountPreferences.NONE; // /SET, per account
  private final Object preferencesLock = new Object();
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
    this(clock, maxChannelsPerUser, operators, moderation, Accounts.NONE, ChannelRegistry.NONE);
  }

  /**
   * @param accounts registered nicks and their passwords
   * @param registry keeps registered channels; read once here
   */
  public ChatServer(
      Clock clock,
      int maxChannelsPerUser,
      OperatorCredentials operators,
      ModerationListener moderation,
      Accounts accounts,
      ChannelRegistry registry) {
    this(clock, maxChannelsPerUser, operators, moderation, accounts, registry, History.NONE);
  }

  /**
   * @param history keeps what is said
   */
  public ChatServer(
      Clock clock,
      int maxChannelsPerUser,
      OperatorCredentials operators,
      ModerationListener moderation,
      Accounts accounts,
      ChannelRegistry registry,
      History history) {
    this(
        clock,
        maxChannelsPerUser,
        operators,
        moderation,
        accounts,
        registry,
        history,
        BanList.NONE);
  }

  /**
   * @param banList keeps bans; read once here
   */
  public ChatServer(
      Clock clock,
      int maxChannelsPerUser,
      OperatorCredentials operators,
      ModerationListener moderation,
      Accounts accounts,
      ChannelRegistry registry,
      History history,
      BanList banList) {
    this.history = history;
    this.banList = banList;

    this.clock = clock;
    this.maxChannelsPerUser = maxChannelsPerUser;
    this.operators = operators;
    this.moderation = moderation;
    this.accounts = accounts;
    this.registry = registry;
    for (String name : accounts.names()) {
      registered.put(Names.key(name), name);
    }
    for (ChannelRegistry.Registered stored : registry.load()) {
      Channel channel = new Channel(stored.name(), stored.historyFrom());
      channel.register(stored.founder(), keys(stored.admins()));
      channel.setTopic(stored.topic());
      channel.setPrivate(stored.isPrivate());
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

  private static Set<String> keys(Set<String> accounts) {
    Set<String> keys = new java.util.HashSet<>();
    accounts.forEach(a -> keys.add(Names.key(a)));
    return keys;
  }

  /**
   * The registered name of the account {@code nick} belongs to, when it is registered: logging in
   * or changing to it then needs its password.
   */
  public java.util.Optional<String> account(String nick) {
    return java.util.Optional.ofNullable(registered.get(Names.key(nick)));
  }

  /** How many lines of a channel's history whoever joins it is shown (0: none). */
  public void setScrollback(int lines) {
    this.scrollback = lines;
  }

  // Terminals one account may have logged in at once: each holds a connection and an outbox.
  private volatile int terminalsPerAccount = 10;

  /** How many terminals may be logged in to one account at once. */
  public void setTerminalsPerAccount(int terminals) {
    this.terminalsPerAccount = terminals;
  }

  /**
   * Keeps {@code nick} for the server's own console: nobody else may log in, change to or register
   * it, even while no console is running.
   */
  public void reserveForConsole(String nick) {
    consoleKey = Names.key(nick);
  }

  /**
   * Refuses a nick that is registered to an account other than {@code account}, or the console's.
   */
  private void requireUsable(String nick, String account, boolean console) {
    String key = Names.key(nick);
    if (!console && key.equals(consoleKey)) {
      throw new ChatException(nick + " is kept for the server's console; choose another.");
    }
    String holder = registered.get(key);
    if (holder != null && (account == null || !Names.key(account).equals(key))) {
      throw new ChatException(nick + " is registered; its password is needed to use it.");
    }
  }

  /**
   * Logs a user in under {@code nick}, which must be valid, free and not registered (a registered
   * nick logs in with {@link #login}).
   */
  public User connect(String nick, String address, EventSink sink) {
    return connect(nick, address, sink, false);
  }

  private User connect(String nick, String address, EventSink sink, boolean console) {
    Names.requireNick(nick);
    return locked(
        () -> {
          requireUsable(nick, null, console);
          if (!console) {
            refuseIfBanned(null, nick, null, address);
          }
          if (users.containsKey(Names.key(nick))) {
            throw new ChatException("The nickname " + nick + " is taken; choose another.");
          }
          User user = new User(nextUserId++, nick, address, sink, clock.instant());
          users.put(Names.key(nick), user);
          return user;
        });
  }

  /**
   * Logs in to the account {@code name} with its password. When the account is already online, the
   * new session joins it: same nick, same channels, everything shown on every terminal. The slow
   * hash is checked outside the lock.
   */
  public User login(String name, char[] password, String address, EventSink sink) {
    Names.requireNick(name);
    String account =
        account(name).orElseThrow(() -> new ChatException("There is no account " + name + "."));
    accounts
        .check(address, account, password)
        .requireAccepted("Wrong password for " + account + ".");
    boolean[] fresh = new boolean[1];
    User user =
        locked(
            () -> {
              refuseIfBanned(null, account, account, address);
              User online = byAccount.get(Names.key(account));
              if (online != null) {
                int most = terminalsPerAccount;
                if (online.sessions() >= most) {
                  throw new ChatException(
                      account
                          + " is already logged in from "
                          + online.sessions()
                          + " terminals, the most one account may have; leave one (/BYE there)"
                          + " first.");
                }
                // A terminal from an address banned where the user is would read those channels.
                for (Channel channel : online.channels()) {
                  if (!exemptFromBans(channel, online)) {
                    refuseIfBanned(channel, online.nick(), account, address);
                  }
                }
                // The terminals already in are told (an unexpected one is worth noticing).
                online.deliver(
                    new ServerNotice(
                        clock.instant(),
                        "Another terminal logged in to " + account + ", from " + address + "."));
                online.attach(sink);
                sink.deliver(
                    new ServerNotice(
                        clock.instant(),
                        "You are logged in to "
                            + account
                            + (online.nick().equals(account) ? "" : ", known as " + online.nick())
                            + ", from "
                            + online.sessions()
                            + " terminals now: they share channels and messages."
                            + (online.current() == null
                                ? ""
                                : " Current channel: " + online.current().name() + ".")));
                return online;
              }
              // Only the console can hold a registered nick without its account.
              if (users.get(Names.key(account)) != null) {
                throw new ChatException("The nickname " + account + " is in use; try again later.");
              }
              User created = new User(nextUserId++, account, address, sink, clock.instant());
              created.setAccount(account);
              users.put(Names.key(account), created);
              byAccount.put(Names.key(account), created);
              fresh[0] = true;
              return created;
            });
    if (fresh[0]) {
      adoptIgnores(user, account);
      showMissed(user, account);
      adoptPreferences(user, account);
    }
    return user;
  }

  /** Most mentions shown at login; /HISTORY shows the rest. */
  private static final int MISSED_SHOWN = 10;

  /**
   * Tells an account that comes back what mentioned it while it was away: lines naming it in
   * channels, and private messages to it, since it last logged out (read outside the lock).
   */
  private void showMissed(User user, String account) {
    List<HistoryEntry> missed;
    Instant since;
    try {
      since = history.lastSeen(account);
      if (since == null) {
        return; // never logged out yet: nothing was missed
      }
      // Lines said in private channels are not among them: what is said there stays there.
      missed = history.mentions(account, since, MISSED_SHOWN);
    } catch (ChatException e) {
      user.deliver(new ServerNotice(clock.instant(), e.getMessage()));
      return;
    }
    if (missed.isEmpty()) {
      user.deliver(new ServerNotice(clock.instant(), "Nobody mentioned you while you were away."));
      return;
    }
    user.deliver(
        new HistoryLines(
            clock.instant(),
            "While you were away, you were mentioned"
                + (missed.size() == MISSED_SHOWN ? " (the last " + MISSED_SHOWN + " times)" : "")
                + ":",
            missed,
            true));
  }

  /**
   * Who no channel ban keeps out: server operators, and a registered channel's founder (its own
   * admins cannot lock it out with an address block while it is away).
   */
  private static boolean exemptFromBans(Channel channel, User user) {
    return user.isOperator()
        || (channel.isRegistered()
            && user.account() != null
            && sameName(user.account(), channel.founder()));
  }

  /** Throws the refusal for a user a ban in {@code channel} (null: the server) applies to. */
  private void refuseIfBanned(Channel channel, String nick, String account, String address) {
    Ban ban = activeBan(channel == null ? null : channel.name(), nick, account, address);
    if (ban != null) {
      throw new ChatException(
          "You are banned from "
              + (channel == null ? "this server" : channel.name())
              + " by "
              + ban.by()
              + (ban.reason() == null ? "" : " (" + ban.reason() + ")")
              + ", "
              + ban.untilText()
              + ".");
    }
  }

  /** The ban in force in {@code channel} (null: server-wide) that applies, or null. */
  private Ban activeBan(String channel, String nick, String account, String address) {
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

  /**
   * Ends one session of a user: when it was their last, they log out (see {@link #disconnect(User,
   * String)}); otherwise their other terminals are told and stay in.
   */
  public void disconnect(User user, EventSink session, String reason) {
    locked(
        () -> {
          if (!user.hasSession(session)) {
            return null; // ended already
          }
          if (user.isGone()) {
            user.detach(session); // logged out already (killed): nobody left to tell
            return null;
          }
          if (user.sessions() > 1) {
            int left = user.detach(session);
            user.deliver(
                new ServerNotice(
                    clock.instant(),
                    "One of your terminals left"
                        + because(reason)
                        + "; "
                        + left
                        + (left == 1 ? " is" : " are")
                        + " still logged in."));
            return null;
          }
          remove(user, user.nick() + " has quit" + because(reason));
          return null;
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
    if (user.account() != null) {
      byAccount.remove(Names.key(user.account()), user);
      history.seen(user.account(), clock.instant());
    }
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
            if (user.account() != null) {
              history.seen(user.account(), clock.instant()); // what they saw live is not "missed"
            }
          }
          users.clear();
          byAccount.clear();
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
    Instant[] joinedAt = new Instant[1]; // set when the user joined an existing channel just now
    Channel joined =
        locked(
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
                return channel;
              }
              if (channel != null) {
                if (!exemptFromBans(channel, user)) {
                  refuseIfBanned(channel, user.nick(), user.account(), user.address());
                }
              }
              if (user.channels().size() >= maxChannelsPerUser) {
                throw new ChatException(
                    "You are in "
                        + maxChannelsPerUser
                        + " channels already, the most allowed; /LEAVE one first.");
              }
              // After the limit: letting in uses an invitation up.
              if (channel != null && channel.isPrivate() && !letIn(channel, user)) {
                fileRequest(channel, user);
                return null;
              }
              boolean created = channel == null;
              if (created) {
                channel = new Channel(name, clock.instant());
                channels.put(Names.key(name), channel);
              } else {
                joinedAt[0] = clock.instant();
              }
              ChannelRole role = created ? ChannelRole.MAIN_ADMIN : registeredRole(channel, user);
              channel.add(user, role, nextJoin++);
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
                          + whoLine(channel);
              user.deliver(new ChannelNotice(clock.instant(), channel.name(), welcome));
              Topic topic = channel.topic();
              if (topic != null) {
                user.deliver(
                    new ChannelNotice(clock.instant(), channel.name(), "Topic: " + topic.text()));
              }
              return channel;
            });
    if (joinedAt[0] != null) {
      showScrollback(user, joined, joinedAt[0]);
    }
    return joined;
  }

  /**
   * Whether a user may walk into a private channel: operators, its kept admins, and whoever holds
   * an invitation (which is used up).
   */
  private boolean letIn(Channel channel, User user) {
    if (user.isOperator() || registeredRole(channel, user) != ChannelRole.MEMBER) {
      return true;
    }
    JoinRequest invitation =
        find(channel, JoinRequest.Kind.INVITATION, user.nick(), user.account());
    if (invitation == null) {
      return false;
    }
    dropRequest(channel, invitation);
    return true;
  }

  private static JoinRequest find(
      Channel channel, JoinRequest.Kind kind, String nick, String account) {
    for (JoinRequest request : channel.requests()) {
      if (request.kind() == kind && request.isFor(nick, account)) {
        return request;
      }
    }
    return null;
  }

  /** Keeps a request or invitation (stored first when the channel is registered). */
  private void keepRequest(Channel channel, JoinRequest request) {
    if (channel.isRegistered()) {
      registry.addRequest(channel.name(), request);
    }
    List<JoinRequest> now = new ArrayList<>();
    for (JoinRequest r : channel.requests()) {
      if (!(r.kind() == request.kind() && sameName(r.nick(), request.nick()))) {
        now.add(r);
      }
    }
    now.add(request);
    channel.setRequests(now);
  }

  private void dropRequest(Channel channel, JoinRequest request) {
    if (channel.isRegistered()) {
      registry.removeRequest(channel.name(), request);
    }
    channel.setRequests(channel.requests().stream().filter(r -> r != request).toList());
  }

  /** Most requests and invitations a channel keeps waiting. */
  private static final int MAX_REQUESTS = 100;

  /** Files a user's request to join a private channel and tells its admins who are online. */
  private void fileRequest(Channel channel, User user) {
    Instant now = clock.instant();
    if (find(channel, JoinRequest.Kind.REQUEST, user.nick(), user.account()) != null) {
      user.deliver(
          new ChannelNotice(
              now,
              channel.name(),
              "Your request to join " + channel.name() + " is still waiting for an admin."));
      return;
    }
    if (channel.requests().size() >= MAX_REQUESTS) {
      throw new ChatException(
          channel.name() + " is private and has too many requests waiting; try again later.");
    }
    keepRequest(
        channel,
        new JoinRequest(JoinRequest.Kind.REQUEST, user.nick(), user.account(), user.nick(), now));
    user.deliver(
        new ChannelNotice(
            now,
            channel.name(),
            channel.name()
                + " is private: your request to join was sent to its admins. You will be let in"
                + " when one accepts it."));
    String answer = "/ACCEPT " + user.nick() + " or /DENY " + user.nick();
    String asks = user.nick() + " asks to join " + channel.name() + ": ";
    // /ACCEPT and /DENY act on the current channel: admins elsewhere are told to switch first.
    ChannelNotice here = new ChannelNotice(now, channel.name(), asks + answer + ".");
    ChannelNotice elsewhere =
        new ChannelNotice(
            now, channel.name(), asks + "/CURRENT " + channel.name() + ", then " + answer + ".");
    for (Member member : channel.members()) {
      if (member.role() != ChannelRole.MEMBER || member.user().isOperator()) {
        member.user().deliver(member.user().current() == channel ? here : elsewhere);
      }
    }
  }

  /** Makes the actor's current channel private (or open again); its main admin's call. */
  public void setPrivate(User actor, boolean on) {
    requireOnline(actor);
    locked(
        () -> {
          Channel channel = requireCurrent(actor);
          RankRules.checkPrivate(actor, channel);
          if (channel.isPrivate() == on) {
            throw new ChatException(
                channel.name() + " is " + (on ? "private" : "open") + " already.");
          }
          if (channel.isRegistered()) {
            registry.setPrivate(channel.name(), on);
          }
          channel.setPrivate(on);
          channel.broadcast(
              new ChannelNotice(
                  clock.instant(),
                  channel.name(),
                  actor.nick()
                      + (on
                          ? " made "
                              + channel.name()
                              + " private: joining now takes an"
                              + " invitation (/INVITE) or an admin's /ACCEPT."
                          : " opened " + channel.name() + ": anyone may /JOIN it.")));
          return null;
        });
  }

  /**
   * Accepts a request to join the actor's current channel: a requester who is online is let in at
   * once; one who is not gets an invitation for their next /JOIN.
   */
  public void accept(User actor, String nick) {
    requireOnline(actor);
    answer(actor, nick, true, null);
  }

  /** Turns down a request to join the actor's current channel; the requester is told. */
  public void deny(User actor, String nick, String reason) {
    requireOnline(actor);
    answer(actor, nick, false, reason);
  }

  private void answer(User actor, String nick, boolean yes, String reason) {
    String why = because(bounded(reason, MAX_REASON_LENGTH, "A reason"));
    User[] letIn = new User[1];
    Channel[] where = new Channel[1];
    locked(
        () -> {
          Channel channel = requireCurrent(actor);
          RankRules.checkRequests(actor, channel);
          JoinRequest request = find(channel, JoinRequest.Kind.REQUEST, nick, null);
          if (request == null) {
            throw new ChatException(
                "Nobody called "
                    + Text.visible(nick)
                    + " is waiting to join "
                    + channel.name()
                    + "; /REQUESTS lists them.");
          }
          dropRequest(channel, request);
          Instant now = clock.instant();
          String outcome =
              yes
                  ? actor.nick() + " accepted " + request.nick() + "'s request to join "
                  : actor.nick() + " turned down " + request.nick() + "'s request to join ";
          channel.broadcast(
              new ChannelNotice(now, channel.name(), outcome + channel.name() + why + "."));
          User requester = users.get(Names.key(request.nick()));
          if (requester != null
              && !(request.account() != null
                  ? request.account().equalsIgnoreCase(String.valueOf(requester.account()))
                  : requester.account() == null && !requester.since().isAfter(request.at()))) {
            // Someone else holds the nick now (the one who asked left): not them.
            requester = null;
          }
          if (!yes) {
            if (requester != null) {
              requester.deliver(
                  new ChannelNotice(
                      now,
                      channel.name(),
                      "Your request to join "
                          + channel.name()
                          + " was turned down by "
                          + actor.nick()
                          + why
                          + "."));
            }
            return null;
          }
          keepRequest(
              channel,
              new JoinRequest(
                  JoinRequest.Kind.INVITATION,
                  request.nick(),
                  request.account(),
                  actor.nick(),
                  now));
          if (requester != null) {
            letIn[0] = requester;
            where[0] = channel;
          }
          return null;
        });
    if (letIn[0] != null) {
      try {
        join(letIn[0], where[0].name()); // uses the invitation just made
      } catch (ChatException e) {
        // too many channels, say: the invitation waits for their own /JOIN
        letIn[0].deliver(
            new ChannelNotice(
                clock.instant(),
                where[0].name(),
                "You are invited to " + where[0].name() + " (" + e.getMessage() + ")"));
      }
    }
  }

  /**
   * Invites {@code nick} to the actor's current channel: their next /JOIN lets them in even when it
   * is private. They are told if they are online.
   */
  public void invite(User actor, String nick) {
    requireOnline(actor);
    Names.requireNick(nick);
    locked(
        () -> {
          Channel channel = requireCurrent(actor);
          RankRules.checkRequests(actor, channel);
          User invitee = users.get(Names.key(nick));
          if (invitee != null && channel.contains(invitee)) {
            throw new ChatException(invitee.nick() + " is in " + channel.name() + " already.");
          }
          if (channel.requests().size() >= MAX_REQUESTS) {
            throw new ChatException("Too many requests and invitations wait already.");
          }
          Instant now = clock.instant();
          String shownNick = invitee == null ? nick : invitee.nick();
          JoinRequest pending = find(channel, JoinRequest.Kind.REQUEST, shownNick, null);
          if (pending != null) {
            dropRequest(channel, pending); // an invitation answers it
          }
          keepRequest(
              channel,
              new JoinRequest(
                  JoinRequest.Kind.INVITATION,
                  shownNick,
                  invitee == null ? account(nick).orElse(null) : invitee.account(),
                  actor.nick(),
                  now));
          channel.broadcast(
              new ChannelNotice(
                  now,
                  channel.name(),
                  actor.nick() + " invited " + shownNick + " to " + channel.name() + "."));
          if (invitee != null) {
            invitee.deliver(
                new ServerNotice(
                    now,
                    actor.nick()
                        + " invites you to "
                        + channel.name()
                        + ": /JOIN "
                        + channel.name()));
          }
          return null;
        });
  }

  /** The requests and invitations waiting in the actor's current channel (its admins only). */
  public List<JoinRequest> requests(User actor) {
    requireOnline(actor);
    return locked(
        () -> {
          Channel channel = requireCurrent(actor);
          RankRules.checkRequests(actor, channel);
          return channel.requests();
        });
  }

  /** Shows someone who just joined what was said there before (read outside the lock). */
  private void showScrollback(User user, Channel channel, Instant joinedAt) {
    int lines = scrollback;
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

  /** The last {@code lines} lines of the user's current channel, oldest first. */
  public List<HistoryEntry> channelHistory(User user, int lines) {
    requireOnline(user);
    Channel channel = requireCurrent(user);
    // Up to and including this millisecond: a line said in the same millisecond as the request
    // (a fast client on loopback) was said before it.
    return history.channel(
        channel.name(), channel.historyFrom(), clock.instant().plusMillis(1), lines);
  }

  /**
   * The last {@code lines} private messages between the user's account and the account {@code nick}
   * is registered to: kept for accounts only, so that a conversation is never shown to someone who
   * later takes one of the nicks.
   */
  public List<HistoryEntry> conversation(User user, String nick, int lines) {
    requireOnline(user);
    String mine = user.account();
    if (mine == null) {
      throw new ChatException(
          "Private history is kept for accounts only: /REGISTER your nick to keep yours.");
    }
    String theirs =
        account(nick)
            .orElseThrow(
                () ->
                    new ChatException(
                        Text.visible(nick)
                            + " has no account, so no private history is kept with them."));
    return history.conversation(mine, theirs, lines);
  }

  /**
   * The role a user joining an existing channel gets: in a registered channel, the founder's
   * account is main admin and the kept admins' accounts are secondary admins; anyone else is a
   * member.
   */
  private static ChannelRole registeredRole(Channel channel, User user) {
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
    say(user, text, false);
  }

  /** Shows an action in the user's current channel: {@code * alice waves}. */
  public void act(User user, String text) {
    if (text == null || Text.visible(text).isBlank()) {
      throw new ChatException("Say what you do: /ME <action>.");
    }
    say(user, text, true);
  }

  /**
   * Says {@code text} in {@code channel}, which the user must still be in: a line that flood
   * control held back goes where it was typed, even if the user has switched channels since.
   */
  public void say(User user, Channel channel, String text) {
    requireOnline(user);
    if (!channel.contains(user)) {
      throw new ChatException(
          "You are no longer in " + channel.name() + "; a line you typed there was not sent.");
    }
    say(user, channel, text, false);
  }

  private void say(User user, String text, boolean action) {
    requireOnline(user);
    Channel channel = user.current();
    if (channel == null) {
      throw new ChatException(
          "You are not in a channel: /JOIN #name first, or /MSG <nick> <text> to talk privately.");
    }
    say(user, channel, text, action);
  }

  private void say(User user, Channel channel, String text, boolean action) {
    String safe = Text.visible(text);
    if (safe.isBlank()) {
      return;
    }
    ChannelMessage message =
        new ChannelMessage(clock.instant(), channel.name(), user.nick(), safe, action);
    // Kept before it is shown: someone who joins once a member has seen the line finds it in the
    // channel's history (a join between the two may see it twice, never not at all).
    history.record(HistoryEntry.said(message, user.account(), channel.isPrivate()));
    channel.broadcastFrom(user, message);
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
      List<String> away = new ArrayList<>();
      for (User to : found.keySet()) {
        if (!to.ignores(from)) { // ignored senders are not told: that would invite them around it
          to.deliver(message);
        }
        String why = to.away();
        if (why != null && to != from) {
          away.add(to.nick() + " is away: " + why);
        }
      }
      if (!found.containsKey(from)) {
        from.deliver(message);
      }
      for (String line : away) {
        from.deliver(new ServerNotice(clock.instant(), line));
      }
      List<String> toAccounts = new ArrayList<>();
      found
          .keySet()
          .forEach(
              to -> {
                if (to.account() != null) {
                  toAccounts.add(to.account());
                }
              });
      history.record(
          new HistoryEntry(
              message.time(), null, from.nick(), from.account(), message.to(), toAccounts, safe));
    }
    if (!missing.isEmpty()) {
      throw new ChatException(
          "No user called "
              + String.join(", ", missing)
              + " is online"
              + (found.isEmpty() ? "; nothing was sent." : "; the others got the message."));
    }
  }

  /**
   * True when changing to {@code nick} needs a password: it is registered, and the user is not
   * logged in to an account (one who is may only take their own account's nick).
   */
  public boolean needsPassword(User user, String nick) {
    return user.account() == null && !user.isConsole() && account(nick).isPresent();
  }

  private static boolean sameAccount(User user, String account) {
    return user.account() != null && Names.key(user.account()).equals(Names.key(account));
  }

  /** Changes the user's nickname; everyone who shares a channel with them is told once. */
  public void changeNick(User user, String newNick) {
    changeNick(user, newNick, null);
  }

  /**
   * Changes the user's nickname. A nick registered to another account needs that account's {@code
   * password} and logs the user in to it; a user already logged in to an account cannot take
   * another account's nick (they log in to it from a new connection instead).
   */
  public void changeNick(User user, String newNick, char[] password) {
    requireOnline(user);
    Names.requireNick(newNick);
    String account = account(newNick).filter(a -> !sameAccount(user, a)).orElse(null);
    if (account != null) {
      if (user.isConsole()) {
        throw new ChatException("The console cannot log in to an account.");
      }
      if (user.account() != null) {
        throw new ChatException(
            newNick
                + " is another account; you are logged in to "
                + user.account()
                + ". Log in as "
                + account
                + " from a new connection to use it.");
      }
      if (password == null) {
        throw new ChatException(
            newNick + " is registered; /NICK " + newNick + " asks for its password.");
      }
      accounts
          .check(user.address(), account, password)
          .requireAccepted("Wrong password for " + account + "; your nick is unchanged.");
    }
    locked(
        () -> {
          requireOnline(user); // again under the lock: a kill may have come in between
          // Again under the lock: the nick may have been registered since it was checked.
          requireUsable(newNick, account != null ? account : user.account(), user.isConsole());
          String asAccount = account != null ? account : user.account();
          refuseIfBanned(null, newNick, asAccount, user.address());
          for (Channel channel : user.channels()) {
            if (!exemptFromBans(channel, user)) {
              refuseIfBanned(channel, newNick, asAccount, user.address());
            }
          }
          if (account != null && byAccount.containsKey(Names.key(account))) {
            throw new ChatException(
                account + " is logged in elsewhere; log in as " + account + " to share it.");
          }
          String old = user.nick();
          User holder = users.get(Names.key(newNick));
          if (holder != null && holder != user) {
            throw new ChatException("The nickname " + newNick + " is taken; choose another.");
          }
          if (old.equals(newNick)) {
            throw new ChatException("You are already called " + newNick + ".");
          }
          if (account != null) {
            user.setAccount(account);
            byAccount.put(Names.key(account), user);
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
          user.deliver(
              new ServerNotice(
                  clock.instant(),
                  "You are now known as "
                      + newNick
                      + (account == null ? "." : ", logged in to the account " + account + ".")));
          return null;
        });
    if (account != null) {
      adoptIgnores(user, account);
      adoptPreferences(user, account); // a login too: the account's choices, its channels
    }
  }

  /**
   * Registers the user's nick as an account with {@code password}, and logs them in to it. Returns
   * once the account is stored.
   */
  public void register(User user, char[] password) {
    requireOnline(user);
    if (user.account() != null) {
      throw new ChatException(
          "You are logged in to the account "
              + user.account()
              + " already; /PASSWD changes its"
              + " password.");
    }
    requireGoodPassword(password);
    if (user.isConsole()) {
      throw new ChatException("The console's nick cannot be registered.");
    }
    // The name is taken under the lock first, so nobody can log in under it or change to it while
    // it is being stored; it is given back if storing fails.
    String nick =
        locked(
            () -> {
              String mine = user.nick();
              if (registered.putIfAbsent(Names.key(mine), mine) != null) {
                throw new ChatException(mine + " is registered already.");
              }
              return mine;
            });
    boolean stored = false;
    try {
      stored = accounts.register(user.address(), nick, password);
    } finally {
      if (!stored) {
        registered.remove(Names.key(nick), nick);
      }
    }
    if (!stored) {
      throw new ChatException(nick + " is registered already.");
    }
    locked(
        () -> {
          user.setAccount(nick);
          if (!user.isGone()) {
            byAccount.put(Names.key(nick), user);
          }
          user.deliver(
              new ServerNotice(
                  clock.instant(),
                  "You registered "
                      + nick
                      + ". From now on, logging in as "
                      + nick
                      + " asks for this password, and several terminals may log in to it at"
                      + " once."));
          return null;
        });
    adoptIgnores(user, nick);
    keepPreferences(user, nick);
  }

  /** Changes the password of the account the user is logged in to; needs the current one. */
  public void changePassword(User user, char[] current, char[] replacement) {
    requireOnline(user);
    String account = user.account();
    if (account == null) {
      throw new ChatException("You have no account yet; /REGISTER makes one for your nick.");
    }
    requireGoodPassword(replacement);
    accounts
        .check(user.address(), account, current)
        .requireAccepted("That is not your current password; nothing was changed.");
    accounts.setPassword(account, replacement);
    user.deliver(new ServerNotice(clock.instant(), "The password of " + account + " has changed."));
  }

  /** Shortest password accepted: guessing is throttled, but a short password is still weak. */
  public static final int MIN_PASSWORD_LENGTH = 8;

  private static final int MAX_PASSWORD_LENGTH = 256;

  private static void requireGoodPassword(char[] password) {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new ChatException(
          "Use a password of at least "
              + MIN_PASSWORD_LENGTH
              + " characters; nothing was changed.");
    }
    if (password.length > MAX_PASSWORD_LENGTH) {
      throw new ChatException(
          "Use a password of at most " + MAX_PASSWORD_LENGTH + " characters; nothing was changed.");
    }
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
          User target = users.get(Names.key(nick));
          boolean here = target != null && channel.contains(target);
          if (!here && !grant && channel.isRegistered()) {
            // a kept admin who is not here: by their account, or by the name typed
            String account =
                target != null && target.account() != null
                    ? target.account()
                    : account(nick).orElse(nick); // shown as registered

            return revokeKept(actor, channel, account);
          }
          target = requireUser(nick);
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
          return record(kind, actor, target.nick(), channel.name(), null);
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
    return record(ModerationAction.Kind.REVOKE, actor, account, channel.name(), null);
  }

  /**
   * Renames the actor's current channel. Members, roles and everyone's current channel stay; a name
   * another channel has is refused.
   */
  public Channel rename(User actor, String typedName) {
    requireOnline(actor);
    String name = Names.channel(typedName);
    Channel[] renamed = new Channel[1];
    String[] oldName = new String[1];
    Instant[] renamedAt = new Instant[1];
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
          if (channel.isRegistered()) {
            registry.rename(old, name);
          }
          if (bans.stream().anyMatch(b -> !b.isServerWide() && sameName(b.channel(), old))) {
            banList.renameChannel(old, name);
            List<Ban> moved = new ArrayList<>();
            for (Ban b : bans) {
              moved.add(
                  !b.isServerWide() && sameName(b.channel(), old)
                      ? new Ban(name, b.kind(), b.target(), b.by(), b.reason(), b.at(), b.until())
                      : b);
            }
            bans = List.copyOf(moved);
          }
          channels.remove(Names.key(old));
          channel.rename(name);
          channels.put(Names.key(name), channel);
          channel.broadcast(
              new ChannelNotice(
                  clock.instant(), name, actor.nick() + " renamed " + old + " to " + name + "."));
          renamed[0] = channel;
          oldName[0] = old;
          renamedAt[0] = clock.instant();
          return record(ModerationAction.Kind.RENAME, actor, name, old, null);
        });
    try {
      history.renamed(oldName[0], name, renamed[0].historyFrom(), renamedAt[0]);
    } catch (ChatException e) {
      // the rename stands; only its earlier lines stay under the old name
    }
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
    PasswordCheck check = operators.check(user.address(), name, password);
    if (check.verdict() == PasswordCheck.Verdict.REFUSED) {
      moderation.recorded(
          record(ModerationAction.Kind.OPER_REFUSED, user, name, null, "wrong name or password"));
    }
    check.requireAccepted("Wrong operator name or password.");
    promote(user, name);
  }

  /**
   * Registers a channel the actor is main admin of (the current one when {@code typedName} is
   * null), with the actor's account as its founder: from then on it is kept when everyone leaves
   * and across restarts, with its topic and its secondary admins who have accounts, and the founder
   * gets ~ back whenever they join.
   */
  public void registerChannel(User actor, String typedName) {
    requireOnline(actor);
    moderated(
        () -> {
          Channel channel =
              typedName == null ? requireCurrent(actor) : memberChannel(actor, typedName);
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
          return record(
              ModerationAction.Kind.REGISTER, actor, actor.account(), channel.name(), null);
        });
  }

  /**
   * Deletes a channel (the actor's current one when {@code typedName} is null): everyone in it is
   * taken out and told, and a registered channel is forgotten for good.
   */
  public void deleteChannel(User actor, String typedName, String reason) {
    requireOnline(actor);
    String why = because(reason);
    moderated(
        () -> {
          Channel channel =
              typedName == null ? requireCurrent(actor) : memberChannel(actor, typedName);
          RankRules.checkDelete(actor, channel);
          if (channel.isRegistered()) {
            registry.delete(channel.name());
          }
          List<Member> members = channel.members();
          for (Member member : members) {
            takeOut(member.user(), channel, true); // no succession: the channel is going
          }
          channels.remove(Names.key(channel.name()), channel);
          forgetBans(channel);
          // Told once it is gone, so whatever they do next already finds it gone.
          ChannelNotice notice =
              new ChannelNotice(
                  clock.instant(),
                  channel.name(),
                  actor.nick() + " deleted " + channel.name() + why + ".");
          members.forEach(member -> member.user().deliver(notice));
          return record(ModerationAction.Kind.DELETE, actor, null, channel.name(), reason);
        });
  }

  /**
   * Sets the topic of the actor's current channel ({@code null} or blank clears it); kept across
   * restarts when the channel is registered.
   */
  public void setTopic(User actor, String text) {
    requireOnline(actor);
    String safe = bounded(text, MAX_TOPIC_LENGTH, "A topic");
    locked(
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

  /** Typed text made safe and stripped ("" for none), refused when longer than {@code max}. */
  private static String bounded(String typed, int max, String what) {
    String safe = typed == null ? "" : Text.visible(typed).strip();
    if (safe.length() > max) {
      throw new ChatException(
          what + " is at most " + max + " characters; this one has " + safe.length() + ".");
    }
    return safe;
  }

  /** Most bans a channel, and the server, may hold: each join and login checks them all. */
  public static final int MAX_CHANNEL_BANS = 200;

  public static final int MAX_SERVER_BANS = 2000;

  /** Longest reason for a ban or a refusal, in characters. */
  public static final int MAX_REASON_LENGTH = 300;

  /** Longest away message, in characters. */
  public static final int MAX_AWAY_LENGTH = 200;

  /**
   * Marks the user away with {@code message} (shown to whoever sends them a private message and in
   * /WHO), or back when it is null or blank.
   */
  public void setAway(User user, String message) {
    requireOnline(user);
    String safe = bounded(message, MAX_AWAY_LENGTH, "An away message");
    boolean wasAway = user.away() != null;
    user.setAway(safe.isEmpty() ? null : safe);
    user.deliver(
        new ServerNotice(
            clock.instant(),
            safe.isEmpty()
                ? (wasAway
                    ? "You are back: you are no longer marked away."
                    : "You are not marked away; /AWAY <message> marks you away.")
                : "You are marked away: " + safe + " (/AWAY alone when you are back)."));
  }

  /** Most nicks one user may ignore. */
  public static final int MAX_IGNORED = 100;

  /**
   * Stops (or, with {@code ignore} false, resumes) showing the user what {@code nick} says in
   * channels and privately. Kept across logins for users with an account.
   */
  public void ignore(User user, String nick, boolean ignore) {
    requireOnline(user);
    Names.requireNick(nick);
    // By nick, and by the account behind it (online now, or registered under that nick), so
    // that a nick change does not get round it.
    Set<String> keys = new java.util.LinkedHashSet<>();
    keys.add(Names.key(nick));
    User now = users.get(Names.key(nick));
    if (now != null && now.account() != null) {
      keys.add(Names.key(now.account()));
    }
    account(nick).ifPresent(a -> keys.add(Names.key(a)));
    if (ignore && (keys.contains(Names.key(user.nick())) || now == user)) {
      throw new ChatException("You cannot ignore yourself.");
    }
    Set<String> mine = new java.util.HashSet<>(user.ignored());
    boolean changed = ignore ? mine.addAll(keys) : mine.removeAll(keys);
    if (!changed) {
      throw new ChatException(
          ignore ? "You ignore " + nick + " already." : "You do not ignore " + nick + ".");
    }
    if (mine.size() > MAX_IGNORED) {
      throw new ChatException("You ignore " + MAX_IGNORED + " nicks already; /UNIGNORE some.");
    }
    if (user.account() != null) {
      accounts.setIgnored(user.account(), mine); // stored first; nothing changes if it fails
    }
    user.setIgnored(mine);
    user.deliver(
        new ServerNotice(
            clock.instant(),
            ignore
                ? "You now ignore "
                    + nick
                    + ": nothing they say is shown to you."
                    + (user.account() == null ? "" : " Kept with your account.")
                : "You no longer ignore " + nick + "."));
  }

  /**
   * Joins the ignore list kept with an account the user just logged in to (or registered) with the
   * one they had, and keeps the result.
   */
  private void adoptIgnores(User user, String account) {
    try {
      Set<String> stored = accounts.ignored(account);
      Set<String> merged = new java.util.HashSet<>(stored);
      for (String key : user.ignored()) {
        if (merged.size() < MAX_IGNORED) {
          merged.add(key);
        }
      }
      if (!merged.equals(stored)) {
        accounts.setIgnored(account, merged);
      }
      user.setIgnored(merged);
    } catch (ChatException e) {
      user.deliver(new ServerNotice(clock.instant(), e.getMessage()));
    }
  }

  /** Where accounts' /SET choices are kept; {@link AccountPreferences#NONE} until set. */
  public void usePreferenceStore(AccountPreferences store) {
    this.preferences = store;
  }

  /**
   * Changes what the user chose with /SET; for an account it is stored first (nothing changes if
   * that fails) and applies to all its terminals at once.
   */
  public void setPreferences(User user, Preferences chosen) {
    changePreferences(user, ignored -> chosen);
  }

  /**
   * Changes one of the user's choices from what they are now, as one step: two terminals of an
   * account changing different settings at the same instant both keep their change, and what is
   * stored is what the user has. Returns the choices now in force.
   */
  public Preferences changePreferences(
      User user, java.util.function.UnaryOperator<Preferences> change) {
    requireOnline(user);
    synchronized (preferencesLock) { // rare (a /SET), and never held with the domain's lock
      Preferences chosen = change.apply(user.preferences());
      String account = user.account();
      if (account != null) {
        preferences.save(account, chosen);
      }
      user.setPreferences(chosen);
      return chosen;
    }
  }

  /**
   * Logging in to an account: takes up what it chose with /SET and, unless it turned autojoin off,
   * joins again the registered channels where it holds a role, as an IRC client's autojoin would.
   */
  private void adoptPreferences(User user, String account) {
    Preferences chosen;
    try {
      chosen = preferences.load(account);
    } catch (ChatException e) {
      user.deliver(new ServerNotice(clock.instant(), e.getMessage()));
      return;
    }
    user.setPreferences(chosen);
    if (!chosen.autojoin()) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (Channel channel : channels.values()) { // sorted by name
      if (registeredRole(channel, user) != ChannelRole.MEMBER && !channel.contains(user)) {
        names.add(channel.name());
      }
    }
    if (names.isEmpty()) {
      return;
    }
    user.deliver(
        new ServerNotice(
            clock.instant(),
            "Joining your registered channels again: "
                + String.join(" ", names)
                + " (/SET autojoin off stops this)."));
    for (String name : names) {
      try {
        join(user, name); // every rule of /JOIN applies: bans, the channel limit
      } catch (ChatException e) {
        user.deliver(
            new ServerNotice(clock.instant(), "Not joined " + name + ": " + e.getMessage()));
      }
    }
  }

  /** A guest who registers keeps what they chose with /SET before. */
  private void keepPreferences(User user, String account) {
    if (user.preferences().equals(Preferences.DEFAULTS)) {
      return;
    }
    try {
      preferences.save(account, user.preferences());
    } catch (ChatException e) {
      user.deliver(new ServerNotice(clock.instant(), e.getMessage()));
    }
  }

  /** Longest topic, in characters. */
  public static final int MAX_TOPIC_LENGTH = 300;

  /**
   * Logs in the server's own console: a server operator that remote operators cannot /KILL (there
   * would be no way to bring it back without a restart).
   */
  public User connectConsole(String nick, EventSink sink) {
    User console = connect(nick, "console", sink, true);
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

  /**
   * The members of {@code channel} that {@code viewer} may see: all of them, unless the channel is
   * private and the viewer neither in it nor a server operator (refused, with the count).
   */
  public List<Member> membersSeenBy(User viewer, Channel channel) {
    RankRules.checkSeeMembers(viewer, channel);
    return new ArrayList<>(channel.members());
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
      forgetBans(channel); // they went with the channel
    }
  }

  private static boolean sameName(String a, String b) {
    return Names.key(a).equals(Names.key(b));
  }

  /** Forgets the bans of a channel that is gone (a channel made later under its name is new). */
  private void forgetBans(Channel channel) {
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

  /** Where a ban applies: {@code *} for the server, a channel name, or null for the current one. */
  private Channel banScope(User actor, String scope) {
    if ("*".equals(scope)) {
      RankRules.checkServerBan(actor);
      return null;
    }
    Channel channel = scope == null ? requireCurrent(actor) : memberChannel(actor, scope);
    RankRules.checkBan(actor, channel);
    return channel;
  }

  /**
   * Bans a nick, an account ({@code account:name}) or an address block from the actor's current
   * channel, a channel named in {@code scope}, or the whole server ({@code scope} "*", operators
   * only), for {@code duration} or for good (null). Whoever it hits now is kicked (or, from the
   * server, disconnected) with the reason; the rank rules of a kick (or a kill) apply to each.
   */
  public void ban(User actor, String scope, String typed, Duration duration, String reason) {
    requireOnline(actor);
    Ban.Kind kind = banKind(typed);
    String target = banTarget(kind, typed);
    String bounded = bounded(reason, MAX_REASON_LENGTH, "A reason");
    String why = bounded.isEmpty() ? null : bounded;
    moderated(
        () -> {
          Channel channel = banScope(actor, scope);
          Instant now = clock.instant();
          Ban ban =
              new Ban(
                  channel == null ? null : channel.name(),
                  kind,
                  target,
                  actor.nick(),
                  why,
                  now,
                  duration == null ? null : now.plus(duration));
          if (ban.matches(actor.nick(), actor.account(), actor.address())) {
            RankRules.checkBanHits(
                actor, actor, channel, kind == Ban.Kind.MASK); // before kept roles
          }
          if (channel != null && channel.isRegistered() && kind != Ban.Kind.MASK) {
            // The kept roles count while their holders are away, as if they were here.
            String account = kind == Ban.Kind.ACCOUNT ? target : account(target).orElse(null);
            if (account != null) {
              RankRules.checkBanKept(actor, channel, account);
            }
          }
          List<User> hit = new ArrayList<>();
          Iterable<User> candidates =
              channel == null
                  ? users.values()
                  : channel.members().stream().map(Member::user).toList();
          for (User user : candidates) {
            if (ban.matches(user.nick(), user.account(), user.address())) {
              RankRules.checkBanHits(actor, user, channel, kind == Ban.Kind.MASK);
              hit.add(user);
            }
          }
          long here = bans.stream().filter(b -> sameScope(b, ban) && !b.isOn(kind, target)).count();
          if (here >= (channel == null ? MAX_SERVER_BANS : MAX_CHANNEL_BANS)) {
            throw new ChatException(
                "There are "
                    + here
                    + " bans already, the most allowed; /UNBAN some (or ban a block of"
                    + " addresses).");
          }
          banList.add(ban); // stored before anyone is told
          List<Ban> now2 = new ArrayList<>();
          Ban replaced = null;
          for (Ban b : bans) {
            if (!(sameScope(b, ban) && b.isOn(kind, target))) {
              now2.add(b);
            } else if (b.activeAt(now)) {
              replaced = b;
            }
          }
          String replaces = replacing(replaced);
          now2.add(ban);
          bans = List.copyOf(now2);
          String told =
              " by "
                  + actor.nick()
                  + (why == null ? "" : " (" + why + ")")
                  + ", "
                  + ban.untilText();
          if (channel != null) {
            channel.broadcast(
                new ChannelNotice(
                    now,
                    channel.name(),
                    actor.nick()
                        + " banned "
                        + ban.shown()
                        + " from "
                        + channel.name()
                        + (why == null ? "" : " (" + why + ")")
                        + ", "
                        + ban.untilText()
                        + replaces
                        + "."));
            for (User user : hit) {
              depart(user, channel, user.nick() + " was banned from " + channel.name(), true);
              user.deliver(
                  new ChannelNotice(
                      now, channel.name(), "You were banned from " + channel.name() + told + "."));
            }
          } else {
            for (User user : hit) {
              user.deliver(new Disconnected(now, "You were banned from this server" + told + "."));
              remove(user, user.nick() + " was banned from the server" + because(why));
            }
            actor.deliver(
                new ServerNotice(
                    now,
                    "Banned "
                        + ban.shown()
                        + " from the server"
                        + (why == null ? "" : " (" + why + ")")
                        + ", "
                        + ban.untilText()
                        + replaces
                        + "; "
                        + hit.size()
                        + (hit.size() == 1 ? " user" : " users")
                        + " disconnected."));
          }
          return record(
              ModerationAction.Kind.BAN,
              actor,
              ban.shown(),
              channel == null ? "*" : channel.name(),
              (why == null ? "" : why + "; ") + ban.untilText());
        });
  }

  /** What a new ban says of the one it replaces on the same target: " (it replaces ...)". */
  private static String replacing(Ban replaced) {
    if (replaced == null) {
      return "";
    }
    return " (it replaces the ban by "
        + replaced.by()
        + (replaced.reason() == null ? "" : " (" + replaced.reason() + ")")
        + ", "
        + replaced.untilText()
        + ")";
  }

  private static boolean sameScope(Ban a, Ban b) {
    return a.isServerWide()
        ? b.isServerWide()
        : !b.isServerWide() && sameName(a.channel(), b.channel());
  }

  private static Ban.Kind banKind(String typed) {
    if (typed.regionMatches(true, 0, "account:", 0, 8)) {
      return Ban.Kind.ACCOUNT;
    }
    return AddressMask.looksLikeOne(typed) ? Ban.Kind.MASK : Ban.Kind.NICK;
  }

  private static String banTarget(Ban.Kind kind, String typed) {
    return switch (kind) {
      case ACCOUNT -> {
        String name = typed.substring(8);
        Names.requireNick(name);
        yield name;
      }
      case MASK -> AddressMask.parse(typed).toString();
      case NICK -> {
        Names.requireNick(typed);
        yield typed;
      }
    };
  }

  /** Lifts a ban set with {@link #ban}: same target, same place. */
  public void unban(User actor, String scope, String typed) {
    requireOnline(actor);
    Ban.Kind kind = banKind(typed);
    String target = banTarget(kind, typed);
    moderated(
        () -> {
          Channel channel = banScope(actor, scope);
          Ban found = null;
          for (Ban b : bans) {
            boolean here =
                channel == null
                    ? b.isServerWide()
                    : !b.isServerWide() && sameName(b.channel(), channel.name());
            if (here && b.isOn(kind, target)) {
              found = b;
            }
          }
          String where = channel == null ? "the server" : channel.name();
          if (found == null) {
            throw new ChatException(
                Text.visible(typed) + " is not banned from " + where + "; /BANS lists the bans.");
          }
          banList.remove(found);
          Ban lifted = found;
          bans = bans.stream().filter(b -> b != lifted).toList();
          String text =
              actor.nick() + " lifted the ban on " + found.shown() + " from " + where + ".";
          if (channel != null) {
            channel.broadcast(new ChannelNotice(clock.instant(), channel.name(), text));
          } else {
            actor.deliver(new ServerNotice(clock.instant(), text));
          }
          return record(
              ModerationAction.Kind.UNBAN,
              actor,
              found.shown(),
              channel == null ? "*" : channel.name(),
              null);
        });
  }

  /**
   * The bans in force in the actor's current channel, a named one, or on the server ({@code *},
   * operators only); bans that have run out are dropped on the way.
   */
  public List<Ban> bans(User actor, String scope) {
    requireOnline(actor);
    return locked(
        () -> {
          Channel channel;
          if ("*".equals(scope)) {
            RankRules.checkServerBan(actor);
            channel = null;
          } else {
            channel = scope == null ? requireCurrent(actor) : memberChannel(actor, scope);
          }
          Instant now = clock.instant();
          List<Ban> here = new ArrayList<>();
          List<Ban> kept = new ArrayList<>();
          for (Ban b : bans) {
            if (!b.activeAt(now)) {
              try {
                banList.remove(b);
              } catch (ChatException e) {
                kept.add(b); // tried again next time; it is ignored meanwhile
              }
              continue;
            }
            kept.add(b);
            boolean inScope =
                channel == null
                    ? b.isServerWide()
                    : !b.isServerWide() && sameName(b.channel(), channel.name());
            if (inScope) {
              here.add(b);
            }
          }
          bans = List.copyOf(kept);
          return here;
        });
  }

  /** Takes the user out of the channel's members and the channel out of the user's list. */
  private static void takeOut(User user, Channel channel, boolean pickNewCurrent) {
    channel.remove(user);
    List<Channel> mine = new ArrayList<>(user.channels());
    mine.remove(channel);
    user.setChannels(mine);
    if (pickNewCurrent && user.current() == channel) {
      user.setCurrent(mine.isEmpty() ? null : mine.get(mine.size() - 1));
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
