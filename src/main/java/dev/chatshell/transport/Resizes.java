package dev.chatshell.transport;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a client's window sizes to the session's {@link ResizeListener} on a virtual thread, the
 * latest only: redrawing takes the line editor's lock, which the session may hold while it waits
 * for a client that reads nothing, so the thread that received the size (an I/O thread of the door)
 * must not draw it; and sizes that come faster than they are drawn are merged.
 */
public final class Resizes {
  private static final Logger log = LoggerFactory.getLogger(Resizes.class);
  private static final long NONE = -1;

  private final String name;
  private final Supplier<ResizeListener> listener;
  private final AtomicLong pending = new AtomicLong(NONE); // columns << 32 | rows
  private final AtomicBoolean drawing = new AtomicBoolean();

  /**
   * @param name the drawing thread's name
   * @param listener the session's listener now (it may be set later than the first size)
   */
  public Resizes(String name, Supplier<ResizeListener> listener) {
    this.name = name;
    this.listener = listener;
  }

  /** A new size, from any thread; returns at once. */
  public void resized(int columns, int rows) {
    pending.set(((long) columns << 32) | rows);
    if (drawing.compareAndSet(false, true)) {
      Thread.ofVirtual().name(name).start(this::draw);
    }
  }

  /** Tells the listener the latest size until no newer one is waiting; one thread at a time. */
  private void draw() {
    do {
      long size = pending.getAndSet(NONE);
      ResizeListener told = listener.get();
      if (size != NONE && told != null) {
        try {
          told.resized((int) (size >>> 32), (int) size);
        } catch (RuntimeException e) {
          log.debug("{}: resize failed: {}", name, e.toString());
        }
      }
      drawing.set(false);
    } while (pending.get() != NONE && drawing.compareAndSet(false, true));
  }
}
