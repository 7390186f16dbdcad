package dev.chatshell.chat;

import java.time.Instant;
import java.util.List;

/**
 * A logged-in user. Created and changed only by {@link ChatServer}, under its lock; the fields
 * other threads read (nick, current channel, channel list) are volatile and replaced whole, so
 * sessions can render prompts and complete names without taking the lock.
 *
 * <p>A user logged in to an account may have several sessions (terminals) at once: they share the
 * nick, the channels and the current channel, and each of them is shown everything the user is
 * sent.
 */
public final class User {
  private final long id;
  private final String address;
  // When the user logged in, kept as numbers rather than an Instant: one object less per user.
  private final long sinceSecond;
  private final int sinceNano;
  private volatile EventSink[] sinks; // one per session, copy-on-write
  private volatile String account; // the account logged in to, or null
  private volatile String away; // the away message, or null when here
  private volatile java.util.Set<String> ignored = java.util.Set.of(); // keys of nicks or accounts
  private volatile String nick;
  private volatile Channel current;
  private volatile List<Channel> channels = List.of(); // join order, copy-on-write
  private volatile boolean operator;
  private volatile boolean gone;
  private volatile boolean console;

  private volatile Preferences preferences = Preferences.DEFAULTS; // /SET; read on every line

  User(long id, String nick, String address, EventSink sink, Instant since) {
    this.id = id;
    this.nick = nick;
    this.address = address;
    this.sinks = new EventSink[] {sink};
    this.sinceSecond = since.getEpochSecond();
    this.sinceNano = since.getNano();
  }

  public long id() {
    return id;
  }

  public String nick() {
    return nick;
  }

  /** The peer address the user connected from, for logs and (later) bans. */
  public String address() {
    return address;
  }

  public Instant since() {
    return Instant.ofEpochSecond(sinceSecond, sinceNano);
  }

  /** The channel plain text goes to, or {@code null} when the user is in none. */
  public Channel current() {
    return current;
  }

  /** The channels the user is in, in the order they joined them. */
  public List<Channel> channels() {
    return channels;
  }

  /** The user's role in their current channel, or {@code null} when they have none. */
  public ChannelRole currentRole() {
    Channel channel = current;
    return channel == null ? null : channel.roleOf(this);
  }

  /** True once the user has become a server operator (/OPER). */
  public boolean isOperator() {
    return operator;
  }

  void makeOperator() {
    this.operator = true;
  }

  /** True once the user has been logged out: nothing more may be done in their name. */
  public boolean isGone() {
    return gone;
  }

  void markGone() {
    this.gone = true;
  }

  /** True for the server's own console session. */
  public boolean isConsole() {
    return console;
  }

  void markConsole() {
    this.console = true;
  }

  /** The account the user is logged in to (its registered name), or {@code null}. */
  public String account() {
    return account;
  }

  void setAccount(String account) {
    this.account = account;
  }

  /** The user's away message, or {@code null} when they are here. */
  public String away() {
    return away;
  }

  void setAway(String message) {
    this.away = message;
  }

  /** What the user chose with /SET (kept with their account). */
  public Preferences preferences() {
    return preferences;
  }

  void setPreferences(Preferences preferences) {
    this.preferences = preferences;
  }

  /** The nicks and accounts the user ignores, as keys. */
  public java.util.Set<String> ignored() {
    return ignored;
  }

  void setIgnored(java.util.Set<String> keys) {
    this.ignored = java.util.Set.copyOf(keys);
  }

  /**
   * True when the user does not want to see what {@code sender} says: by nick, or by account when
   * the sender has one (so a nick change does not get round it). Cheap when nobody is ignored: it
   * runs for every member of a channel on every message.
   */
  boolean ignores(User sender) {
    java.util.Set<String> keys = ignored;
    if (keys.isEmpty()) {
      return false;
    }
    String account = sender.account;
    return keys.contains(Names.key(sender.nick))
        || (account != null && keys.contains(Names.key(account)));
  }

  /** How many sessions (terminals) the user is logged in from. */
  public int sessions() {
    return sinks.length;
  }

  void attach(EventSink sink) {
    EventSink[] old = sinks;
    EventSink[] grown = java.util.Arrays.copyOf(old, old.length + 1);
    grown[old.length] = sink;
    sinks = grown;
  }

  boolean hasSession(EventSink sink) {
    for (EventSink mine : sinks) {
      if (mine == sink) {
        return true;
      }
    }
    return false;
  }

  /** Takes one session away; returns how many are left. */
  int detach(EventSink sink) {
    List<EventSink> left = new java.util.ArrayList<>(List.of(sinks));
    left.remove(sink);
    sinks = left.toArray(new EventSink[0]);
    return left.size();
  }

  void deliver(ChatEvent event) {
    PendingChange change = PendingChange.open();
    if (change != null) {
      // Told once the change is stored, to the sessions the user has now (a terminal that logs in
      // later in the same change is not told what was meant for the others).
      change.hold(sinks, event);
      return;
    }
    deliverNow(event);
  }

  void deliverNow(ChatEvent event) {
    for (EventSink sink : sinks) {
      sink.deliver(event);
    }
  }

  void rename(String newNick) {
    this.nick = newNick;
  }

  void setCurrent(Channel channel) {
    this.current = channel;
  }

  void setChannels(List<Channel> channels) {
    this.channels = List.copyOf(channels);
  }

  @Override
  public String toString() {
    return nick;
  }
}
