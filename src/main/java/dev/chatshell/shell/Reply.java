package dev.chatshell.shell;

import dev.chatshell.chat.ChatEvent;
import java.time.Instant;
import java.util.List;

/**
 * The output of one command (or one message from the session itself) for one user: its lines go out
 * together, in order with the user's chat events, and count as one entry in the outbox.
 */
public record Reply(Instant time, List<Line> lines) implements ChatEvent {
  /** One line of output; errors are shown distinctly. */
  public record Line(String text, boolean error) {}

  public static Reply of(String text, boolean error) {
    return new Reply(Instant.now(), List.of(new Line(text, error)));
  }
}
