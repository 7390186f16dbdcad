package dev.chatshell.irc;

import dev.chatshell.chat.ChatServer;
import dev.chatshell.chat.Names;
import dev.chatshell.chat.User;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the IRC door knows of people beyond the domain: the user name and real name each IRC client
 * gave at registration (WHOIS, WHO and message sources show them, as IRC users expect), and who was
 * here (WHOWAS). Users of other doors show their nick as user name and real name.
 *
 * <p>Threading: any thread; the identities are a concurrent map, the departures a bounded deque
 * under its own monitor.
 */
final class IrcPeople {
  /** What an IRC client said it is at registration. */
  record Identity(String ident, String realName) {}

  /** Someone who left: as WHOWAS shows them. */
  record Departure(String nick, String ident, String realName, Instant at) {}

  private static final int DEPARTURES_KEPT = 1000;
  private static final int RECENT_KEPT = 64;

  private final ChatServer chat;
  private final String host;
  private final Map<User, Identity> identities = new ConcurrentHashMap<>();
  private final Deque<Departure> departures = new ArrayDeque<>(); // newest first
  // The user names of those who just left, by nick, for the lines about them still on their way
  // to others (their QUIT); the oldest forgotten first.
  private final Map<String, String> recentIdents = new ConcurrentHashMap<>();
  private final Deque<String> recentOrder = new ArrayDeque<>(); // guarded by departures

  IrcPeople(ChatServer chat, String host) {
    this.chat = chat;
    this.host = host;
  }

  /** The host everyone is shown with: the server's name, as a cloak. */
  String host() {
    return host;
  }

  void arrived(User user, Identity identity) {
    identities.put(user, identity);
  }

  /** An IRC user left: remembered for WHOWAS, the newest first, the oldest forgotten. */
  void left(User user) {
    Identity identity = identities.remove(user);
    if (identity == null) {
      return;
    }
    synchronized (departures) {
      departures.addFirst(
          new Departure(user.nick(), identity.ident(), identity.realName(), Instant.now()));
      if (departures.size() > DEPARTURES_KEPT) {
        departures.removeLast();
      }
    }
  }

  /**
   * An IRC user is about to leave: the lines about them still on their way to others (their QUIT,
   * rendered once they are gone) show the user name they gave.
   */
  void leaving(User user) {
    Identity identity = identities.get(user);
    if (identity == null) {
      return;
    }
    String key = Names.key(user.nick());
    synchronized (departures) {
      recentIdents.put(key, identity.ident());
      recentOrder.addLast(key);
      if (recentOrder.size() > RECENT_KEPT) {
        String old = recentOrder.removeFirst();
        if (!recentOrder.contains(old)) {
          recentIdents.remove(old);
        }
      }
    }
  }

  /** The departures of {@code nick}, newest first, at most {@code most} (0 or less: all). */
  List<Departure> whowas(String nick, int most) {
    String key = Names.key(nick);
    List<Departure> found = new ArrayList<>();
    synchronized (departures) {
      for (Iterator<Departure> it = departures.iterator(); it.hasNext(); ) {
        Departure d = it.next();
        if (Names.key(d.nick()).equals(key)) {
          found.add(d);
          if (most > 0 && found.size() == most) {
            break;
          }
        }
      }
    }
    return found;
  }

  /** The user name {@code user} is shown with: their own for IRC users, else {@code ~nick}. */
  String ident(User user) {
    Identity identity = user == null ? null : identities.get(user);
    return identity != null ? identity.ident() : "~" + Masks.ident(user == null ? "" : user.nick());
  }

  /** The real name {@code user} is shown with: their own for IRC users, else their nick. */
  String realName(User user) {
    Identity identity = identities.get(user);
    return identity != null ? identity.realName() : user.nick();
  }

  /**
   * The nick of the one user online who shows {@code user} (without its {@code ~}) as user name, or
   * null when nobody or several do.
   */
  String nickShowing(String user) {
    if (user.isEmpty()) {
      return null;
    }
    User byNick = chat.online(user);
    if (byNick != null && ident(byNick).replace("~", "").equalsIgnoreCase(user)) {
      return byNick.nick();
    }
    String found = null;
    for (Map.Entry<User, Identity> entry : identities.entrySet()) {
      if (entry.getValue().ident().replace("~", "").equalsIgnoreCase(user)) {
        if (found != null) {
          return null;
        }
        found = entry.getKey().nick();
      }
    }
    return found;
  }

  /** {@code nick!user@host} for whoever is online under {@code nick} now. */
  String source(String nick) {
    User user = chat.online(nick);
    Identity identity = user == null ? null : identities.get(user);
    if (identity != null) {
      return Masks.of(nick, identity.ident(), host);
    }
    String recent =
        user != null || recentIdents.isEmpty() ? null : recentIdents.get(Names.key(nick));
    if (recent != null) {
      return Masks.of(nick, recent, host); // an IRC user who just left: their QUIT
    }
    return Masks.of(nick, host);
  }
}
