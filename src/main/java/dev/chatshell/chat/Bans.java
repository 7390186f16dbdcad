package dev.chatshell.chat;

import static dev.chatshell.chat.ChatState.because;
import static dev.chatshell.chat.ChatState.bounded;
import static dev.chatshell.chat.ChatState.requireCurrent;
import static dev.chatshell.chat.ChatState.requireOnline;
import static dev.chatshell.chat.ChatState.sameName;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/** Banning nicks, accounts and address blocks from a channel or the server, and lifting bans. */
final class Bans {
  private final ChatState state;
  private final Clock clock;
  private final NavigableMap<String, User> users;
  private final BanList banList;
  private final Memberships memberships;
  private final Logins logins;

  Bans(ChatState state, Memberships memberships, Logins logins) {
    this.state = state;
    this.clock = state.clock;
    this.users = state.users;
    this.banList = state.banList;
    this.memberships = memberships;
    this.logins = logins;
  }

  /** Where a ban applies: {@code *} for the server, a channel name, or null for the current one. */
  private Channel banScope(User actor, String scope) {
    if ("*".equals(scope)) {
      RankRules.checkServerBan(actor);
      return null;
    }
    Channel channel = scope == null ? requireCurrent(actor) : state.memberChannel(actor, scope);
    RankRules.checkBan(actor, channel);
    return channel;
  }

  /**
   * Bans a nick, an account ({@code account:name}) or an address block from the actor's current
   * channel, a channel named in {@code scope}, or the whole server ({@code scope} "*", operators
   * only), for {@code duration} or for good (null). Whoever it hits now is kicked (or, from the
   * server, disconnected) with the reason; the rank rules of a kick (or a kill) apply to each.
   */
  void ban(User actor, String scope, String typed, Duration duration, String reason) {
    requireOnline(actor);
    Ban.Kind kind = banKind(typed);
    String target = banTarget(kind, typed);
    String bounded = bounded(reason, ChatServer.MAX_REASON_LENGTH, "A reason");
    String why = bounded.isEmpty() ? null : bounded;
    state.moderated(
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
            String account = kind == Ban.Kind.ACCOUNT ? target : state.account(target).orElse(null);
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
          long here =
              state.bans.stream().filter(b -> sameScope(b, ban) && !b.isOn(kind, target)).count();
          if (here
              >= (channel == null ? ChatServer.MAX_SERVER_BANS : ChatServer.MAX_CHANNEL_BANS)) {
            throw new ChatException(
                "There are "
                    + here
                    + " bans already, the most allowed; /UNBAN some (or ban a block of"
                    + " addresses).");
          }
          banList.add(ban); // stored before anyone is told
          List<Ban> now2 = new ArrayList<>();
          Ban replaced = null;
          for (Ban b : state.bans) {
            if (!(sameScope(b, ban) && b.isOn(kind, target))) {
              now2.add(b);
            } else if (b.activeAt(now)) {
              replaced = b;
            }
          }
          String replaces = replacing(replaced);
          now2.add(ban);
          state.bans = List.copyOf(now2);
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
              memberships.depart(
                  user, channel, user.nick() + " was banned from " + channel.name(), true);
              user.deliver(
                  new ChannelNotice(
                      now, channel.name(), "You were banned from " + channel.name() + told + "."));
            }
          } else {
            for (User user : hit) {
              user.deliver(new Disconnected(now, "You were banned from this server" + told + "."));
              logins.remove(user, user.nick() + " was banned from the server" + because(why));
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
          return state.record(
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
  void unban(User actor, String scope, String typed) {
    requireOnline(actor);
    Ban.Kind kind = banKind(typed);
    String target = banTarget(kind, typed);
    state.moderated(
        () -> {
          Channel channel = banScope(actor, scope);
          Ban found = null;
          for (Ban b : state.bans) {
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
          state.bans = state.bans.stream().filter(b -> b != lifted).toList();
          String text =
              actor.nick() + " lifted the ban on " + found.shown() + " from " + where + ".";
          if (channel != null) {
            channel.broadcast(new ChannelNotice(clock.instant(), channel.name(), text));
          } else {
            actor.deliver(new ServerNotice(clock.instant(), text));
          }
          return state.record(
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
  List<Ban> bans(User actor, String scope) {
    requireOnline(actor);
    return state.locked(
        () -> {
          Channel channel;
          if ("*".equals(scope)) {
            RankRules.checkServerBan(actor);
            channel = null;
          } else {
            channel = scope == null ? requireCurrent(actor) : state.memberChannel(actor, scope);
          }
          Instant now = clock.instant();
          List<Ban> here = new ArrayList<>();
          List<Ban> kept = new ArrayList<>();
          for (Ban b : state.bans) {
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
          state.bans = List.copyOf(kept);
          return here;
        });
  }
}
