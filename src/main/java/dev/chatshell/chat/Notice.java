package dev.chatshell.chat;

import java.time.Instant;
import java.util.List;

/**
 * Something the domain tells users has happened, as facts: who, what, where and why, never a
 * sentence. Each door says it its own way: the shell renders one English line per type ({@code
 * shell.NoticeText}), an IRC door would send a KICK or a MODE line, a translated shell a key and
 * these arguments.
 *
 * <p>Sealed, so that every door's switch over it is checked by the compiler: a new kind of event
 * cannot go unrendered. Names are as the domain knows them when it happened (nicks, channel names
 * as shown). A {@code reason} is as the user typed it (a door makes it safe to show, as {@link
 * Text#visible} does) unless its event says it is made safe already, as topics, away messages and
 * ban reasons are.
 *
 * <p>Free text still has its own events: {@link ChannelNotice} and {@link ServerNotice} carry only
 * what a person or a plugin wrote (an operator's announcement), and the shell's own lines.
 */
public sealed interface Notice extends ChatEvent {

  /** An event shown among a channel's lines ({@code channel} is its name at the time). */
  sealed interface ChannelEvent extends Notice {
    String channel();
  }

  /**
   * The last thing a user is told before the server removes them: their session shows it, then
   * closes the connection (like {@link Disconnected}).
   */
  sealed interface Farewell extends Notice {}

  /** Lines from history shown at once under a heading (the heading is the event's text). */
  sealed interface ShownHistory extends Notice {
    List<HistoryEntry> entries();

    /** True when each line shows its channel. */
    boolean withChannel();
  }

  // ---- Logins and terminals ----

  /** To an account's terminals: another terminal logged in to it from {@code address}. */
  record OtherTerminalLoggedIn(Instant time, String account, String address) implements Notice {}

  /**
   * To a terminal that joined an account already online: it now has {@code terminals} terminals;
   * {@code nick} is the account's nick now, {@code current} its current channel (null for none).
   */
  record LoggedInToShared(Instant time, String account, String nick, int terminals, String current)
      implements Notice {}

  /** To the account's other terminals: one left ({@code reason} as given), {@code left} remain. */
  record TerminalLeft(Instant time, String reason, int left) implements Notice {}

  /** At login: no line named the account while it was away. */
  record NothingMissed(Instant time) implements Notice {}

  /** At login: lines that named the account while it was away, at most {@code most} of them. */
  record MissedMentions(Instant time, List<HistoryEntry> entries, int most)
      implements ShownHistory {
    public MissedMentions {
      entries = List.copyOf(entries);
    }

    @Override
    public boolean withChannel() {
      return true;
    }
  }

  /** Something the domain tried on the user's behalf failed (storage, say); nothing changed. */
  record Trouble(Instant time, ChatException problem) implements Notice {}

  // ---- Channels: joining and leaving ----

  /** {@code nick} joined {@code channel}. */
  record Joined(Instant time, String channel, String nick) implements ChannelEvent {}

  /** To the user: they created {@code channel}, and are its main admin. */
  record YouCreated(Instant time, String channel) implements ChannelEvent {}

  /**
   * To the user: they joined {@code channel} with {@code role}; {@code members} as /WHO lists them
   * then, in join order.
   */
  record YouJoined(Instant time, String channel, ChannelRole role, List<Seat> members)
      implements ChannelEvent {
    public YouJoined {
      members = List.copyOf(members);
    }
  }

  /** A member of a channel at some moment: their nick and role. */
  record Seat(String nick, ChannelRole role) {
    /** The members of {@code channel} now, in join order. */
    public static List<Seat> all(Channel channel) {
      return channel.members().stream()
          .map(member -> new Seat(member.user().nick(), member.role()))
          .toList();
    }
  }

  /** To the user: they are in {@code channel} already; it is their current channel now. */
  record AlreadyIn(Instant time, String channel) implements ChannelEvent {}

  /** To a user joining: the channel's topic. */
  record TopicShown(Instant time, String channel, Topic topic) implements ChannelEvent {}

  /**
   * To a user joining: lines said in the channel before (a failure to read them is a {@link
   * ChannelTrouble}).
   */
  record Scrollback(Instant time, String channel, List<HistoryEntry> entries)
      implements ShownHistory, ChannelEvent {
    public Scrollback {
      entries = List.copyOf(entries);
    }

    @Override
    public boolean withChannel() {
      return false;
    }
  }

