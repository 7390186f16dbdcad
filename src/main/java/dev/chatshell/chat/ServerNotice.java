package dev.chatshell.chat;

import java.time.Instant;

/**
 * A line of free text not tied to a channel, as someone wrote it: an announcement to everyone (the
 * shutdown notice). What the domain itself tells (nick changes, away) is a {@link Notice}.
 */
public record ServerNotice(Instant time, String text) implements ChatEvent {}
