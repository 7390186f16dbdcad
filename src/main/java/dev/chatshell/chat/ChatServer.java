package dev.chatshell.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The chat domain: who is connected, which channels exist, who is in them with which role, and
 * every rule about them. Pure Java without I/O: it tells users what happened by handing immutable
 * {@link ChatEvent}s to their {@link EventSink}s.
 *
 * <p>This class is the domain's front: its lifecycle (start from the stores, console, shutdown),
 * logins, and every operation with the user who acts named. Commands and plugins never get it: they
 * get a {@link ChatApi} bound to the user who typed the line ({@link #forUser}). Each change is
 * made by the class of its concern, around one shared {@link ChatState} that owns the lock (see
 * there for the threading): {@link Logins}, {@link AccountChanges}, {@link Memberships}, {@link
 * PrivateChannels} with {@link JoinRequests}, {@link Moderation}, {@link Bans}, {@link Messaging},
 * {@link PersonalState} and {@link KeyChanges}.
 */
public final class ChatServer {
  /** Shortest password accepted: guessing is throttled, but a short password is still weak. */
  public static final int MIN_PASSWORD_LENGTH = 8;

  /** Most bans a channel, and the server, may hold: each join and login checks them all. */
  public static final int MAX_CHANNEL_BANS = 200;

  public static final int MAX_SERVER_BANS = 2000;

  /** Longest reason for a ban or a refusal, in characters. */
  public static final int MAX_REASON_LENGTH = 300;

  /** Longest away message, in characters. */
  public static final int MAX_AWAY_LENGTH = 200;

  /** Most nicks one user may ignore. */
  public static final int MAX_IGNORED = 100;

  /** Longest topic, in characters. */
  public static final int MAX_TOPIC_LENGTH = 300;

  /** Most public keys (/KEY ADD) one account may have. */
  public static final int MAX_KEYS = 20;

  private final ChatState state;
  private final Logins logins;
  private final AccountChanges accountChanges;
  private final Memberships memberships;
  private final PrivateChannels privateChannels;
  private final Moderation moderation;
  private final Bans bans;
  private final Messaging messaging;
  private final PersonalState personal;
  private final KeyChanges keyChanges;

  /**
   * A domain over {@code ports}, whose stores are read once here.
   *
   * @param maxChannelsPerUser how many channels one user may be in at once
   */
  public ChatServer(ChatPorts ports, int maxChannelsPerUser) {
    this.state = new ChatState(ports, maxChannelsPerUser);
    JoinRequests requests = new JoinRequests(state);
    this.memberships = new Memberships(state, requests);
    this.privateChannels = new PrivateChannels(state, requests, memberships);
    this.personal = new PersonalState(state, memberships);
    this.messaging = new Messaging(state);
    this.logins = new Logins(state, memberships, personal, messaging);
    this.accountChanges = new AccountChanges(state, logins, personal);
    this.moderation = new Moderation(state, memberships, logins);
    this.bans = new Bans(state, memberships, logins);
    this.keyChanges = new KeyChanges(state);
  }

  // ---- lifecycle and settings

  /** How many lines of a channel's history whoever joins it is shown (0: none). */
  public void setScrollback(int lines) {
    state.scrollback = lines;
  }

  /** How many terminals may be logged in to one account at once. */
  public void setTerminalsPerAccount(int terminals) {
    state.terminalsPerAccount = terminals;
  }

  /**
   * Keeps {@code nick} for the server's own console: nobody else may log in, change to or register
   * it, even while no console is running.
   */
  public void reserveForConsole(String nick) {
    state.consoleKey = Names.key(nick);
  }

  /**
   * Logs a user in under {@code nick}, which must be valid, free and not registered (a registered
   * nick logs in with {@link #login}).
   */
  public User connect(String nick, String address, EventSink sink) {
    return logins.connect(nick, address, sink);
  }

  /**
   * Logs in to the account {@code name} with its password. When the account is already online, the
   * new session joins it: same nick, same channels, everything shown on every terminal.
   */
  public User login(String name, char[] password, String address, EventSink sink) {
    return logins.login(name, password, address, sink);
  }

  /**
   * Checks the password of the account {@code name}, throttled like a login, and returns the
   * account's name; throws with the reason when it is refused. For doors that check passwords
   * before the shell starts (SSH).
   */
  public String checkPassword(String name, char[] password, String address) {
    return logins.checkPassword(name, password, address);
  }

  /**
   * Logs in to an account whose holder the door has already proven (its password checked by {@link
   * #checkPassword}, or an SSH key of the account verified): as {@link #login}, without the
   * password.
   */
  public User loginProven(String name, String address, EventSink sink) {
    return logins.loginProven(name, address, sink);
  }

  /**
   * Runs one line of a session that came through {@code door} (telnet, ssh, console): the
   * moderation actions it makes are logged with that door.
   */
  public static void actingThrough(String door, Runnable line) {
    ScopedValue.where(ChatState.DOOR, door).run(line);
  }

  /** Logs in the server's own console: a server operator that remote operators cannot /KILL. */
  public User connectConsole(String nick, EventSink sink) {
    return logins.connectConsole(nick, sink);
  }

  /** Makes a user a server operator without a password: for the server's own console. */
  public void promote(User user, String name) {
    logins.promote(user, name);
  }

  /** Ends one session of a user; when it was their last, they log out. */
  public void disconnect(User user, EventSink session, String reason) {
    logins.disconnect(user, session, reason);
  }

  /** Logs a user out: they leave every channel (with succession) and their nick is freed. */
  public void disconnect(User user, String reason) {
    logins.disconnect(user, reason);
  }

  /** Removes every user and channel at once, telling nobody: for shutdown. */
  public void disconnectAll() {
    logins.disconnectAll();
  }

  /** Tells every connected user something (for example that the server is shutting down). */
  public void announce(String text) {
    ServerNotice notice = new ServerNotice(state.clock.instant(), text);
    List<User> everyone = state.locked(() -> new ArrayList<>(state.users.values()));
    everyone.forEach(u -> u.deliver(notice));
  }

  /**
   * What a command typed by {@code user} may ask of the domain, acting as {@code user} and nobody
   * else: the object {@link dev.chatshell.command.CommandContext#chat()} hands to commands and
   * plugins. Cheap: make one per typed line.
   */
  public ChatApi forUser(User user) {
    return new UserChat(this, user, null);
  }

  /**
   * What a command typed by {@code user} in a session that proved it holds {@code provenKey} (an
   * OpenSSH public-key line, or null) may ask of the domain: as {@link #forUser}, and {@link
   * ChatApi#operByKey} may use that key. Only the session knows what its client proved, so only it
   * binds the key; a command cannot hand one in.
   */
  public ChatApi forUser(User user, String provenKey) {
    return new UserChat(this, user, provenKey);
  }

  // ---- what commands ask for through ChatApi (documented there), with the acting user named

  // ---- accounts and nicks

  public Optional<String> account(String nick) {
    return state.account(nick);
  }

  public boolean needsPassword(User user, String nick) {
    return accountChanges.needsPassword(user, nick);
  }

  public void changeNick(User user, String newNick) {
    accountChanges.changeNick(user, newNick);
  }

  public void changeNick(User user, String newNick, char[] password) {
    accountChanges.changeNick(user, newNick, password);
  }

  public void register(User user, char[] password) {
    accountChanges.register(user, password);
  }

  public void changePassword(User user, char[] current, char[] replacement) {
    accountChanges.changePassword(user, current, replacement);
  }

  public AccountKey addKey(User user, String publicKeyLine) {
    return keyChanges.addKey(user, publicKeyLine);
  }

  public List<AccountKey> keys(User user) {
    return keyChanges.keys(user);
  }

  public AccountKey removeKey(User user, String fingerprint) {
    return keyChanges.removeKey(user, fingerprint);
  }

  // ---- channels

  public Channel join(User user, String typedName) {
    return memberships.join(user, typedName);
  }

  public void leave(User user, String typedName, String reason) {
    memberships.leave(user, typedName, reason);
  }

  public Channel switchTo(User user, String typedName) {
    return memberships.switchTo(user, typedName);
  }

  public void setPrivate(User actor, boolean on) {
    privateChannels.setPrivate(actor, on);
  }

  public void accept(User actor, String nick) {
    privateChannels.accept(actor, nick);
  }

  public void deny(User actor, String nick, String reason) {
    privateChannels.deny(actor, nick, reason);
  }

  public void invite(User actor, String nick) {
    privateChannels.invite(actor, nick);
  }

  public List<JoinRequest> requests(User actor) {
    return privateChannels.requests(actor);
  }

  // ---- moderation

  public void kick(User actor, String nick, String reason) {
    moderation.kick(actor, nick, reason);
  }

  public void grant(User actor, String nick) {
    moderation.grant(actor, nick);
  }

  public void revoke(User actor, String nick) {
    moderation.revoke(actor, nick);
  }

  public Channel rename(User actor, String typedName) {
    return moderation.rename(actor, typedName);
  }

  public void kill(User actor, String nick, String reason) {
    moderation.kill(actor, nick, reason);
  }

  public void oper(User user, String name, char[] password) {
    moderation.oper(user, name, password);
  }

  /** {@code provenKey}: the key the user's session proved it holds, or null (see forUser). */
  public boolean operByKey(User user, String name, String provenKey) {
    return moderation.operByKey(user, name, provenKey);
  }

  public void registerChannel(User actor, String typedName) {
    moderation.registerChannel(actor, typedName);
  }

  public void deleteChannel(User actor, String typedName, String reason) {
    moderation.deleteChannel(actor, typedName, reason);
  }

  public void setTopic(User actor, String text) {
    moderation.setTopic(actor, text);
  }

  public void ban(User actor, String scope, String typed, Duration duration, String reason) {
    bans.ban(actor, scope, typed, duration, reason);
  }

  public void unban(User actor, String scope, String typed) {
    bans.unban(actor, scope, typed);
  }

  public List<Ban> bans(User actor, String scope) {
    return bans.bans(actor, scope);
  }

  // ---- messages and personal state

  public void say(User user, String text) {
    messaging.say(user, text);
  }

  /** Says {@code text} in {@code channel}, which the user must still be in. */
  public void say(User user, Channel channel, String text) {
    messaging.say(user, channel, text);
  }

  public void act(User user, String text) {
    messaging.act(user, text);
  }

  public void sendPrivate(User from, String recipients, String text) {
    messaging.sendPrivate(from, recipients, text);
  }

  public void notice(User user, String text) {
    messaging.notice(user, text);
  }

  public List<HistoryEntry> channelHistory(User user, int lines) {
    return messaging.channelHistory(user, lines);
  }

  public List<HistoryEntry> conversation(User user, String nick, int lines) {
    return messaging.conversation(user, nick, lines);
  }

  public void setAway(User user, String message) {
    personal.setAway(user, message);
  }

  public void ignore(User user, String nick, boolean ignore) {
    personal.ignore(user, nick, ignore);
  }

  public void setPreferences(User user, Preferences chosen) {
    personal.setPreferences(user, chosen);
  }

  public Preferences changePreferences(User user, UnaryOperator<Preferences> change) {
    return personal.changePreferences(user, change);
  }

  // ---- queries

  public Channel channel(String typedName) {
    return state.channels.get(Names.key(Names.channel(typedName)));
  }

  public List<Member> membersSeenBy(User viewer, Channel channel) {
    RankRules.checkSeeMembers(viewer, channel);
    return new ArrayList<>(channel.members());
  }

  public Channel memberChannel(User user, String typedName) {
    Channel channel = channel(typedName);
    if (channel == null || !channel.contains(user)) {
      throw new ChatException(
          ChatException.Reason.NOT_IN_CHANNEL,
          "You are not in " + Names.channel(typedName) + "; /JOIN it first.",
          Names.channel(typedName));
    }
    return channel;
  }

  public List<Channel> channels() {
    return new ArrayList<>(state.channels.values());
  }

  public List<String> nicks() {
    return nicksStartingWith("", Integer.MAX_VALUE);
  }

  /** Up to {@code limit} nicks starting with {@code prefix} (any case), sorted; lock-free. */
  public List<String> nicksStartingWith(String prefix, int limit) {
    List<String> found = new ArrayList<>();
    for (User user : startingWith(state.users, prefix).values()) {
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
    for (Channel channel : startingWith(state.channels, prefix).values()) {
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

  /**
   * The user online under {@code nick} (any case), or null: for doors that show someone by name
   * (IRC's WHOIS). What may be shown of them is the door's business, as with {@link #nicks}.
   */
  public User online(String nick) {
    return state.users.get(Names.key(nick));
  }

  public int userCount() {
    return state.users.size();
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
}
