package dev.chatshell.irc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the IRC door tells clients about the server: its name (the source of numerics), network,
 * version, when it started, the message of the day, and the limits ISUPPORT advertises; and how its
 * sessions write.
 *
 * @param name the server's name as IRC shows it: one word, like a host name
 * @param network the NETWORK name clients show (one word)
 * @param description the network's name as configured, spaces and all (LINKS)
 * @param channelsPerUser the most channels one user may be in (CHANLIMIT)
 * @param outputGather not told to clients: how long a session gathers output after a write before
 *     the next (see {@code Outbox}); zero writes each line as it comes
 */
record IrcServerInfo(
    String name,
    String network,
    String description,
    String version,
    Instant started,
    List<String> motd,
    int channelsPerUser,
    Duration outputGather) {

  IrcServerInfo {
    motd = List.copyOf(motd);
  }

  /** A server name IRC clients accept: no spaces, never starting with ':'. */
  static String ircName(String configured) {
    String name = configured.strip().replaceAll("[^A-Za-z0-9.\\-_]", "-");
    return name.isEmpty() ? "chatshell" : name;
  }
}
