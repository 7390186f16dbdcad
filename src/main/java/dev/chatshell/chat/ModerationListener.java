package dev.chatshell.chat;

/**
 * Told of every moderation action, after the domain lock is released (it may write a file). Must
 * not call back into the {@link ChatServer}.
 */
@FunctionalInterface
public interface ModerationListener {
  ModerationListener NONE = action -> {};

  void recorded(ModerationAction action);
}
