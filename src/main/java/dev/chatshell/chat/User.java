package dev.chatshell.chat;

import java.time.Instant;
import java.util.List;

/**
 * A logged-in user. Created and changed only by {@link ChatServer}, under its lock; the fields
 * other threads read (nick, current channel, channel list) are volatile and replaced whole, so
 * sessions can render prompts and complete names without taking the lock.
 */
public final class User {
  private final long id;
  private final String address;
  private final EventSink sink;
  private final Instant since;
  private volatile String nick;
  private volatile Channel current;
  private volatile List<Channel> channels = List.of(); // join order, copy-on-write
  private volatile boolean operator;
  private volatile boolean gone;
  private volatile boolean console;

  User(long id, String nick, String address, EventSink sink, Instant since) {
    this.id = id;
    this.nick = nick;
    this.address = address;
    this.sink = sink;
    this.since = since;
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
    return since;
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

  void deliver(ChatEvent event) {
    sink.deliver(event);
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
