package dev.chatshell.shell;

import dev.chatshell.chat.ChatEvent;
import java.time.Instant;

/** A line of the server's operational log, shown on the operator console. */
record LogLine(Instant time, String text) implements ChatEvent {}
