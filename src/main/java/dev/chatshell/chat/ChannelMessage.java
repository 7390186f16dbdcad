package dev.chatshell.chat;

import java.time.Instant;

/**
 * A line said in a channel, or an action ({@code /ME waves}) when {@code action}, or a notice when
 * {@code notice} (IRC's NOTICE: a line that no program answers automatically, as bots send); {@code
 * text} is already made safe by {@link Text#visible}.
 */
public record ChannelMessage(
    Instant time, String channel, String nick, String text, boolean action, boolean notice)
    implements ChatEvent {
  /** A line said (not an action). */
  public ChannelMessage(Instant time, String channel, String nick, String text) {
    this(time, channel, nick, text, false, false);
  }

  /** A line said, or an action. */
  public ChannelMessage(Instant time, String channel, String nick, String text, boolean action) {
    this(time, channel, nick, text, action, false);
  }
}
