package dev.chatshell.chat;

import static dev.chatshell.chat.ChatState.bounded;
import static dev.chatshell.chat.ChatState.requireOnline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;

/** What each user chooses for themselves: away, whom they ignore, their /SET preferences. */
final class PersonalState {
  private final ChatState state;
  private final Clock clock;
  private final NavigableMap<String, User> users;
  private final NavigableMap<String, Channel> channels;
  private final Accounts accounts;
  private final AccountPreferences preferences;
  private final Object preferencesLock;
  private final Memberships memberships;

  PersonalState(ChatState state, Memberships memberships) {
    this.state = state;
    this.clock = state.clock;
    this.users = state.users;
    this.channels = state.channels;
    this.accounts = state.accounts;
    this.preferences = state.preferences;
    this.preferencesLock = state.preferencesLock;
    this.memberships = memberships;
  }

  /**
   * Marks the user away with {@code message} (shown to whoever sends them a private message and in
   * /WHO), or back when it is null or blank.
   */
  void setAway(User user, String message) {
    requireOnline(user);
    String safe = bounded(message, ChatServer.MAX_AWAY_LENGTH, "An away message");
    String before = user.away();
    String now = safe.isEmpty() ? null : safe;
    user.setAway(now);
    user.deliver(new Notice.AwaySet(clock.instant(), now, before != null));
    if (!java.util.Objects.equals(before, now)) {
      // Those who share a channel learn it once each, as they learn a nick change.
      Notice.AwayChanged changed = new Notice.AwayChanged(clock.instant(), user.nick(), now);
      Set<User> told = new java.util.HashSet<>();
      for (Channel channel : user.channels()) {
        for (Member member : channel.members()) {
          if (member.user() != user && told.add(member.user())) {
            member.user().deliver(changed);
          }
        }
      }
    }
  }

  /**
   * Stops (or, with {@code ignore} false, resumes) showing the user what {@code nick} says in
   * channels and privately. Kept across logins for users with an account.
   */
  void ignore(User user, String nick, boolean ignore) {
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
    state.account(nick).ifPresent(a -> keys.add(Names.key(a)));
    if (ignore && (keys.contains(Names.key(user.nick())) || now == user)) {
      throw new ChatException(ChatException.Reason.INVALID, "You cannot ignore yourself.");
    }
    Set<String> mine = new java.util.HashSet<>(user.ignored());
    boolean changed = ignore ? mine.addAll(keys) : mine.removeAll(keys);
    if (!changed) {
      throw new ChatException(
          ChatException.Reason.ALREADY,
          ignore ? "You ignore " + nick + " already." : "You do not ignore " + nick + ".",
          nick,
          ignore);
    }
    if (mine.size() > ChatServer.MAX_IGNORED) {
      throw new ChatException(
          ChatException.Reason.LIMIT,
          "You ignore " + ChatServer.MAX_IGNORED + " nicks already; /UNIGNORE some.",
          ChatServer.MAX_IGNORED);
    }
    if (user.account() != null) {
      accounts.setIgnored(user.account(), mine); // stored first; nothing changes if it fails
    }
    user.setIgnored(mine);
    user.deliver(new Notice.IgnoreSet(clock.instant(), nick, ignore, user.account() != null));
  }

  /**
   * Joins the ignore list kept with an account the user just logged in to (or registered) with the
   * one they had, and keeps the result.
   */
  void adoptIgnores(User user, String account) {
    try {
      Set<String> stored = accounts.ignored(account);
      Set<String> merged = new java.util.HashSet<>(stored);
      for (String key : user.ignored()) {
        if (merged.size() < ChatServer.MAX_IGNORED) {
          merged.add(key);
        }
      }
      if (!merged.equals(stored)) {
        accounts.setIgnored(account, merged);
      }
      user.setIgnored(merged);
    } catch (ChatException e) {
      user.deliver(new Notice.Trouble(clock.instant(), e));
    }
  }

  /**
   * Changes what the user chose with /SET; for an account it is stored first (nothing changes if
   * that fails) and applies to all its terminals at once.
   */
  void setPreferences(User user, Preferences chosen) {
    changePreferences(user, ignored -> chosen);
  }

  /**
   * Changes one of the user's choices from what they are now, as one step: two terminals of an
   * account changing different settings at the same instant both keep their change, and what is
   * stored is what the user has. Returns the choices now in force.
   */
  Preferences changePreferences(User user, java.util.function.UnaryOperator<Preferences> change) {
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
  void adoptPreferences(User user, String account) {
    Preferences chosen;
    try {
      chosen = preferences.load(account);
    } catch (ChatException e) {
      user.deliver(new Notice.Trouble(clock.instant(), e));
      return;
    }
    user.setPreferences(chosen);
    if (!chosen.autojoin()) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (Channel channel : channels.values()) { // sorted by name
      if (RankRules.holdsKeptRole(channel, user) && !channel.contains(user)) {
        names.add(channel.name());
      }
    }
    if (names.isEmpty()) {
      return;
    }
    user.deliver(new Notice.Autojoining(clock.instant(), names));
    for (String name : names) {
      try {
        memberships.join(user, name); // every rule of /JOIN applies: bans, the channel limit
      } catch (ChatException e) {
        user.deliver(new Notice.NotRejoined(clock.instant(), name, e));
      }
    }
  }

  /** A guest who registers keeps what they chose with /SET before. */
  void keepPreferences(User user, String account) {
    if (user.preferences().equals(Preferences.DEFAULTS)) {
      return;
    }
    try {
      preferences.save(account, user.preferences());
    } catch (ChatException e) {
      user.deliver(new Notice.Trouble(clock.instant(), e));
    }
  }
}
