package dev.chatshell.chat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a command may ask of the chat domain: the stable surface for built-in commands and command
 * plugins, handed to them by {@link dev.chatshell.command.CommandContext#chat()}.
 *
 * <p>It is bound to one user, the one who typed the line: every operation acts in their name, and
 * none takes a {@link User} to act as, so a command can never act for someone else whose {@code
 * User} it can see (a channel's members, for one). Each operation applies the same rules a typed
 * command meets: rank ({@link RankRules}), bans, limits. A refusal is a {@link ChatException} whose
 * message can be shown to the user as it is. Nothing here starts or stops the server, logs a
 * connection in, or grants a rank without its check: those belong to the server's own front, {@link
 * ChatServer} (logins, the console's promotion, shutdown), which is not reachable through this
 * interface. {@link ChatServer#forUser} makes one.
 */
public interface ChatApi {
  /**
   * The registered name of the account {@code nick} belongs to, when it is registered: logging in
   * or changing to it then needs its password.
   */
  Optional<String> account(String nick);

  /** True when changing to {@code nick} needs a password. */
  boolean needsPassword(String nick);

  /** Changes the user's nickname; everyone who shares a channel with them is told once. */
  void changeNick(String newNick);

  /** Changes the user's nickname; a registered nick needs its {@code password} and logs in. */
  void changeNick(String newNick, char[] password);

  /** Registers the user's nick as an account with {@code password}, and logs them in to it. */
  void register(char[] password);

  /** Changes the password of the account the user is logged in to; needs the current one. */
  void changePassword(char[] current, char[] replacement);

  /**
   * Adds the key of an OpenSSH public-key line ({@code ssh-ed25519 AAAA... comment}) to the account
   * the user is logged in to: a session that proves it holds the private key then logs in to it
   * without the password. At most {@link ChatServer#MAX_KEYS} keys per account.
   */
  AccountKey addKey(String publicKeyLine);

  /** The keys of the account the user is logged in to, oldest first. */
  List<AccountKey> keys();

  /** Removes a key from the user's account by its fingerprint ({@code SHA256:...}). */
  AccountKey removeKey(String fingerprint);

  /** Joins a channel, creating it when it does not exist; it becomes the user's current one. */
  Channel join(String typedName);

  /** Leaves the named channel, or the current one when {@code typedName} is null. */
  void leave(String typedName, String reason);

  /** Makes one of the user's channels the current one. */
  Channel switchTo(String typedName);

  /** Makes the user's current channel private (or open again); its main admin's call. */
  void setPrivate(boolean on);

  /**
   * Sets the most members the user's current channel lets in by /JOIN, or lifts the limit with
   * {@code 0}; its admins' call.
   */
  void setMemberLimit(int limit);

  /**
   * Locks the topic of the user's current channel for its admins ({@code true}, as a channel
   * starts), or opens it to every member; its admins' call.
   */
  void setTopicLocked(boolean locked);

  /** Accepts a request to join the user's current channel. */
  void accept(String nick);

  /** Turns down a request to join the user's current channel; the requester is told. */
  void deny(String nick, String reason);

  /** Invites {@code nick} to the user's current channel. */
  void invite(String nick);

  /** The requests and invitations waiting in the user's current channel (its admins only). */
  List<JoinRequest> requests();

  /** Removes {@code nick} from the user's current channel. */
  void kick(String nick, String reason);

  /** Makes a member of the user's current channel a secondary admin. */
  void grant(String nick);

  /** Makes a secondary admin of the user's current channel a plain member again. */
  void revoke(String nick);

  /** Renames the user's current channel. */
  Channel rename(String typedName);

  /** Disconnects someone from the server (operators only). */
  void kill(String nick, String reason);

  /** Makes the user a server operator if the operator name and password match. */
  void oper(String name, char[] password);

  /**
   * Makes the user a server operator without a password when the key their session proved it holds
   * (SSH; bound by the session, never handed in) is one of operator {@code name}'s keys. False, and
   * nothing done, when it is not: then {@link #oper} with the password is the way.
   */
  boolean operByKey(String name);

  /** Registers a channel the user is main admin of (the current one when null). */
  void registerChannel(String typedName);

  /** Deletes a channel (the user's current one when {@code typedName} is null). */
  void deleteChannel(String typedName, String reason);

  /** Sets the topic of the user's current channel ({@code null} or blank clears it). */
  void setTopic(String text);

  /** Bans a nick, an account or an address block from a channel or the server ({@code *}). */
  void ban(String scope, String typed, Duration duration, String reason);

  /** Lifts a ban set with {@link #ban}: same target, same place. */
  void unban(String scope, String typed);

  /** The bans in force in the user's current channel, a named one, or on the server. */
  List<Ban> bans(String scope);

  /** Says {@code text} in the user's current channel. */
  void say(String text);

  /** Shows an action in the user's current channel: {@code * alice waves}. */
  void act(String text);

  /** Sends a private message to one or several nicks separated by {@code ;}. */
  void sendPrivate(String recipients, String text);

  /** A line from the server in the user's current channel, on the user's behalf (plugins). */
  void notice(String text);

  /** The last {@code lines} lines of the user's current channel, oldest first. */
  List<HistoryEntry> channelHistory(int lines);

  /** The last {@code lines} private messages between the user's account and {@code nick}'s. */
  List<HistoryEntry> conversation(String nick, int lines);

  /** Marks the user away with {@code message}, or back when it is null or blank. */
  void setAway(String message);

  /** Stops (or, with {@code ignore} false, resumes) showing the user what {@code nick} says. */
  void ignore(String nick, boolean ignore);

  /** Changes what the user chose with /SET. */
  void setPreferences(Preferences chosen);

  /** Changes one of the user's choices from what they are now, as one step. */
  Preferences changePreferences(UnaryOperator<Preferences> change);

  /** A channel by the name a user typed, or {@code null}. */
  Channel channel(String typedName);

  /**
   * The members of {@code channel} the user may see: all of them, unless the channel is private and
   * the user neither in it nor a server operator (refused, with the count).
   */
  List<Member> membersSeenBy(Channel channel);

  /** The channel named {@code typedName}, which the user must be in. */
  Channel memberChannel(String typedName);

  /** Every channel, by name. */
  List<Channel> channels();

  /** The nicks of everyone online, sorted case-insensitively. */
  List<String> nicks();

  /** How many users are online. */
  int userCount();
}
