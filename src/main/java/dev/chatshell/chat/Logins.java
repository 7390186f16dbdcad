package dev.chatshell.chat;

import static dev.chatshell.chat.RankRules.exemptFromBans;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Logging in (as a guest, to an account, as the console) and out, one session or all. */
final class Logins {
  private final ChatState state;
  private final Clock clock;
  private final NavigableMap<String, User> users;
  private final NavigableMap<String, Channel> channels;
  private final ModerationListener moderation;
  private final Accounts accounts;
  private final History history;
  private final Map<String, User> byAccount;
  private final Map<String, String> registered;
  private final Memberships memberships;
  private final PersonalState personal;
  private final Messaging messaging;

  Logins(ChatState state, Memberships memberships, PersonalState personal, Messaging messaging) {
    this.state = state;
    this.clock = state.clock;
    this.users = state.users;
    this.channels = state.channels;
    this.moderation = state.moderation;
    this.accounts = state.accounts;
    this.history = state.history;
    this.byAccount = state.byAccount;
    this.registered = state.registered;
    this.memberships = memberships;
    this.personal = personal;
    this.messaging = messaging;
  }

  /**
   * Refuses a nick that is registered to an account other than {@code account}, or the console's.
   */
  void requireUsable(String nick, String account, boolean console) {
    String key = Names.key(nick);
    if (!console && key.equals(state.consoleKey)) {
      throw new ChatException(
          ChatException.Reason.NAME_TAKEN,
          nick + " is kept for the server's console; choose another.",
          nick);
    }
    String holder = registered.get(key);
    if (holder != null && (account == null || !Names.key(account).equals(key))) {
      throw new ChatException(
          ChatException.Reason.NAME_TAKEN,
          nick + " is registered; its password is needed to use it.",
          nick);
    }
  }

  /**
   * Logs a user in under {@code nick}, which must be valid, free and not registered (a registered
   * nick logs in with {@link #login}).
   */
  User connect(String nick, String address, EventSink sink) {
    return connect(nick, address, sink, false);
  }

  private User connect(String nick, String address, EventSink sink, boolean console) {
    Names.requireNick(nick);
    return state.locked(
        () -> {
          requireUsable(nick, null, console);
          if (!console) {
            state.refuseIfBanned(null, nick, null, address);
          }
          if (users.containsKey(Names.key(nick))) {
            throw new ChatException(
                ChatException.Reason.NAME_TAKEN,
                "The nickname " + nick + " is taken; choose another.",
                nick);
          }
          User user = new User(state.nextUserId++, nick, address, sink, clock.instant());
          users.put(Names.key(nick), user);
          return user;
        });
  }

  /** The user a login attached to, and whether it was made just now (not already online). */
  private record Attached(User user, boolean fresh) {}

  /**
   * Logs in to the account {@code name} with its password. When the account is already online, the
   * new session joins it: same nick, same channels, everything shown on every terminal. The slow
   * hash is checked outside the lock.
   */
  User login(String name, char[] password, String address, EventSink sink) {
    return loginProven(checkPassword(name, password, address), address, sink);
  }

  /**
   * Checks the password of the account {@code name} (slowly, throttled per address like every
   * login) and returns the account's registered name; refuses a wrong password, a locked account or
   * a guesser who must wait, each with its reason.
   */
  String checkPassword(String name, char[] password, String address) {
    String account = registeredName(name);
    accounts
        .check(address, account, password)
        .requireAccepted("Wrong password for " + account + ".");
    return account;
  }

  private String registeredName(String name) {
    Names.requireNick(name);
    return state
        .account(name)
        .orElseThrow(
            () ->
                new ChatException(
                    ChatException.Reason.NO_SUCH_NICK, "There is no account " + name + ".", name));
  }

