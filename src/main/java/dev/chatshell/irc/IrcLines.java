package dev.chatshell.irc;

import dev.chatshell.chat.ChatEvent;
import java.time.Instant;
import java.util.List;

/**
 * Lines the IRC door wrote itself (a command's numerics), queued with the user's chat events so
 * they go out in order with them.
 *
 * @param farewell the session closes once these are written (an ERROR line)
 */
record IrcLines(Instant time, List<String> lines, boolean farewell) implements ChatEvent {
  IrcLines {
    lines = List.copyOf(lines);
  }
}