  /** Something the domain tried in {@code channel} on the user's behalf failed. */
  record ChannelTrouble(Instant time, String channel, ChatException problem)
      implements ChannelEvent {}

  /** {@code nick} left {@code channel} (with /LEAVE), {@code reason} as typed or null. */
  record Left(Instant time, String channel, String nick, String reason) implements ChannelEvent {}

  /** To the user: they left {@code channel}, {@code reason} as typed or null. */
  record YouLeft(Instant time, String channel, String reason) implements ChannelEvent {}

  /** To the user: after leaving their current channel, {@code channel} is current. */
  record NowCurrent(Instant time, String channel) implements Notice {}

  /** {@code nick} logged out (their last terminal left), told in each of their channels. */
  record Quit(Instant time, String channel, String nick, String reason) implements ChannelEvent {}

  /**
   * {@code heir} is main admin of {@code channel} now, after {@code previous} (who held it) left.
   */
  record Succeeded(Instant time, String channel, String heir, String previous)
      implements ChannelEvent {}

  // ---- Private channels, requests and invitations ----

  /** {@code actor} made {@code channel} private ({@code on}) or open again. */
  record PrivacySet(Instant time, String channel, String actor, boolean on)
      implements ChannelEvent {}

  /** To the user: their request to join the private {@code channel} was sent to its admins. */
  record RequestSent(Instant time, String channel) implements ChannelEvent {}

  /** To the user: their request to join {@code channel} is still waiting. */
  record RequestWaiting(Instant time, String channel) implements ChannelEvent {}

  /**
   * To an admin of {@code channel}: {@code nick} asks to join; {@code elsewhere} when the admin's
   * current channel is another one (the answer commands act on the current channel).
   */
  record RequestFiled(Instant time, String channel, String nick, boolean elsewhere)
      implements ChannelEvent {}

  /**
   * {@code actor} accepted (or turned down) {@code nick}'s request to join; {@code reason} made
   * safe already (empty for none).
   */
  record RequestAnswered(
      Instant time, String channel, String actor, String nick, boolean accepted, String reason)
      implements ChannelEvent {}

  /**
   * To the requester: {@code actor} turned down their request to join {@code channel}; {@code
   * reason} made safe already (empty for none).
   */
  record YourRequestDenied(Instant time, String channel, String actor, String reason)
      implements ChannelEvent {}

  /**
   * To an accepted requester who could not be let in at once ({@code problem} says why): their
   * invitation waits for their own /JOIN.
   */
  record InvitationWaits(Instant time, String channel, ChatException problem)
      implements ChannelEvent {}

  /** {@code actor} invited {@code nick} to {@code channel}. */
  record Invited(Instant time, String channel, String actor, String nick) implements ChannelEvent {}

  /** To the invitee: {@code actor} invites them to {@code channel}. */
  record InvitedYou(Instant time, String channel, String actor) implements Notice {}

  // ---- Moderation ----

  /** {@code nick} was kicked from {@code channel} by {@code actor}. */
  record Kicked(Instant time, String channel, String nick, String actor, String reason)
      implements ChannelEvent {}

  /** To the kicked user: {@code actor} kicked them from {@code channel}; they may join again. */
  record KickedYou(Instant time, String channel, String actor, String reason)
      implements ChannelEvent {}

  /** How long a grant lasts, as the grant's notice says it. */
  enum Lasting {
    /** The channel is not registered, or nothing was granted: nothing to say. */
    UNSAID,
    /** Registered channel, the target has no account: until they leave. */
    UNTIL_THEY_LEAVE,
    /** Registered channel, kept with the target's account. */
    ACROSS_RESTARTS
  }

  /**
   * {@code actor} gave {@code nick} the role {@code role} in {@code channel}: {@link
   * ChannelRole#SECONDARY_ADMIN} for a grant, {@link ChannelRole#MEMBER} for a revoke ({@code nick}
   * may then be a kept admin's account that is not here).
   */
  record RoleChanged(
      Instant time, String channel, String actor, String nick, ChannelRole role, Lasting lasting)
      implements ChannelEvent {}

  /** {@code actor} renamed {@code oldName} to {@code channel}. */
  record Renamed(Instant time, String channel, String actor, String oldName)
      implements ChannelEvent {}

  /** {@code actor} registered {@code channel} with {@code founder} as its main admin for good. */
  record ChannelRegistered(Instant time, String channel, String actor, String founder)
      implements ChannelEvent {}

