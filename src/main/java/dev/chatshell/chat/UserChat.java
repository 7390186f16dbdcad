package dev.chatshell.chat;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@link ChatApi} bound to one user: each call is the domain's operation with that user as the one
 * who acts. Made by {@link ChatServer#forUser} for each typed line, so a command (or a plugin) can
 * act only as the user who typed it, and never reaches the {@link ChatServer} behind it (its
 * logins, console promotion and shutdown).
 */
public final class UserChat implements ChatApi {
  private final ChatServer server;
  private final User user;
  private final String provenKey; // what the user's session proved it holds (SSH), or null

  UserChat(ChatServer server, User user, String provenKey) {
    this.server = Objects.requireNonNull(server);
    this.user = Objects.requireNonNull(user);
    this.provenKey = provenKey;
  }

  @Override
  public Optional<String> account(String nick) {
    return server.account(nick);
  }

  @Override
  public boolean needsPassword(String nick) {
    return server.needsPassword(user, nick);
  }

  @Override
  public void changeNick(String newNick) {
    server.changeNick(user, newNick);
  }

  @Override
  public void changeNick(String newNick, char[] password) {
    server.changeNick(user, newNick, password);
  }

  @Override
  public void register(char[] password) {
    server.register(user, password);
  }

  @Override
  public void changePassword(char[] current, char[] replacement) {
    server.changePassword(user, current, replacement);
  }

  @Override
  public AccountKey addKey(String publicKeyLine) {
    return server.addKey(user, publicKeyLine);
  }

  @Override
  public List<AccountKey> keys() {
    return server.keys(user);
  }

  @Override
  public AccountKey removeKey(String fingerprint) {
    return server.removeKey(user, fingerprint);
  }

  @Override
  public Channel join(String typedName) {
    return server.join(user, typedName);
  }

  @Override
  public void leave(String typedName, String reason) {
    server.leave(user, typedName, reason);
  }

  @Override
  public Channel switchTo(String typedName) {
    return server.switchTo(user, typedName);
  }

  @Override
  public void setPrivate(boolean on) {
    server.setPrivate(user, on);
  }

  @Override
  public void setMemberLimit(int limit) {
    server.setMemberLimit(user, limit);
  }

  @Override
  public void setTopicLocked(boolean locked) {
    server.setTopicLocked(user, locked);
  }

  @Override
  public void accept(String nick) {
    server.accept(user, nick);
  }

  @Override
  public void deny(String nick, String reason) {
    server.deny(user, nick, reason);
  }

  @Override
  public void invite(String nick) {
    server.invite(user, nick);
  }

  @Override
  public List<JoinRequest> requests() {
    return server.requests(user);
  }

  @Override
  public void kick(String nick, String reason) {
    server.kick(user, nick, reason);
  }

  @Override
  public void grant(String nick) {
    server.grant(user, nick);
  }

  @Override
  public void revoke(String nick) {
    server.revoke(user, nick);
  }

  @Override
  public Channel rename(String typedName) {
    return server.rename(user, typedName);
  }

  @Override
  public void kill(String nick, String reason) {
    server.kill(user, nick, reason);
  }

  @Override
  public boolean operByKey(String name) {
    return server.operByKey(user, name, provenKey);
  }

  @Override
  public void oper(String name, char[] password) {
    server.oper(user, name, password);
  }

  @Override
  public void registerChannel(String typedName) {
    server.registerChannel(user, typedName);
  }

  @Override
  public void deleteChannel(String typedName, String reason) {
    server.deleteChannel(user, typedName, reason);
  }

  @Override
  public void setTopic(String text) {
    server.setTopic(user, text);
  }

  @Override
  public void ban(String scope, String typed, Duration duration, String reason) {
    server.ban(user, scope, typed, duration, reason);
  }

  @Override
  public void unban(String scope, String typed) {
    server.unban(user, scope, typed);
  }

  @Override
  public List<Ban> bans(String scope) {
    return server.bans(user, scope);
  }

  @Override
  public void say(String text) {
    server.say(user, text);
  }

  @Override
  public void act(String text) {
    server.act(user, text);
  }

  @Override
  public void sendPrivate(String recipients, String text) {
    server.sendPrivate(user, recipients, text);
  }

  @Override
  public void notice(String text) {
    server.notice(user, text);
  }

  @Override
  public List<HistoryEntry> channelHistory(int lines) {
    return server.channelHistory(user, lines);
  }

  @Override
  public List<HistoryEntry> conversation(String nick, int lines) {
    return server.conversation(user, nick, lines);
  }

  @Override
  public void setAway(String message) {
    server.setAway(user, message);
  }

  @Override
  public void ignore(String nick, boolean ignore) {
    server.ignore(user, nick, ignore);
  }

  @Override
  public void setPreferences(Preferences chosen) {
    server.setPreferences(user, chosen);
  }

  @Override
  public Preferences changePreferences(UnaryOperator<Preferences> change) {
    return server.changePreferences(user, change);
  }

  @Override
  public Channel channel(String typedName) {
    return server.channel(typedName);
  }

  @Override
  public List<Member> membersSeenBy(Channel channel) {
    return server.membersSeenBy(user, channel);
  }

  @Override
  public Channel memberChannel(String typedName) {
    return server.memberChannel(user, typedName);
  }

  @Override
  public List<Channel> channels() {
    return server.channels();
  }

  @Override
  public List<String> nicks() {
    return server.nicks();
  }

  @Override
  public int userCount() {
    return server.userCount();
  }

  @Override
  public String toString() {
    return "chat of " + user.nick();
  }
}
