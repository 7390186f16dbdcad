package dev.chatshell.command;

import dev.chatshell.chat.ChatException;

/** Thrown when a command was called with arguments that do not fit its usage line. */
public class UsageException extends ChatException {
  public UsageException(String message) {
    super(message);
  }
}
