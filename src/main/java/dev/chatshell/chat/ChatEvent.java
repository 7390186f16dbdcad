package dev.chatshell.chat;

import java.time.Instant;

/**
 * Something a user is told. Events are immutable, so one instance is shared by every recipient of a
 * fan-out, and rendering can be done once per kind of terminal. The shell may add its own kinds
 * (command replies), which is why this interface is open.
 */
public interface ChatEvent {
  Instant time();
}
