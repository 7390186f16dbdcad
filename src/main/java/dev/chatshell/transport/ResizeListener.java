package dev.chatshell.transport;

/** Told of a new window size (already clamped to sane bounds). */
@FunctionalInterface
public interface ResizeListener {
  void resized(int columns, int rows);
}
