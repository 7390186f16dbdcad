package dev.chatshell.chat;

import static dev.chatshell.chat.ChatState.requireCurrent;
import static dev.chatshell.chat.ChatState.requireOnline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/** Saying things in channels and privately, and reading back what was said. */
final class Messaging {
  private final ChatState state;
  private final Clock clock;
  private final NavigableMap<String, User> users;
  private final History history;

  Messaging(ChatState state) {
    this.state = state;
    this.clock = state.clock;
    this.users = state.users;
    this.history = state.history;
  }

  /** Says {@code text} in the user's current channel. */
  void say(User user, String text) {
    say(user, text, false);
  }

  /** Shows an action in the user's current channel: {@code * alice waves}. */
  void act(User user, String text) {
    if (text == null || Text.visible(text).isBlank()) {
      throw new ChatException(ChatException.Reason.INVALID, "Say what you do: /ME <action>.");
    }
    say(user, text, true);
  }

  /**
   * Says {@code text} in {@code channel}, which the user must still be in: a line that flood
   * control held back goes where it was typed, even if the user has switched channels since.
   */
  void say(User user, Channel channel, String text) {
    requireOnline(user);
    if (!channel.contains(user)) {
      throw new ChatException(
          ChatException.Reason.NOT_IN_CHANNEL,
          "You are no longer in " + channel.name() + "; a line you typed there was not sent.",
          channel.name());
    }
    say(user, channel, text, false, false);
  }

  /** A notice in {@code channel} (IRC's NOTICE), which the user must be in. */
  void sayNotice(User user, Channel channel, String text) {
    requireOnline(user);
    if (!channel.contains(user)) {
      throw new ChatException(
          ChatException.Reason.NOT_IN_CHANNEL,
          "You are not in " + channel.name() + ".",
          channel.name());
    }
    say(user, channel, text, false, true);
  }

  private void say(User user, String text, boolean action) {
    requireOnline(user);
    Channel channel = user.current();
    if (channel == null) {
      throw new ChatException(
          ChatException.Reason.NOT_IN_CHANNEL,
          "You are not in a channel: /JOIN #name first, or /MSG <nick> <text> to talk privately.");
    }
    say(user, channel, text, action, false);
  }

  private void say(User user, Channel channel, String text, boolean action, boolean notice) {
    String safe = Text.visible(text);
    if (safe.isBlank()) {
      return;
    }
    ChannelMessage message =
        new ChannelMessage(clock.instant(), channel.name(), user.nick(), safe, action, notice);
    // Kept before it is shown: someone who joins once a member has seen the line finds it in the
    // channel's history (a join between the two may see it twice, never not at all).
    history.record(HistoryEntry.said(message, user.account(), channel.isPrivate()));
    channel.broadcastFrom(user, message);
  }

  /**
   * Sends a private message to one or several nicks separated by {@code ;}. Reaches every nick that
   * is online; names the ones that are not.
   */
  void sendPrivate(User from, String recipients, String text) {
    requireOnline(from);
    String safe = Text.visible(text);
    if (safe.isBlank()) {
      throw new ChatException(
          ChatException.Reason.INVALID, "The message is empty; type /MSG <nick> <text>.");
    }
    Set<String> asked = new LinkedHashSet<>();
    for (String nick : recipients.split(";")) {
      if (!nick.isBlank()) {
        asked.add(nick.strip());
      }
    }
    if (asked.isEmpty()) {
      throw new ChatException(
          ChatException.Reason.INVALID, "Name at least one nick: /MSG <nick>[;<nick>...] <text>.");
    }
    Map<User, String> found = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    state.locked(
        () -> {
          for (String nick : asked) {
            User to = users.get(Names.key(nick));
            if (to == null) {
              missing.add(Text.visible(nick));
            } else {
              found.put(to, to.nick());
            }
          }
          return null;
        });
    if (!found.isEmpty()) {
      PrivateMessage message =
          new PrivateMessage(clock.instant(), from.nick(), List.copyOf(found.values()), safe);
      List<Notice> away = new ArrayList<>();
      for (User to : found.keySet()) {
        if (!to.ignores(from)) { // ignored senders are not told: that would invite them around it
          to.deliver(message);
        }
        String why = to.away();
        if (why != null && to != from) {
          away.add(new Notice.IsAway(clock.instant(), to.nick(), why));
        }
      }
      if (!found.containsKey(from)) {
        from.deliver(message);
      }
      for (Notice line : away) {
        from.deliver(line);
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
          ChatException.Reason.NO_SUCH_NICK,
          "No user called "
              + String.join(", ", missing)
              + " is online"
              + (found.isEmpty() ? "; nothing was sent." : "; the others got the message."),
          List.copyOf(missing));
    }
  }

  /**
   * A line from the server in the user's current channel, on the user's behalf (how command plugins
   * such as games show results to everyone there).
   */
  void notice(User user, String text) {
    requireOnline(user);
    Channel channel = requireCurrent(user);
    channel.broadcast(new ChannelNotice(clock.instant(), channel.name(), Text.visible(text)));
  }

  /** The last {@code lines} lines of the user's current channel, oldest first. */
  List<HistoryEntry> channelHistory(User user, int lines) {
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
  List<HistoryEntry> conversation(User user, String nick, int lines) {
    requireOnline(user);
    String mine = user.account();
    if (mine == null) {
      throw new ChatException(
          ChatException.Reason.NO_ACCOUNT,
          "Private history is kept for accounts only: /REGISTER your nick to keep yours.");
    }
    String theirs =
        state
            .account(nick)
            .orElseThrow(
                () ->
                    new ChatException(
                        ChatException.Reason.NO_ACCOUNT,
                        Text.visible(nick)
                            + " has no account, so no private history is kept with them.",
                        nick));
    return history.conversation(mine, theirs, lines);
  }

  /** Most mentions shown at login; /HISTORY shows the rest. */
  private static final int MISSED_SHOWN = 10;

  /**
   * Tells an account that comes back what mentioned it while it was away: lines naming it in
   * channels, and private messages to it, since it last logged out (read outside the lock).
   */
  void showMissed(User user, String account) {
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
      user.deliver(new Notice.Trouble(clock.instant(), e));
      return;
    }
    if (missed.isEmpty()) {
      user.deliver(new Notice.NothingMissed(clock.instant()));
      return;
    }
    user.deliver(new Notice.MissedMentions(clock.instant(), missed, MISSED_SHOWN));
  }
}
