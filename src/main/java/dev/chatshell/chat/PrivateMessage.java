package dev.chatshell.chat;

import java.time.Instant;
import java.util.List;

/**
 * A private message from {@code from} to the nicks in {@code to}. Every recipient and the sender
 * receive the same event; the shell shows it from the reader's side.
 */
public record PrivateMessage(Instant time, String from, List<String> to, String text)
    implements ChatEvent {}
