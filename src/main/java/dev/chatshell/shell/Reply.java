package dev.chatshell.shell;

import dev.chatshell.chat.ChatEvent;
import java.time.Instant;

/** A line of command output for one user, queued with their chat events so the order holds. */
record Reply(Instant time, String text, boolean error) implements ChatEvent {}
