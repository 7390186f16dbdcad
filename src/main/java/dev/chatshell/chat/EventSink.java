package dev.chatshell.chat;

/**
 * Where the domain sends a user's events. Called with the domain lock held or during a fan-out, so
 * an implementation must return at once: queue the event, never block, never call back into the
 * {@link ChatServer}.
 */
@FunctionalInterface
public interface EventSink {
  void deliver(ChatEvent event);
}
