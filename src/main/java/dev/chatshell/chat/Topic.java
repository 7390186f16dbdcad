package dev.chatshell.chat;

import java.time.Instant;

/** A channel's topic: what it says, who set it and when. */
public record Topic(String text, String by, Instant at) {}