  /**
   * Logs in to the account {@code name} whose holder the caller has already proven (a password
   * checked by {@link #checkPassword}, or an SSH key of the account whose signature the SSH door
   * verified). Only doors call it, never commands.
   */
  User loginProven(String name, String address, EventSink sink) {
    String account = registeredName(name);
    // A key proves who holds it, not that the account may still be used: an operator's lock wins.
    if (accounts.locked(account)) {
      throw new ChatException(
          ChatException.Reason.LOCKED,
          "That account is locked; a server operator can unlock it.",
          account);
    }
    Attached attached =
        state.locked(
            () -> {
              state.refuseIfBanned(null, account, account, address);
              User online = byAccount.get(Names.key(account));
              if (online != null) {
                int most = state.terminalsPerAccount;
                if (online.sessions() >= most) {
                  throw new ChatException(
                      ChatException.Reason.LIMIT,
                      account
                          + " is already logged in from "
                          + online.sessions()
                          + " terminals, the most one account may have; leave one (/BYE there)"
                          + " first.",
                      account,
                      online.sessions());
                }
                // A terminal from an address banned where the user is would read those channels.
                for (Channel channel : online.channels()) {
                  if (!exemptFromBans(channel, online)) {
                    state.refuseIfBanned(channel, online.nick(), account, address);
                  }
                }
                // The terminals already in are told (an unexpected one is worth noticing).
                online.deliver(new Notice.OtherTerminalLoggedIn(clock.instant(), account, address));
                online.attach(sink);
                sink.deliver(
                    new Notice.LoggedInToShared(
                        clock.instant(),
                        account,
                        online.nick(),
                        online.sessions(),
                        online.current() == null ? null : online.current().name()));
                return new Attached(online, false);
              }
              // Only the console can hold a registered nick without its account.
              if (users.get(Names.key(account)) != null) {
                throw new ChatException(
                    ChatException.Reason.NAME_TAKEN,
                    "The nickname " + account + " is in use; try again later.",
                    account);
              }
              User created = new User(state.nextUserId++, account, address, sink, clock.instant());
              created.setAccount(account);
              users.put(Names.key(account), created);
              byAccount.put(Names.key(account), created);
              return new Attached(created, true);
            });
    User user = attached.user();
    if (attached.fresh()) {
      personal.adoptIgnores(user, account);
      messaging.showMissed(user, account);
      personal.adoptPreferences(user, account);
    }
    return user;
  }

  /**
   * Ends one session of a user: when it was their last, they log out (see {@link #disconnect(User,
   * String)}); otherwise their other terminals are told and stay in.
   */
  void disconnect(User user, EventSink session, String reason) {
    state.locked(
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
            user.deliver(new Notice.TerminalLeft(clock.instant(), reason, left));
            return null;
          }
          remove(user, channel -> new Notice.Quit(clock.instant(), channel, user.nick(), reason));
          return null;
        });
  }

  /** Logs a user out: they leave every channel (with succession) and their nick is freed. */
  void disconnect(User user, String reason) {
    state.locked(
        () -> {
          remove(user, channel -> new Notice.Quit(clock.instant(), channel, user.nick(), reason));
          return null;
        });
  }

  /**
   * Takes a user out of every channel, telling each one {@code notice} (made for the channel's
   * name), and frees the nick.
   */
  void remove(User user, java.util.function.Function<String, Notice.ChannelEvent> notice) {
    if (users.get(Names.key(user.nick())) != user) {
      return; // already gone
    }
    for (Channel channel : user.channels()) {
      memberships.depart(user, channel, notice.apply(channel.name()), false);
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
  void disconnectAll() {
    state.locked(
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
   * Logs in the server's own console: a server operator that remote operators cannot /KILL (there
   * would be no way to bring it back without a restart).
   */
  User connectConsole(String nick, EventSink sink) {
    User console = connect(nick, "console", sink, true);
    console.markConsole();
    promote(console, "console");
    return console;
  }

  /** Makes a user a server operator without a password: for the server's own console. */
  void promote(User user, String name) {
    promote(user, name, null);
  }

  /** Makes a user a server operator; {@code how} is recorded as the reason (null: a password). */
  void promote(User user, String name, String how) {
    state.locked(
        () -> {
          user.makeOperator();
          user.deliver(new Notice.NowOperator(clock.instant(), name));
          return null;
        });
    moderation.recorded(state.record(ModerationAction.Kind.OPER, user, name, null, how));
  }
}
