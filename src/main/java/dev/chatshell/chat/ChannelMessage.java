package dev.chatshell.chat;

import java.time.Instant;

/** A line said in a channel; {@code text} is already made safe by {@link Text#visible}. */
public record ChannelMessage(Instant time, String channel, String nick, String text)
    implements ChatEvent {}
