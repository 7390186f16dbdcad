package dev.chatshell.shell;

import java.time.Duration;
import java.util.List;

/**
 * What sessions need to know from the configuration.
 *
 * @param serverName shown in the banner
 * @param version the program version, shown in the banner
 * @param motd the message of the day, line by line
 * @param maxLineBytes longest line a user may send, in UTF-8 bytes
 * @param outboxLimit lines that may wait for a client before it is dropped as not reading
 * @param keepalive silence after which a client is pinged, and the time it has to answer
 * @param loginTimeout how long a connection may stay without logging in
 * @param floodRate lines per second a user may send in the long run
 * @param floodBurst lines a user may send at once before the rate applies
 * @param floodQueueLines chat lines of a user's that may wait for the rate; more are dropped
 * @param cleartextPasswords whether passwords are asked over telnet from other machines, with a
 *     warning, or refused
 */
public record ShellSettings(
    String serverName,
    String version,
    List<String> motd,
    int maxLineBytes,
    int outboxLimit,
    Duration keepalive,
    Duration loginTimeout,
    double floodRate,
    int floodBurst,
    int floodQueueLines,
    CleartextPasswords cleartextPasswords) {}
