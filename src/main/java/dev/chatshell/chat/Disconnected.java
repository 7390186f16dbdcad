package dev.chatshell.chat;

import java.time.Instant;

/**
 * The last thing a user is told when the server removes them (a /KILL): their session shows it,
 * then closes the connection. The domain has already logged them out.
 */
public record Disconnected(Instant time, String text) implements ChatEvent {}
