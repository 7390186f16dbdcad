package dev.chatshell.chat;

/**
 * A request the domain refuses, with a one-line message for the user that says what went wrong and,
 * where possible, what to do instead. Never a bug: bugs are other exceptions.
 */
public class ChatException extends RuntimeException {
  public ChatException(String message) {
    super(message, null, false, false);
  }
}
