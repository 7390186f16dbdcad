package dev.chatshell.chat;

import java.time.Instant;

/**
 * The last thing a session shows before it closes, as free text (the shell's own: an idle timeout).
 * What the domain tells a user it removes (a /KILL, a server ban) is a {@link Notice.Farewell},
 * which closes the session the same way.
 */
public record Disconnected(Instant time, String text) implements ChatEvent {}
