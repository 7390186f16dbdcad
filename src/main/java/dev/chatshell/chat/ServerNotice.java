package dev.chatshell.chat;

import java.time.Instant;

/** A server-written line not tied to a channel (nick changes of your own, shutdown notices). */
public record ServerNotice(Instant time, String text) implements ChatEvent {}
