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

  private final ChatServer chat;
  private final String host;
  private final Map<User, Identity> identities = new ConcurrentHashMap<>();
  private final Deque<Departure> departures = new ArrayDeque<>(); // newest first

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

  /** {@code nick!user@host} for whoever is online under {@code nick} now. */
  String source(String nick) {
    User user = chat.online(nick);
    if (user == null) {
      return Masks.of(nick, host);
    }
    return nick + "!" + ident(user) + "@" + host;
  }
}
