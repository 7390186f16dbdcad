package dev.chatshell.chat;

import java.time.Instant;

/** A server-written line about a channel: joins, departures, nick changes, new roles. */
public record ChannelNotice(Instant time, String channel, String text) implements ChatEvent {}