  /** {@code actor} deleted {@code channel}; told to those who were in it. */
  record ChannelDeleted(Instant time, String channel, String actor, String reason)
      implements ChannelEvent {}

  /** {@code actor} set the topic of {@code channel} to {@code text} (made safe), or cleared it. */
  record TopicSet(Instant time, String channel, String actor, String text)
      implements ChannelEvent {}

  /** {@code nick} was disconnected by server operator {@code actor}, told in their channels. */
  record Killed(Instant time, String channel, String nick, String actor, String reason)
      implements ChannelEvent {}

  /** To the user a server operator disconnects: the last thing they are told. */
  record KilledYou(Instant time, String actor, String reason) implements Farewell {}

  /** To the operator, when they share no channel with the user: they disconnected {@code nick}. */
  record YouKilled(Instant time, String nick, String reason) implements Notice {}

  /** To the user: they are a server operator now, as {@code name}. */
  record NowOperator(Instant time, String name) implements Notice {}

  // ---- Bans ----

  /** {@code actor} set {@code ban} on {@code channel}, replacing {@code replaced} (or null). */
  record Banned(Instant time, String channel, String actor, Ban ban, Ban replaced)
      implements ChannelEvent {}

  /** {@code nick} was taken out of {@code channel} by a ban. */
  record BannedOut(Instant time, String channel, String nick) implements ChannelEvent {}

  /** To a user a ban took out of {@code channel}: {@code ban} says by whom, why, until when. */
  record BannedYou(Instant time, String channel, Ban ban) implements ChannelEvent {}

  /** {@code nick} was disconnected by a server ban, told in each of their channels. */
  record BannedFromServer(Instant time, String channel, String nick, String reason)
      implements ChannelEvent {}

  /** To a user a server ban disconnects: the last thing they are told. */
  record BannedYouFromServer(Instant time, Ban ban) implements Farewell {}

  /** To the operator: they set a server ban that disconnected {@code disconnected} users. */
  record ServerBanSet(Instant time, Ban ban, Ban replaced, int disconnected) implements Notice {}

  /** {@code actor} lifted {@code ban} from {@code channel}. */
  record BanLifted(Instant time, String channel, String actor, Ban ban) implements ChannelEvent {}

  /** To the operator: they lifted the server ban {@code ban}. */
  record ServerBanLifted(Instant time, String actor, Ban ban) implements Notice {}

  // ---- Nicks, accounts and personal state ----

  /** {@code oldNick} is now called {@code newNick}; told to those who share a channel. */
  record NickChanged(Instant time, String oldNick, String newNick) implements Notice {}

  /** To the user: they are called {@code nick} now, logged in to {@code account} (or null). */
  record YourNickChanged(Instant time, String nick, String account) implements Notice {}

  /** To the user: they registered {@code nick} as an account. */
  record YouRegistered(Instant time, String nick) implements Notice {}

  /** To the user: the password of {@code account} changed. */
  record PasswordChanged(Instant time, String account) implements Notice {}

  /** To the user: {@code key} was added to {@code account}, which has {@code count} keys now. */
  record KeyAdded(Instant time, String account, AccountKey key, int count) implements Notice {}

  /** To the user: {@code key} was removed from {@code account}. */
  record KeyRemoved(Instant time, String account, AccountKey key) implements Notice {}

  /**
   * To the user: their away message is {@code message} (made safe) now, or, when null, they are not
   * away; {@code wasAway} tells whether they were.
   */
  record AwaySet(Instant time, String message, boolean wasAway) implements Notice {}

  /**
   * To those who share a channel with {@code nick}: they are away now with {@code message} (made
   * safe), or back when it is null.
   */
  record AwayChanged(Instant time, String nick, String message) implements Notice {}

  /** To a sender: {@code nick} is away, with {@code message}. */
  record IsAway(Instant time, String nick, String message) implements Notice {}

  /**
   * To the user: they ignore {@code nick} now ({@code ignoring}, kept with their account when
   * {@code kept}), or no longer.
   */
  record IgnoreSet(Instant time, String nick, boolean ignoring, boolean kept) implements Notice {}

  /** At login: the user's registered channels are joined again. */
  record Autojoining(Instant time, List<String> channels) implements Notice {
    public Autojoining {
      channels = List.copyOf(channels);
    }
  }

  /** At login: joining {@code channel} again was refused for {@code problem}. */
  record NotRejoined(Instant time, String channel, ChatException problem) implements Notice {}
}
