package dev.chatshell.irc;

import dev.chatshell.chat.ChatEvent;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The bytes of lines lately rendered for many clients at once: a channel line goes to every member,
 * and the members that asked for the same capabilities see the same bytes, so the first of them to
 * be written renders it and the others copy it. Keyed by the event itself (events are immutable and
 * one instance is shared by every recipient of a fan-out) and a number naming the form.
 *
 * <p>A few hundred slots, each remembering one rendering: a channel line is written to all its
 * members within moments, so only the lines of the last moments need to be here. Two renderings
 * that fall in the same slot push each other out, which costs a rendering again, never a wrong
 * line.
 *
 * <p>Threading: any thread; a slot holds an immutable entry, replaced whole.
 */
final class SharedLines {
  private static final int SLOTS = 512; // a power of two

  private record Entry(ChatEvent event, int form, byte[] bytes) {}

  private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

  /** The bytes remembered for {@code event} in {@code form}, or null. Never to be changed. */
  byte[] get(ChatEvent event, int form) {
    Entry entry = slots.getAcquire(slot(event, form));
    return entry != null && entry.event == event && entry.form == form ? entry.bytes : null;
  }

  /** Remembers the bytes of {@code event} in {@code form}, which nobody may change from now on. */
  void put(ChatEvent event, int form, byte[] bytes) {
    slots.setRelease(slot(event, form), new Entry(event, form, bytes));
  }

  private static int slot(ChatEvent event, int form) {
    return (System.identityHashCode(event) * 31 + form) & (SLOTS - 1);
  }
}
