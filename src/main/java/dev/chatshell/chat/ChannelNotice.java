package dev.chatshell.chat;

import java.time.Instant;

/**
 * A line of free text in a channel, as someone wrote it: a command plugin's result shown to
 * everyone there. What the domain itself tells (joins, kicks, new roles) is a {@link Notice}.
 */
public record ChannelNotice(Instant time, String channel, String text) implements ChatEvent {}
