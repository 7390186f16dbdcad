package dev.chatshell.chat;

import java.time.Instant;

/**
 * A line said in a channel, or an action ({@code /ME waves}) when {@code action}; {@code text} is
 * already made safe by {@link Text#visible}.
 */
public record ChannelMessage(Instant time, String channel, String nick, String text, boolean action)
    implements ChatEvent {
  /** A line said (not an action). */
  public ChannelMessage(Instant time, String channel, String nick, String text) {
    this(time, channel, nick, text, false);
  }
}
