package dev.chatshell.chat;

import java.util.ArrayList;
import java.util.List;

/** A recording {@link EventSink}: keeps every event a test user is told, in order. */
public final class Inbox implements EventSink {
  private final List<ChatEvent> events = new ArrayList<>();

  @Override
  public void deliver(ChatEvent event) {
    events.add(event);
  }

  public List<ChatEvent> events() {
    return List.copyOf(events);
  }

  /** The text of every event, in order. */
  public List<String> texts() {
    return events.stream().map(Inbox::textOf).toList();
  }

  public <T extends ChatEvent> List<T> ofType(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public void clear() {
    events.clear();
  }

  private static String textOf(ChatEvent event) {
    return switch (event) {
      case ChannelNotice notice -> notice.text();
      case ServerNotice notice -> notice.text();
      case ChannelMessage message -> message.text();
      case PrivateMessage message -> message.text();
      default -> event.toString();
    };
  }
}
